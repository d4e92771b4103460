/// A rectangular window onto a ``Grid`` with its own coordinates: (0, 0) is the region's
/// top-left cell, and every write is clipped to the region.
///
/// Get one from ``Grid/withCanvas(_:_:)``; nest with ``withRegion(_:_:)``. Code that draws a pane
/// through a canvas cannot spill into its neighbours, whatever its input.
public struct Canvas {
    /// The underlying grid (handed back to its owner when the closure ends).
    public internal(set) var grid: Grid
    /// The region, in grid coordinates, already clipped to the grid.
    public let bounds: Rect

    init(grid: Grid, bounds: Rect) {
        self.grid = grid
        self.bounds = bounds
    }

    /// The region's size.
    public var size: Size { bounds.size }
    /// The region's width.
    public var width: Int { bounds.width }
    /// The region's height.
    public var height: Int { bounds.height }
    /// The whole region in local coordinates: origin (0, 0) and the region's size.
    public var localBounds: Rect { Rect(size: bounds.size) }

    /// The grid rectangle for a local rectangle.
    public func gridRect(_ local: Rect) -> Rect { local.offsetBy(dx: bounds.x, dy: bounds.y) }

    /// The grid point for a local point.
    public func gridPoint(_ local: Point) -> Point { Point(x: local.x.adding(saturating: bounds.x), y: local.y.adding(saturating: bounds.y)) }

    /// The cell at a local position (blank outside the region).
    public subscript(x: Int, y: Int) -> Cell {
        bounds.contains(gridPoint(Point(x: x, y: y))) ? grid[x + bounds.x, y + bounds.y] : .blank
    }

    /// Draws text at a local point; see ``Grid/put(_:at:style:clip:)``. Returns a local column.
    @discardableResult
    public mutating func put(_ text: String, at point: Point, style: Style = .normal) -> Int {
        grid.put(text, at: gridPoint(point), style: style, clip: bounds) - bounds.x
    }

    /// Draws a styled line at a local point. Returns a local column.
    @discardableResult
    public mutating func put(_ line: Line, at point: Point) -> Int {
        grid.put(line, at: gridPoint(point), clip: bounds) - bounds.x
    }

    /// Writes one cell at a local point (clipped).
    public mutating func set(_ cell: Cell, at point: Point) {
        grid.set(cell, at: gridPoint(point), clip: bounds)
    }

    /// Fills a local rectangle (default: the whole region).
    public mutating func fill(_ rect: Rect? = nil, with character: Character = " ", style: Style = .normal) {
        grid.fill(gridRect(rect ?? localBounds).intersection(bounds), with: character, style: style)
    }

    /// Draws a box around a local rectangle (default: the whole region); see
    /// ``Grid/drawBox(_:title:style:titleStyle:clip:)``.
    public mutating func drawBox(_ rect: Rect? = nil, title: String? = nil, style: Style = .border, titleStyle: Style = .title) {
        grid.drawBox(gridRect(rect ?? localBounds), title: title, style: style, titleStyle: titleStyle, clip: bounds)
    }

    /// Shows the terminal cursor at a local point if it is inside the region (hides it for `nil`).
    public mutating func setCursor(_ point: Point?) {
        guard let point else {
            grid.cursor = nil
            return
        }
        let target = gridPoint(point)
        grid.cursor = bounds.contains(target) ? target : nil
    }

    /// Runs `body` with a canvas on a local sub-rectangle, clipped to this region.
    public mutating func withRegion<Result>(_ rect: Rect, _ body: (inout Canvas) throws -> Result) rethrows -> Result {
        var inner = Canvas(grid: grid, bounds: gridRect(rect).intersection(bounds))
        grid = Grid(size: .zero)  // drop our reference so the inner canvas owns the only copy
        defer { grid = inner.grid }
        return try body(&inner)
    }
}
