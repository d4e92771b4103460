import Inspector
import RPCEngine
import TerminalUI
import Testing

/// Live mode: the log grows as the console runs statements; the cursor follows the newest
/// event unless paused.
@Suite struct LiveModeTests {
    let full: EventLog

    init() throws { full = try makeDemoLog() }

    /// Appends events `from...to` of the demo log to `log`.
    func grow(_ log: EventLog, to count: Int) {
        for event in full.events(from: log.count + 1, to: count + 1) { log.append(time: event.time, event.payload) }
    }

    @Test func theCursorFollowsTheGrowingLog() {
        let log = prefix(of: full, 20)
        var state = InspectorState(log: log, title: "live", mode: .live, size: Size(width: 120, height: 32))
        #expect(state.timeline.cursor == 20)
        grow(log, to: 60)
        _ = state.update(.logGrew(count: 60))
        #expect(state.timeline.cursor == 60)
        #expect(state.model.calls.count == 7)  // call7 starts at seq 60
        #expect(state.selected(.events) == .event(60))
    }

    @Test func pausedTheCursorStaysAndFollowCatchesUp() {
        let log = prefix(of: full, 20)
        var state = InspectorState(log: log, title: "live", mode: .live, size: Size(width: 120, height: 32))
        state.press("p")
        grow(log, to: 90)
        _ = state.update(.logGrew(count: 90))
        #expect(state.timeline.cursor == 20)
        #expect(state.timeline.known == 90)
        #expect(state.modeLabel == "PAUSED")
        #expect(state.screen().last!.contains("seq 20/90"))
        state.press("F")
        #expect(state.timeline.cursor == 90)
        #expect(state.modeLabel == "LIVE")
    }

    @Test func steppingBackPausesAndSteppingToTheEndResumes() {
        var state = InspectorState(log: full, title: "live", mode: .live, size: Size(width: 120, height: 32))
        state.press(",")
        #expect(state.modeLabel == "PAUSED")
        #expect(state.timeline.cursor == 116)
        state.press(".")
        #expect(state.timeline.cursor == 136)
        #expect(state.modeLabel == "LIVE")
    }

    @Test func aReplacedLogStartsOver() throws {
        var state = InspectorState(log: full, title: "live", mode: .live, size: Size(width: 120, height: 32))
        state.press("3", "G")
        let other = prefix(of: full, 30)
        _ = state.update(.logReplaced(other, title: "other"))
        #expect(state.title == "other")
        #expect(state.timeline.known == 30)
        #expect(state.timeline.cursor == 30)
        #expect(state.selection == nil)
        #expect(state.rowIDs(.stubs) == [.stub(StubID(1))])
    }

    @Test func aLogGrowingPastTheReplayEndKeepsTheReplayCursor() {
        let log = prefix(of: full, 41)
        var state = InspectorState(log: log, title: "replay", mode: .replay, size: Size(width: 120, height: 32))
        state.press(".")
        #expect(state.timeline.cursor == 14)
        grow(log, to: 74)
        _ = state.update(.logGrew(count: 74))
        #expect(state.timeline.cursor == 14)
        #expect(state.timeline.steps.count == 3)
    }
}
