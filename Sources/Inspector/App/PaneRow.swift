/// One visible row of a pane: what it shows (as a ``Selection``) and its place in a tree.
public struct PaneRow: Hashable, Sendable {
    /// What the row is.
    public var id: Selection
    /// Nesting depth (0 for top-level rows).
    public var depth: Int
    /// Whether it can be expanded or collapsed.
    public var hasChildren: Bool
    /// Whether its children are shown.
    public var isExpanded: Bool
    /// The row it nests under, if any.
    public var parent: Selection?

    /// Creates a row.
    public init(id: Selection, depth: Int = 0, hasChildren: Bool = false, isExpanded: Bool = false, parent: Selection? = nil) {
        self.id = id
        self.depth = depth
        self.hasChildren = hasChildren
        self.isExpanded = isExpanded
        self.parent = parent
    }
}
