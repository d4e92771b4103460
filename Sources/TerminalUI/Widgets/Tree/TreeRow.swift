/// One visible row of a flattened tree: a node at a depth, with what the row needs to draw its
/// expand marker and to move to its parent.
public struct TreeRow<ID: Hashable & Sendable>: Hashable, Sendable {
    /// The node's identity.
    public var id: ID
    /// The node's label.
    public var label: Line
    /// 0 for roots.
    public var depth: Int
    /// Whether the node has children (and so an expand marker).
    public var hasChildren: Bool
    /// Whether the node's children are shown.
    public var isExpanded: Bool
    /// The parent's identity; `nil` for roots.
    public var parent: ID?

    /// Creates a row.
    public init(id: ID, label: Line, depth: Int, hasChildren: Bool, isExpanded: Bool, parent: ID?) {
        self.id = id
        self.label = label
        self.depth = depth
        self.hasChildren = hasChildren
        self.isExpanded = isExpanded
        self.parent = parent
    }
}
