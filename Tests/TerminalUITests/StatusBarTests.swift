import Testing
import TerminalUI

struct StatusBarTests {
    let bar = StatusBar([
        StatusSegment("REPLAY", priority: 3),
        StatusSegment("04-counter ▶ 3/5", priority: 2),
        StatusSegment.keyHints([(Key.character("."), "next"), (Key.character("q"), "quit")], priority: 1, alignment: .right),
    ])

    @Test func segments_are_separated_and_right_segments_flush_right() {
        var grid = Grid(width: 60, height: 1)
        bar.render(into: &grid, in: grid.bounds)
        let gap = String(repeating: " ", count: 19)
        #expect(grid.rows() == [" REPLAY │ 04-counter ▶ 3/5" + gap + ". next  q quit"])
        #expect(grid[45, 0].style.role == .accent)
        #expect(grid[47, 0].style.role == .normal)
        #expect(grid[8, 0].style.role == .border)
    }

    @Test func the_lowest_priority_segments_go_first_when_space_runs_out() {
        #expect(bar.visibleSegments(width: 60) == [0, 1, 2])
        #expect(bar.visibleSegments(width: 30) == [0, 1])
        #expect(bar.visibleSegments(width: 12) == [0])
        var grid = Grid(width: 30, height: 1)
        bar.render(into: &grid, in: grid.bounds)
        #expect(grid.rows() == [" REPLAY │ 04-counter ▶ 3/5"])
    }

    @Test func the_last_segment_is_truncated_and_zero_width_is_harmless() {
        var grid = Grid(width: 5, height: 1)
        bar.render(into: &grid, in: grid.bounds)
        #expect(grid.rows() == [" RE…"])
        var none = Grid(width: 0, height: 1)
        bar.render(into: &none, in: none.bounds)
        #expect(none.rows() == [""])
    }
}
