import Testing
import TerminalUI

struct ScrollingTextTests {
    @Test func wrapped_text_scrolls_by_lines_and_stops_at_the_end() {
        let text = ScrollingText("one two three four five six")
        let viewport = Size(width: 9, height: 2)
        var state = ScrollState()
        var grid = Grid(size: viewport)
        text.render(into: &grid, in: grid.bounds, state: state)
        #expect(grid.rows() == ["one two", "three"])

        let used1 = text.handle(.character("G"), state: &state, viewport: viewport)
        #expect(used1)
        text.render(into: &grid, in: grid.bounds, state: state)
        #expect(grid.rows() == ["four five", "six"])
        let used2 = text.handle(.down, state: &state, viewport: viewport)
        #expect(used2)
        #expect(state.offset == 2)
        let used3 = text.handle(.character("k"), state: &state, viewport: viewport)
        #expect(used3)
        #expect(state.offset == 1)
        let used4 = text.handle(.pageUp, state: &state, viewport: viewport)
        #expect(used4)
        #expect(state.offset == 0)
        let used5 = text.handle(.character("l"), state: &state, viewport: viewport)
        #expect(!used5)  // nothing to scroll sideways
    }

    @Test func clipped_text_scrolls_sideways() {
        let text = ScrollingText([Line("abcdefghij"), Line("xy")], wrap: false)
        let viewport = Size(width: 4, height: 2)
        var state = ScrollState()
        var grid = Grid(size: viewport)
        let used6 = text.handle(.right, state: &state, viewport: viewport)
        #expect(used6)
        text.render(into: &grid, in: grid.bounds, state: state)
        #expect(grid.rows() == ["efgh", ""])
        let used7 = text.handle(.character("l"), state: &state, viewport: viewport)
        #expect(used7)
        text.render(into: &grid, in: grid.bounds, state: state)
        #expect(grid.rows() == ["ghij", ""])
        let used8 = text.handle(.left, state: &state, viewport: viewport)
        #expect(used8)
        #expect(state.column == 2)
    }

    @Test func a_resize_re_flows_and_reclamps() {
        let text = ScrollingText("aaa bbb ccc ddd")
        var state = ScrollState()
        _ = text.handle(.end, state: &state, viewport: Size(width: 3, height: 1))
        #expect(state.offset == 3)
        var grid = Grid(width: 7, height: 2)
        text.render(into: &grid, in: grid.bounds, state: state)
        #expect(grid.rows() == ["aaa bbb", "ccc ddd"])
    }
}
