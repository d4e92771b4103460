import Testing
import TerminalUI

/// Absurd geometry must clip like any other out-of-range drawing, not trap or hang.
struct ExtremeGeometryTests {
    @Test func extreme_positions_and_sizes_clip_instead_of_trapping() {
        var grid = Grid(width: 6, height: 3)
        grid.put("far", at: Point(x: Int.max, y: Int.max))
        grid.put("far", at: Point(x: Int.min, y: 0))
        grid.drawBox(Rect(x: Int.max - 1, y: 0, width: 5, height: 5))
        grid.drawBox(Rect(x: 0, y: 0, width: 6, height: Int.max))  // only the visible rows are walked
        grid.withCanvas(Rect(x: 1, y: 1, width: 4, height: 1)) { canvas in
            canvas.put("x", at: Point(x: Int.max, y: 0))
            canvas.put("y", at: Point(x: Int.min, y: 0))
        }
        #expect(grid.rows() == ["┌────┐", "│    │", "│    │"])
        #expect(Rect(x: Int.max, y: 0, width: 10, height: 1).maxX == Int.max)
        #expect(LayoutConstraint.lengths(for: [.fraction(0.5), .fill(weight: Int.max), .fill()], total: Int.max).count == 3)
    }

    @Test func extreme_list_and_scroll_requests_clamp() {
        var state = ListState()
        state.apply(.pageDown, count: 10, height: Int.max)
        #expect(state.selection(count: 10) == 9)
        state.scroll(by: Int.min, count: 10, height: 3)
        #expect(state.visibleRange(count: 10, height: 3) == 0..<3)
        var scroll = ScrollState()
        scroll.scroll(by: Int.max, contentHeight: 10, viewportHeight: 4)
        #expect(scroll.offset == 6)
    }

    @Test func rows_of_a_list_taller_than_the_grid_are_never_built() {
        var requested: [Int] = []
        let rows = RowProvider(count: 100) { index -> Line in
            requested.append(index)
            return "r\(index)"
        }
        var grid = Grid(width: 4, height: 3)
        ListView(rows: rows).render(into: &grid, in: Rect(x: 0, y: -1, width: 4, height: 50), state: ListState())
        #expect(requested == [1, 2, 3])
        #expect(grid.rows() == ["r1", "r2", "r3"])
    }
}
