/// A frame: a `width × height` buffer of ``Cell``s, plus where the terminal cursor should be.
///
/// Everything a UI shows is drawn into a grid by pure code, then a ``TerminalBackend``
/// presents it. Guarantees:
/// * drawing never crashes: anything outside the grid (or outside the `clip` rectangle a call
///   passes) is silently clipped, and a 0×0 grid accepts every call;
/// * wide characters are never split: a wide character that does not fit at the right edge of
///   the clip area is replaced by a space, and overwriting half of one blanks the other half;
/// * ``rows()`` gives a plain-text snapshot for tests.
public struct Grid: Hashable, Sendable {
    /// The number of columns.
    public let width: Int
    /// The number of rows.
    public let height: Int
    /// Where the terminal cursor should be shown, or `nil` to hide it (the default). Set by a
    /// focused ``TextInput``; backends show the cursor only when this is inside the grid.
    public var cursor: Point?

    private var cells: [Cell]

    /// Creates a grid of `size` filled with `fill`.
    public init(size: Size, fill: Cell = .blank) {
        self.width = size.width
        self.height = size.height
        let fill = fill.isWide || fill.isContinuation ? Cell(" ", style: fill.style) : fill
        self.cells = Array(repeating: fill, count: size.area)
    }

    /// Creates a grid of `width × height` blank cells (negative dimensions become 0).
    public init(width: Int, height: Int) {
        self.init(size: Size(width: width, height: height))
    }

    /// The grid's size.
    public var size: Size { Size(width: width, height: height) }

    /// The rectangle covering the whole grid.
    public var bounds: Rect { Rect(size: size) }

    /// The cell at column `x`, row `y`; a blank cell for positions outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// The cell at `point`; a blank cell outside the grid.
    public subscript(point: Point) -> Cell {
        self[point.x, point.y]
    }

    /// Writes one cell at `point`, keeping wide characters whole: a wide cell that would not
    /// fit becomes a space, and a wide character partly overwritten loses its other half.
    /// Positions outside the grid (or outside `clip`) are ignored.
    public mutating func set(_ cell: Cell, at point: Point, clip: Rect? = nil) {
        let area = clipArea(clip)
        guard area.contains(point) else { return }
        if cell.isContinuation { return }
        if cell.isWide && point.x + 1 >= area.maxX {
            write(Cell(" ", style: cell.style), x: point.x, y: point.y)
        } else {
            write(cell, x: point.x, y: point.y)
        }
    }

    /// Draws `text` on row `at.y` starting at column `at.x`, clipped to `clip` (default: the
    /// whole grid).
    ///
    /// Control characters (tabs, newlines) show as one space each and zero-width characters
    /// are skipped. A wide character cut by the clip's left or right edge shows its visible
    /// half as a space. Returns the column after the last character, or a column at or past
    /// the clip's right edge when the text was cut there (drawing stops at that edge, so a very
    /// long string costs only as much as the visible part).
    @discardableResult
    public mutating func put(_ text: String, at point: Point, style: Style = .normal, clip: Rect? = nil) -> Int {
        let area = clipArea(clip)
        let rowVisible = point.y >= area.minY && point.y < area.maxY
        var x = point.x
        for character in text {
            if x >= area.maxX { break }
            let cell = Cell(character, style: style)
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            defer { x += w }
            guard rowVisible, x + w > area.minX else { continue }
            if w == 1 {
                write(cell, x: x, y: point.y)
            } else if x >= area.minX && x + 1 < area.maxX {
                write(cell, x: x, y: point.y)
            } else if x >= area.minX {
                write(Cell(" ", style: style), x: x, y: point.y)  // cut by the right edge
            } else {
                write(Cell(" ", style: style), x: x + 1, y: point.y)  // cut by the left edge
            }
        }
        return x
    }

    /// Draws a styled line like ``put(_:at:style:clip:)`` draws a string, span after span.
    @discardableResult
    public mutating func put(_ line: Line, at point: Point, clip: Rect? = nil) -> Int {
        let area = clipArea(clip)
        var x = point.x
        for span in line.spans {
            if x >= area.maxX { break }
            x = put(span.text, at: Point(x: x, y: point.y), style: span.style, clip: area)
        }
        return x
    }

