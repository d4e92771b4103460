import Inspector
import RPCEngine
import TerminalUI
import Testing

/// Replay: the time cursor steps between `step` events, plays at a speed, restarts.
@Suite struct ReplayTests {
    @Test func replayStartsBeforeTheFirstStep() throws {
        let state = try InspectorState.demo()
        #expect(state.modeLabel == "REPLAY")
        #expect(state.timeline.cursor == 2)
        #expect(state.timeline.stepNumber == 0)
        #expect(state.model.workers.count == 2)
        #expect(state.model.calls.isEmpty)
    }

    @Test func dotAndCommaStepForwardAndBack() throws {
        var state = try InspectorState.demo()
        var stops: [Int] = []
        for _ in 0..<6 {
            state.press(".")
            stops.append(state.timeline.cursor)
        }
        #expect(stops == [14, 41, 74, 116, 136, 136])
        #expect(state.timeline.stepNumber == 5)
        state.press(",")
        #expect(state.timeline.cursor == 116)
        #expect(state.timeline.currentStep?.text == "A callback, a waitUntil task and an error")
        state.press(",", ",", ",", ",", ",")
        #expect(state.timeline.cursor == 2)
        #expect(state.modeLabel == "REPLAY")
    }

    @Test func rRestarts() throws {
        var state = try InspectorState.demo()
        state.press(".", ".", " ")
        #expect(state.playing)
        state.press("R")
        #expect(state.timeline.cursor == 2)
        #expect(!state.playing)
    }

    @Test func spacePlaysOneEventPerIntervalAtTheChosenSpeed() throws {
        var state = try InspectorState.demo()
        state.press(" ")
        #expect(state.playing)
        #expect(state.update(.tick(milliseconds: 1000)) == [])
        #expect(state.timeline.cursor == 2)  // the first tick only starts the clock
        _ = state.update(.tick(milliseconds: 1399))
        #expect(state.timeline.cursor == 2)
        _ = state.update(.tick(milliseconds: 1400))
        #expect(state.timeline.cursor == 3)
        _ = state.update(.tick(milliseconds: 2200))
        #expect(state.timeline.cursor == 5)
        state.press(">")
        #expect(PlaybackSpeed.label(state.speedIndex) == "×2")
        _ = state.update(.tick(milliseconds: 2600))
        #expect(state.timeline.cursor == 7)
        state.press("<", "<")
        #expect(PlaybackSpeed.label(state.speedIndex) == "×½")
        _ = state.update(.tick(milliseconds: 3400))
        #expect(state.timeline.cursor == 8)
        state.press(" ")
        #expect(!state.playing)
        _ = state.update(.tick(milliseconds: 9000))
        #expect(state.timeline.cursor == 8)
    }

    @Test func speedsAreClamped() throws {
        var state = try InspectorState.demo()
        for _ in 0..<10 { state.press(">") }
        #expect(PlaybackSpeed.label(state.speedIndex) == "×16")
        for _ in 0..<10 { state.press("<") }
        #expect(PlaybackSpeed.label(state.speedIndex) == "×¼")
    }

    @Test func playingStopsAtTheEndAndSpaceThereStartsOver() throws {
        var state = try InspectorState.demo()
        state.press(".", ".", ".", ".", " ")
        _ = state.update(.tick(milliseconds: 0))
        _ = state.update(.tick(milliseconds: 100_000))
        #expect(state.timeline.cursor == 136)
        #expect(!state.playing)
        state.press(" ")
        #expect(state.playing)
        #expect(state.timeline.cursor == 2)
    }

    @Test func ticksWhileStoppedChangeNothing() throws {
        var state = try InspectorState.demo()
        let revision = state.revision
        _ = state.update(.tick(milliseconds: 5))
        #expect(state.revision == revision)
    }
}
