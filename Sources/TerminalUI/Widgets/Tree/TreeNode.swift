/// A node of the tree a ``TreeView`` shows: an identity, a label and children.
///
/// Identities (not positions) are what ``TreeState`` remembers as expanded, so the tree can be
/// rebuilt from fresh data on every render without losing what the user opened.
public struct TreeNode<ID: Hashable & Sendable>: Hashable, Sendable {
    /// The node's identity; unique within the tree.
    public var id: ID
    /// The text shown for the node.
    public var label: Line
    /// The children, in display order.
    public var children: [TreeNode<ID>]

    /// Creates a node.
    public init(id: ID, label: Line, children: [TreeNode<ID>] = []) {
        self.id = id
        self.label = label
        self.children = children
    }
}
