import Inspector
import TerminalUI
import Testing

/// The three layouts and zoom.
@Suite struct LayoutTests {
    @Test func wideShowsEveryPane() {
        let layout = ScreenLayout(size: Size(width: 120, height: 32), focus: .calls, leftPane: .workers, zoomed: false)
        #expect(layout.sizeClass == .wide)
        #expect(layout.boxes == [
            .workers: Rect(x: 0, y: 0, width: 40, height: 11), .stubs: Rect(x: 0, y: 11, width: 40, height: 10),
            .tasks: Rect(x: 0, y: 21, width: 40, height: 8), .calls: Rect(x: 40, y: 0, width: 80, height: 13),
            .details: Rect(x: 40, y: 13, width: 80, height: 8), .events: Rect(x: 40, y: 21, width: 80, height: 8),
        ])
        #expect(layout.tabStrip == nil)
        #expect(layout.narration == Rect(x: 0, y: 29, width: 120, height: 1))
        #expect(layout.console == Rect(x: 0, y: 30, width: 120, height: 1))
        #expect(layout.status == Rect(x: 0, y: 31, width: 120, height: 1))
    }

    @Test func regularTurnsTheLeftPanesIntoTabs() {
        let layout = ScreenLayout(size: Size(width: 80, height: 24), focus: .calls, leftPane: .tasks, zoomed: false)
        #expect(layout.sizeClass == .regular)
        #expect(layout.tabs == [.workers, .stubs, .tasks])
        #expect(layout.tabStrip == Rect(x: 0, y: 0, width: 32, height: 1))
        #expect(layout.boxes[.tasks] == Rect(x: 0, y: 1, width: 32, height: 20))
        #expect(layout.boxes[.workers] == nil)
        #expect(Set(layout.boxes.keys) == [.tasks, .calls, .details, .events])
    }

    @Test func compactShowsOnePaneUnderATabStripOfAll() {
        let layout = ScreenLayout(size: Size(width: 40, height: 12), focus: .events, leftPane: .workers, zoomed: false)
        #expect(layout.sizeClass == .compact)
        #expect(layout.tabs == Pane.allCases)
        #expect(layout.boxes == [.events: Rect(x: 0, y: 1, width: 40, height: 8)])
        #expect(layout.body(of: .events) == Rect(x: 1, y: 2, width: 38, height: 6))
    }

    @Test func zoomGivesTheFocusedPaneTheMainArea() {
        let layout = ScreenLayout(size: Size(width: 120, height: 32), focus: .stubs, leftPane: .workers, zoomed: true)
        #expect(layout.boxes == [.stubs: Rect(x: 0, y: 0, width: 120, height: 29)])
    }

    @Test func tinyScreensKeepTheStatusRow() {
        let layout = ScreenLayout(size: Size(width: 10, height: 3), focus: .calls, leftPane: .workers, zoomed: false)
        #expect(layout.status == Rect(x: 0, y: 2, width: 10, height: 1))
        #expect(layout.main == Rect(x: 0, y: 0, width: 10, height: 2))
        #expect(layout.pane(at: Point(x: 0, y: 1)) == .calls)
    }
}
