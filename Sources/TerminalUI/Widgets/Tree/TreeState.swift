/// Which nodes of a tree are expanded, plus the selection and scroll position of its rows.
///
/// Pure data for the app's state. The tree itself is passed in (as roots or as the flattened
/// ``TreeRow``s from ``visibleRows(of:)``), so it can change between calls.
public struct TreeState<ID: Hashable & Sendable>: Hashable, Sendable {
    /// The identities of expanded nodes (identities not in the tree are harmless).
    public var expanded: Set<ID>
    /// Selection and scrolling over the visible rows.
    public var list: ListState

    /// Creates a state.
    public init(expanded: Set<ID> = [], list: ListState = ListState()) {
        self.expanded = expanded
        self.list = list
    }

    /// The rows shown for `roots`: depth-first, children only under expanded nodes.
    ///
    /// Costs time proportional to the rows returned, not to the size of collapsed subtrees.
    public func visibleRows(of roots: [TreeNode<ID>]) -> [TreeRow<ID>] {
        var rows: [TreeRow<ID>] = []
        // An explicit stack instead of recursion, so a very deep tree cannot overflow the stack.
        var stack: [(node: TreeNode<ID>, depth: Int, parent: ID?)] = roots.reversed().map { ($0, 0, nil) }
        while let (node, depth, parent) = stack.popLast() {
            let isExpanded = !node.children.isEmpty && expanded.contains(node.id)
            rows.append(
                TreeRow(
                    id: node.id, label: node.label, depth: depth, hasChildren: !node.children.isEmpty,
                    isExpanded: isExpanded, parent: parent))
            if isExpanded {
                stack.append(contentsOf: node.children.reversed().map { ($0, depth + 1, node.id) })
            }
        }
        return rows
    }

    /// The identity of the selected row, if any.
    public func selectedID(in rows: [TreeRow<ID>]) -> ID? {
        list.selection(count: rows.count).map { rows[$0].id }
    }

    /// Selects the row of `id` if it is visible; returns whether it was.
    @discardableResult
    public mutating func select(_ id: ID, in rows: [TreeRow<ID>], height: Int) -> Bool {
        guard let index = rows.firstIndex(where: { $0.id == id }) else { return false }
        list.select(index, count: rows.count, height: height)
        return true
    }

    /// Shows the children of `id`.
    public mutating func expand(_ id: ID) { expanded.insert(id) }

    /// Hides the children of `id`.
    public mutating func collapse(_ id: ID) { expanded.remove(id) }

    /// Expands `id` if it is collapsed, collapses it otherwise.
    public mutating func toggle(_ id: ID) {
        if expanded.contains(id) { expanded.remove(id) } else { expanded.insert(id) }
    }

    /// Expands every node of `roots` that has children.
    public mutating func expandAll(_ roots: [TreeNode<ID>]) {
        var stack = roots
        while let node = stack.popLast() {
            if !node.children.isEmpty {
                expanded.insert(node.id)
                stack.append(contentsOf: node.children)
            }
        }
    }

    /// Handles a key: `l`/`→` expands the selected node or, if it is already expanded, moves to
    /// its first child; `h`/`←` collapses it or, if it is collapsed or a leaf, moves to its
    /// parent; other keys move the selection as in ``ListState/handle(_:count:height:)``.
    /// `rows` must be ``visibleRows(of:)`` for the current tree. Returns whether the key was used.
    public mutating func handle(_ key: Key, rows: [TreeRow<ID>], height: Int) -> Bool {
        switch key {
        case .character("l"), .right:
            guard let index = list.selection(count: rows.count), rows[index].hasChildren else { return false }
            if rows[index].isExpanded {
                list.select(index + 1, count: rows.count, height: height)
            } else {
                expand(rows[index].id)
            }
            return true
        case .character("h"), .left:
            guard let index = list.selection(count: rows.count) else { return false }
            let row = rows[index]
            if row.isExpanded {
                collapse(row.id)
                return true
            }
            guard let parent = row.parent else { return false }
            return select(parent, in: rows, height: height)
        default:
            return list.handle(key, count: rows.count, height: height)
        }
    }

    /// Handles a mouse event over a tree drawn in `rect` from `rows`: a click on a row's expand
    /// marker toggles it, a click elsewhere on a row selects it, the wheel scrolls.
    public mutating func handle(_ mouse: MouseEvent, in rect: Rect, rows: [TreeRow<ID>]) -> Bool {
        guard rect.contains(mouse.position) else { return false }
        if mouse.kind == .click || mouse.kind == .press,
            let index = list.index(atLine: mouse.position.y - rect.minY, count: rows.count, height: rect.height)
        {
            let row = rows[index]
            let markerX = rect.minX + row.depth * TreeView<ID>.indentWidth
            if row.hasChildren && (markerX...markerX + 1).contains(mouse.position.x) {
                toggle(row.id)
            }
        }
        return list.handle(mouse, in: rect, count: rows.count)
    }
}
