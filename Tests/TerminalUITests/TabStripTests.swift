import Testing
import TerminalUI

struct TabStripTests {
    let titles = ["1 Workers", "2 Calls", "3 Stubs"]

    @Test func tabs_render_with_separators_and_the_selection_styled() {
        var grid = Grid(width: 40, height: 1)
        TabStrip(titles, selected: 1).render(into: &grid, in: grid.bounds)
        #expect(grid.rows() == [" 1 Workers │ 2 Calls │ 3 Stubs"])
        #expect(grid[12, 0].style.role == .selected)
        #expect(grid[0, 0].style.role == .normal)
        #expect(grid[11, 0].style.role == .border)
    }

    @Test func a_narrow_strip_keeps_the_selected_tab_visible() {
        var grid = Grid(width: 12, height: 1)
        TabStrip(titles, selected: 2).render(into: &grid, in: grid.bounds)
        #expect(grid.rows() == [" 3 Stubs"])
        var tiny = Grid(width: 5, height: 1)
        TabStrip(titles, selected: 0).render(into: &tiny, in: tiny.bounds, focused: false)
        #expect(tiny.rows() == [" 1 …"])
        #expect(tiny[0, 0].style.role == .selectedUnfocused)
    }

    @Test func clicks_hit_the_tab_under_the_pointer() {
        let strip = TabStrip(titles, selected: 1)
        #expect(strip.tab(atColumn: 13, width: 40) == 1)
        #expect(strip.tab(atColumn: 0, width: 40) == 0)
        #expect(strip.tab(atColumn: 11, width: 40) == nil)
        #expect(strip.tab(atColumn: 35, width: 40) == nil)
    }

    @Test func next_and_previous_wrap_and_empty_strips_are_harmless() {
        var strip = TabStrip(titles, selected: 2)
        strip.selectNext()
        #expect(strip.selection == 0)
        strip.selectPrevious()
        #expect(strip.selection == 2)
        var empty = TabStrip([])
        empty.selectNext()
        #expect(empty.selection == nil)
        var grid = Grid(width: 5, height: 1)
        empty.render(into: &grid, in: grid.bounds)
        #expect(grid.rows() == [""])
    }
}