    /// Fills `rect` (clipped to the grid) with `character` in `style`. A wide fill character
    /// repeats every two columns, with a space in an odd last column.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(character, style: style)
        let space = Cell(" ", style: style)
        for y in area.minY..<area.maxY {
            var x = area.minX
            while x < area.maxX {
                if cell.isWide && x + 1 >= area.maxX {
                    write(space, x: x, y: y)
                } else {
                    write(cell, x: x, y: y)
                }
                x += cell.width
            }
        }
    }

    /// Fills the whole grid with spaces in `style` and hides the cursor.
    public mutating func clear(style: Style = .normal) {
        cells = Array(repeating: Cell(" ", style: style), count: cells.count)
        cursor = nil
    }

    /// A plain-text snapshot: one string per row, each wide character once, trailing spaces
    /// trimmed. This is what text-snapshot tests compare.
    public func rows() -> [String] {
        (0..<height).map { row($0) }
    }

    /// Row `y` as text (trailing spaces trimmed); empty outside the grid.
    public func row(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var text = ""
        for x in 0..<width {
            let cell = cells[y * width + x]
            if !cell.isContinuation { text.append(cell.character) }
        }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The styles of row `y`, one per column (continuation cells repeat their lead's style);
    /// empty outside the grid.
    public func styles(row y: Int) -> [Style] {
        guard y >= 0, y < height else { return [] }
        return (0..<width).map { cells[y * width + $0].style }
    }

    /// The cells that differ from `previous`, in row-major order. When the sizes differ, every
    /// cell of this grid is listed (the screen must be repainted). The cursor is not compared.
    public func changes(from previous: Grid) -> [CellChange] {
        var result: [CellChange] = []
        let sameSize = previous.width == width && previous.height == height
        for index in cells.indices where !sameSize || cells[index] != previous.cells[index] {
            result.append(CellChange(point: Point(x: index % width, y: index / width), cell: cells[index]))
        }
        return result
    }

    /// A grid of `size` holding this grid's overlapping top-left part (and its cursor, if that
    /// is still inside). A wide character cut by the new right edge becomes a space.
    public func resized(to size: Size) -> Grid {
        if size == self.size { return self }
        var result = Grid(size: size)
        let columns = min(width, size.width)
        for y in 0..<min(height, size.height) {
            for x in 0..<columns {
                var cell = cells[y * width + x]
                if cell.isWide && x == columns - 1 { cell = Cell(" ", style: cell.style) }
                result.cells[y * size.width + x] = cell
            }
        }
        if let cursor, result.bounds.contains(cursor) { result.cursor = cursor }
        return result
    }

    /// Runs `body` with a ``Canvas`` on `rect` (clipped to the grid): local coordinates, every
    /// write clipped to the region. The grid is handed to the canvas without copying and
    /// taken back afterwards.
    public mutating func withCanvas<Result>(_ rect: Rect, _ body: (inout Canvas) throws -> Result) rethrows -> Result {
        var canvas = Canvas(grid: self, bounds: rect.intersection(bounds))
        self = Grid(size: .zero)  // drop our reference so the canvas owns the only copy
        defer { self = canvas.grid }
        return try body(&canvas)
    }

    // MARK: - Internals

    func clipArea(_ clip: Rect?) -> Rect {
        guard let clip else { return bounds }
        return clip.intersection(bounds)
    }

    /// Stores `cell` at an in-bounds position; a wide `cell` needs `x + 1` in bounds. Breaks any
    /// wide character the write overlaps so the lead/continuation pairing stays intact.
    private mutating func write(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        breakWideCharacter(at: index, x: x)
        if cell.isWide {
            breakWideCharacter(at: index + 1, x: x + 1)
            cells[index] = cell
            cells[index + 1] = .continuation(cell.style)
        } else {
            cells[index] = cell
        }
    }

    private mutating func breakWideCharacter(at index: Int, x: Int) {
        let cell = cells[index]
        if cell.isContinuation && x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
            cells[index] = Cell(" ", style: cell.style)
        } else if cell.isWide && x + 1 < width {
            cells[index] = Cell(" ", style: cell.style)
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
    }
}
