/// A scrolling table: a header row and virtualised body rows with one selected row.
///
/// Column widths come from splitting the table width by the columns' ``LayoutConstraint``s,
/// with `columnSpacing` blank columns between them; each cell is truncated with "…" when too
/// long and aligned in its column. Like ``ListView`` it asks the provider only for the rows it
/// shows, and uses a ``ListState`` whose viewport height is ``bodyRect(in:)``'s height.
public struct TableView {
    /// The columns.
    public var columns: [TableColumn]
    /// The body rows; each row has one line per column (missing cells are blank, extra ones ignored).
    public var rows: RowProvider<[Line]>
    /// Whether the table has keyboard focus.
    public var focused: Bool
    /// Whether to draw the header row.
    public var showsHeader: Bool
    /// Blank columns between neighbouring columns.
    public var columnSpacing: Int

    /// Creates a table view.
    public init(
        columns: [TableColumn], rows: RowProvider<[Line]>, focused: Bool = true, showsHeader: Bool = true,
        columnSpacing: Int = 1
    ) {
        self.columns = columns
        self.rows = rows
        self.focused = focused
        self.showsHeader = showsHeader
        self.columnSpacing = max(0, columnSpacing)
    }

    /// The part of `rect` holding body rows (below the header): its height is the viewport
    /// height to pass to ``ListState`` operations, and mouse events are hit-tested against it.
    public func bodyRect(in rect: Rect) -> Rect {
        showsHeader ? rect.splitTop(1).rest : rect
    }

    /// The column ranges (start column and width, relative to the table's left edge) for a
    /// table `width` columns wide.
    public func columnLayout(width: Int) -> [(x: Int, width: Int)] {
        var constraints: [LayoutConstraint] = []
        for (index, column) in columns.enumerated() {
            if index > 0 { constraints.append(.fixed(columnSpacing)) }
            constraints.append(column.width)
        }
        let lengths = LayoutConstraint.lengths(for: constraints, total: width)
        var result: [(x: Int, width: Int)] = []
        var x = 0
        for (index, length) in lengths.enumerated() {
            if index % 2 == 0 { result.append((x, length)) }
            x += length
        }
        return result
    }

    /// Draws the header and the visible rows into `rect` of `grid` (clipped to both).
    public func render(into grid: inout Grid, in rect: Rect, state: ListState) {
        let area = rect.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        grid.fill(area)
        let layout = columnLayout(width: rect.width)
        if showsHeader {
            let headerRect = Rect(x: rect.minX, y: rect.minY, width: rect.width, height: 1).intersection(area)
            let header = columns.map { Line($0.title, style: .header) }
            drawRow(header, y: rect.minY, x: rect.minX, layout: layout, into: &grid, clip: headerRect, role: nil)
        }
        let body = bodyRect(in: rect)
        let range = state.visibleRange(count: rows.count, height: body.height)
        let selected = state.selection(count: rows.count)
        let selectedRole: StyleRole = focused ? .selected : .selectedUnfocused
        for (line, index) in range.enumerated() {
            let y = body.minY.adding(saturating: line)
            if y >= area.maxY { break }  // below the grid: never built
            if y < area.minY { continue }
            let rowRect = Rect(x: body.minX, y: y, width: body.width, height: 1).intersection(area)
            let role: StyleRole? = index == selected ? selectedRole : nil
            if let role { grid.fill(rowRect, style: Style(role)) }
            drawRow(rows[index], y: y, x: rect.minX, layout: layout, into: &grid, clip: rowRect, role: role)
        }
    }

    private func drawRow(
        _ cells: [Line], y: Int, x: Int, layout: [(x: Int, width: Int)], into grid: inout Grid, clip: Rect,
        role: StyleRole?
    ) {
        for (index, column) in columns.enumerated() where index < cells.count && index < layout.count {
            let slot = layout[index]
            guard slot.width > 0 else { continue }
            var content = cells[index].truncated(toWidth: slot.width)
            if let role { content = content.restyled { $0.withRole(role) } }
            let offset = column.alignment.offset(textWidth: content.width, in: slot.width)
            let cellRect = Rect(x: x + slot.x, y: y, width: slot.width, height: 1).intersection(clip)
            grid.put(content, at: Point(x: x + slot.x + offset, y: y), clip: cellRect)
        }
    }
}
