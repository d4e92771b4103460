import Testing
import TerminalUI

struct ListViewTests {
    @Test func moving_down_scrolls_just_enough_to_keep_the_selection_visible() {
        var state = ListState()
        for _ in 0..<12 { let used1 = state.handle(.character("j"), count: 100, height: 10); #expect(used1) }
        #expect(state.selection(count: 100) == 12)
        #expect(state.visibleRange(count: 100, height: 10) == 3..<13)
        for _ in 0..<5 { _ = state.handle(.up, count: 100, height: 10) }
        #expect(state.selection(count: 100) == 7)
        #expect(state.visibleRange(count: 100, height: 10) == 3..<13)
        for _ in 0..<5 { _ = state.handle(.up, count: 100, height: 10) }
        #expect(state.visibleRange(count: 100, height: 10) == 2..<12)
    }

    @Test func pages_move_the_selection_and_the_view_together() {
        var state = ListState()
        _ = state.handle(.pageDown, count: 100, height: 10)
        #expect(state.selection(count: 100) == 10)
        #expect(state.visibleRange(count: 100, height: 10) == 10..<20)
        _ = state.handle(.pageDown, count: 25, height: 10)
        #expect(state.selection(count: 25) == 20)
        #expect(state.visibleRange(count: 25, height: 10) == 15..<25)
        _ = state.handle(.pageUp, count: 25, height: 10)
        #expect(state.selection(count: 25) == 10)
        #expect(state.visibleRange(count: 25, height: 10) == 5..<15)
    }

    @Test func g_and_G_jump_to_the_ends() {
        var state = ListState()
        _ = state.handle(.character("G"), count: 100, height: 10)
        #expect(state.selection(count: 100) == 99)
        #expect(state.visibleRange(count: 100, height: 10) == 90..<100)
        _ = state.handle(.character("g"), count: 100, height: 10)
        #expect(state.visibleRange(count: 100, height: 10) == 0..<10)
        let used2 = state.handle(.character("x"), count: 100, height: 10)
        #expect(!used2)
    }

    @Test func a_shrinking_list_or_viewport_keeps_the_selection_valid_and_visible() {
        var state = ListState()
        state.select(50, count: 100, height: 10)
        #expect(state.selection(count: 20) == 19)
        #expect(state.visibleRange(count: 20, height: 10) == 10..<20)
        #expect(state.visibleRange(count: 100, height: 3) == 48..<51)
        #expect(state.selection(count: 0) == nil)
        #expect(state.visibleRange(count: 0, height: 10) == 0..<0)
        #expect(state.visibleRange(count: 100, height: 0) == 0..<0)
        _ = state.handle(.down, count: 0, height: 10)
        #expect(state.selection(count: 0) == nil)
    }

    @Test func the_wheel_scrolls_the_view_and_drags_the_selection_along() {
        var state = ListState()
        state.scroll(by: 3, count: 100, height: 10)
        #expect(state.visibleRange(count: 100, height: 10) == 3..<13)
        #expect(state.selection(count: 100) == 3)
        state.scroll(by: 500, count: 100, height: 10)
        #expect(state.visibleRange(count: 100, height: 10) == 90..<100)
        #expect(state.selection(count: 100) == 90)
    }

    @Test func clicks_select_the_row_under_the_pointer() {
        var state = ListState()
        state.select(20, count: 100, height: 10)  // shows 11..<21
        let rect = Rect(x: 0, y: 5, width: 20, height: 10)
        let used3 = state.handle(MouseEvent(.click, at: Point(x: 4, y: 7)), in: rect, count: 100)
        #expect(used3)
        #expect(state.selection(count: 100) == 13)
        let used4 = state.handle(MouseEvent(.click, at: Point(x: 4, y: 30)), in: rect, count: 100)
        #expect(!used4)
        let used5 = state.handle(MouseEvent(.wheelDown, at: Point(x: 4, y: 7)), in: rect, count: 100)
        #expect(used5)
        #expect(state.visibleRange(count: 100, height: 10) == 14..<24)
        let used6 = state.handle(MouseEvent(.click, at: Point(x: 1, y: 8)), in: rect, count: 2)
        #expect(!used6)  // below the last row
    }

    @Test func rendering_draws_rows_with_the_selection_across_the_width() {
        var state = ListState()
        state.select(1, count: 5, height: 3)
        let view = ListView(rows: RowProvider(["alpha", "beta", "gamma", "delta", "a very long row"]))
        var grid = Grid(width: 10, height: 4)
        view.render(into: &grid, in: Rect(x: 1, y: 1, width: 8, height: 3), state: state)
        #expect(grid.rows() == ["", " alpha", " beta", " gamma"])
        #expect(grid.styles(row: 2).map(\.role) == [.normal] + Array(repeating: .selected, count: 8) + [.normal])
        #expect(grid.styles(row: 1)[1].role == .normal)

        state.select(4, count: 5, height: 3)
        var unfocused = Grid(width: 10, height: 3)
        ListView(rows: view.rows, focused: false).render(into: &unfocused, in: Rect(x: 0, y: 0, width: 10, height: 3), state: state)
        #expect(unfocused.rows() == ["gamma", "delta", "a very lo…"])
        #expect(unfocused[0, 2].style.role == .selectedUnfocused)
    }

    @Test func a_million_rows_cost_only_the_visible_ones() {
        var requested: [Int] = []
        let rows = RowProvider(count: 1_000_000) { index -> Line in
            requested.append(index)
            return Line("row \(index)")
        }
        var state = ListState()
        state.select(500_000, count: rows.count, height: 5)
        var grid = Grid(width: 12, height: 5)
        ListView(rows: rows).render(into: &grid, in: grid.bounds, state: state)
        #expect(requested == Array(499_996...500_000))
        #expect(grid.rows() == ["row 499996", "row 499997", "row 499998", "row 499999", "row 500000"])
    }

    @Test func an_empty_list_shows_its_placeholder() {
        var grid = Grid(width: 12, height: 2)
        ListView(rows: RowProvider([]), placeholder: "no stubs yet").render(into: &grid, in: grid.bounds, state: ListState())
        #expect(grid.rows() == ["no stubs yet", ""])
        #expect(grid[0, 0].style.role == .muted)
    }

    @Test func the_scrollbar_shows_the_visible_part() {
        var state = ListState()
        var grid = Grid(width: 4, height: 4)
        let rows = RowProvider(count: 8) { Line("r\($0)") }
        ListView(rows: rows, showsScrollbar: true).render(into: &grid, in: grid.bounds, state: state)
        #expect(grid.rows() == ["r0 █", "r1 █", "r2 │", "r3 │"])
        state.select(7, count: 8, height: 4)
        ListView(rows: rows, showsScrollbar: true).render(into: &grid, in: grid.bounds, state: state)
        #expect(grid.rows() == ["r4 │", "r5 │", "r6 █", "r7 █"])
    }
}
