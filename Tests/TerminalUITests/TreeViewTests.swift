import Testing
import TerminalUI

struct TreeViewTests {
    let roots: [TreeNode<String>] = [
        TreeNode(
            id: "a", label: "a",
            children: [
                TreeNode(id: "a1", label: "a1", children: [TreeNode(id: "a1x", label: "a1x")]),
                TreeNode(id: "a2", label: "a2"),
            ]),
        TreeNode(id: "b", label: "b"),
    ]

    @Test func only_children_of_expanded_nodes_are_visible() {
        let state = TreeState<String>(expanded: ["a", "a1x"])
        let rows = state.visibleRows(of: roots)
        #expect(rows.map(\.id) == ["a", "a1", "a2", "b"])
        #expect(rows.map(\.depth) == [0, 1, 1, 0])
        #expect(rows.map(\.hasChildren) == [true, true, false, false])
        #expect(rows.map(\.isExpanded) == [true, false, false, false])
        #expect(rows.map(\.parent) == [nil, "a", "a", nil])
    }

    @Test func rows_render_with_markers_and_indentation() {
        var state = TreeState<String>(expanded: ["a"])
        let rows = state.visibleRows(of: roots)
        state.select("a1", in: rows, height: 4)
        var grid = Grid(width: 10, height: 4)
        TreeView(rows: rows).render(into: &grid, in: grid.bounds, state: state)
        #expect(grid.rows() == ["▾ a", "  ▸ a1", "    a2", "  b"])
        #expect(grid[5, 1].style.role == .selected)
        #expect(grid[0, 0].style.role == .dim)
    }

    @Test func right_and_left_expand_descend_collapse_and_ascend() {
        var state = TreeState<String>(expanded: ["a"])
        func rows() -> [TreeRow<String>] { state.visibleRows(of: roots) }
        state.select("a1", in: rows(), height: 10)

        let used1 = state.handle(.character("l"), rows: rows(), height: 10)
        #expect(used1)  // expand a1
        #expect(rows().map(\.id) == ["a", "a1", "a1x", "a2", "b"])
        #expect(state.selectedID(in: rows()) == "a1")
        let used2 = state.handle(.right, rows: rows(), height: 10)
        #expect(used2)  // into its first child
        #expect(state.selectedID(in: rows()) == "a1x")
        let used3 = state.handle(.right, rows: rows(), height: 10)
        #expect(!used3)  // a leaf cannot expand
        let used4 = state.handle(.character("h"), rows: rows(), height: 10)
        #expect(used4)  // leaf: up to the parent
        #expect(state.selectedID(in: rows()) == "a1")
        let used5 = state.handle(.left, rows: rows(), height: 10)
        #expect(used5)  // expanded: collapse
        #expect(rows().map(\.id) == ["a", "a1", "a2", "b"])
        let used6 = state.handle(.left, rows: rows(), height: 10)
        #expect(used6)  // collapsed: up to the parent
        #expect(state.selectedID(in: rows()) == "a")
        let used7 = state.handle(.left, rows: rows(), height: 10)
        #expect(used7)
        #expect(rows().map(\.id) == ["a", "b"])
        let used8 = state.handle(.left, rows: rows(), height: 10)
        #expect(!used8)  // a collapsed root has nowhere to go
        let used9 = state.handle(.character("j"), rows: rows(), height: 10)
        #expect(used9)
        #expect(state.selectedID(in: rows()) == "b")
    }

    @Test func clicking_a_marker_toggles_and_clicking_a_label_selects() {
        var state = TreeState<String>()
        let rect = Rect(x: 0, y: 0, width: 10, height: 5)
        let used10 = state.handle(MouseEvent(.click, at: Point(x: 0, y: 0)), in: rect, rows: state.visibleRows(of: roots))
        #expect(used10)
        #expect(state.visibleRows(of: roots).map(\.id) == ["a", "a1", "a2", "b"])
        let used11 = state.handle(MouseEvent(.click, at: Point(x: 6, y: 2)), in: rect, rows: state.visibleRows(of: roots))
        #expect(used11)
        #expect(state.selectedID(in: state.visibleRows(of: roots)) == "a2")
        #expect(state.expanded == ["a"])
    }

    @Test func expand_all_opens_every_parent() {
        var state = TreeState<String>()
        state.expandAll(roots)
        #expect(state.expanded == ["a", "a1"])
        #expect(state.visibleRows(of: roots).map(\.id) == ["a", "a1", "a1x", "a2", "b"])
    }
}
