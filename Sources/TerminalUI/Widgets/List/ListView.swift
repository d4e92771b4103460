/// A scrolling list of styled rows with one selected row.
///
/// A view is built for one render from a ``RowProvider`` and the app's ``ListState``; it asks
/// the provider only for the rows it shows. The selected row is drawn across the full width
/// in the `.selected` role (`.selectedUnfocused` when the list is not focused), keeping each
/// span's attributes. Rows wider than the list end in "…".
public struct ListView {
    /// The rows.
    public var rows: RowProvider<Line>
    /// Whether the list has keyboard focus (changes how the selection looks).
    public var focused: Bool
    /// Whether to draw a scrollbar in the last column when not every row fits.
    public var showsScrollbar: Bool
    /// Shown in the `.muted` role when there are no rows (for example `"no stubs yet"`).
    public var placeholder: Line?

    /// Creates a list view.
    public init(rows: RowProvider<Line>, focused: Bool = true, showsScrollbar: Bool = false, placeholder: Line? = nil) {
        self.rows = rows
        self.focused = focused
        self.showsScrollbar = showsScrollbar
        self.placeholder = placeholder
    }

    /// Draws the visible rows into `rect` of `grid` (clipped to both), selection included.
    public func render(into grid: inout Grid, in rect: Rect, state: ListState) {
        let area = rect.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        grid.fill(area)
        guard rows.count > 0 else {
            if let placeholder {
                grid.put(placeholder.restyled { $0.withRole(.muted) }.truncated(toWidth: area.width), at: area.origin, clip: area)
            }
            return
        }
        let range = state.visibleRange(count: rows.count, height: rect.height)
        let scrollbar = showsScrollbar && rows.count > rect.height && area.width > 1
        let textWidth = scrollbar ? rect.width - 1 : rect.width
        let selected = state.selection(count: rows.count)
        let selectedRole: StyleRole = focused ? .selected : .selectedUnfocused
        for (line, index) in range.enumerated() {
            if rect.minY.adding(saturating: line) >= area.maxY { break }  // below the grid: never built
            if rect.minY.adding(saturating: line) < area.minY { continue }
            let rowRect = Rect(x: rect.minX, y: rect.minY + line, width: textWidth, height: 1).intersection(area)
            var content = rows[index].truncated(toWidth: textWidth)
            if index == selected {
                grid.fill(rowRect, style: Style(selectedRole))
                content = content.restyled { $0.withRole(selectedRole) }
            }
            grid.put(content, at: Point(x: rect.minX, y: rect.minY + line), clip: rowRect)
        }
        if scrollbar {
            ListView.drawScrollbar(
                into: &grid, x: rect.maxX - 1, top: rect.minY, height: rect.height, count: rows.count,
                offset: range.lowerBound, clip: area)
        }
    }

    /// Draws a vertical scrollbar: a `│` track in `.muted` with a `█` thumb in `.dim` whose size
    /// and position show the visible part of `count` rows starting at `offset`.
    static func drawScrollbar(into grid: inout Grid, x: Int, top: Int, height: Int, count: Int, offset: Int, clip: Rect) {
        guard height > 0, count > height else { return }
        let thumb = max(1, height * height / count)
        let travel = height - thumb
        let position = count - height > 0 ? offset * travel / (count - height) : 0
        for line in 0..<height {
            let isThumb = line >= position && line < position + thumb
            grid.set(Cell(isThumb ? "█" : "│", style: isThumb ? .dim : .muted), at: Point(x: x, y: top + line), clip: clip)
        }
    }
}
