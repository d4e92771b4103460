/// A tree drawn as an indented list: `▾` before expanded nodes, `▸` before collapsed ones,
/// two columns of indentation per level.
///
/// It draws the flattened rows from ``TreeState/visibleRows(of:)`` through a ``ListView``, so
/// only the visible rows are laid out and selection behaves exactly like a list.
public struct TreeView<ID: Hashable & Sendable> {
    /// Columns of indentation per depth level.
    public static var indentWidth: Int { 2 }

    /// The visible rows, as returned by ``TreeState/visibleRows(of:)``.
    public var rows: [TreeRow<ID>]
    /// Whether the tree has keyboard focus.
    public var focused: Bool
    /// Shown when there are no rows.
    public var placeholder: Line?

    /// Creates a tree view.
    public init(rows: [TreeRow<ID>], focused: Bool = true, placeholder: Line? = nil) {
        self.rows = rows
        self.focused = focused
        self.placeholder = placeholder
    }

    /// The line drawn for `row`: indentation, marker, label.
    public static func line(for row: TreeRow<ID>) -> Line {
        let indent = String(repeating: " ", count: row.depth * indentWidth)
        let marker = row.hasChildren ? (row.isExpanded ? "▾ " : "▸ ") : "  "
        return Line(indent + marker, style: .dim) + row.label
    }

    /// Draws the visible rows into `rect` of `grid`.
    public func render(into grid: inout Grid, in rect: Rect, state: TreeState<ID>) {
        let rows = self.rows
        let provider = RowProvider(count: rows.count) { TreeView.line(for: rows[$0]) }
        ListView(rows: provider, focused: focused, placeholder: placeholder).render(into: &grid, in: rect, state: state.list)
    }
}
