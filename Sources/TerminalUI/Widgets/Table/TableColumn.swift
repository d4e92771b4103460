/// A column of a ``TableView``: its header, how wide it is, and how its cells are aligned.
public struct TableColumn: Hashable, Sendable {
    /// The header text.
    public var title: String
    /// The column's share of the table width (see ``LayoutConstraint``).
    public var width: LayoutConstraint
    /// How cells (and the header) sit in the column.
    public var alignment: TextAlignment

    /// Creates a column.
    public init(_ title: String, width: LayoutConstraint = .fill(), alignment: TextAlignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}
