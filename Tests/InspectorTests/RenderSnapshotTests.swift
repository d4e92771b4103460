import Foundation
import Inspector
import RPCEngine
import TerminalUI
import Testing

/// Text snapshots of whole screens at 120×32, 80×24 and 40×12 (see `Snapshots/`). Re-record with
/// `SNAPSHOT_RECORD=1 swift test --filter RenderSnapshotTests`, then review the diff.
@Suite struct RenderSnapshotTests {
    static let wide = Size(width: 120, height: 32)
    static let regular = Size(width: 80, height: 24)
    static let compact = Size(width: 40, height: 12)

    /// Replay at the stop before step 4, with the cursor moved back into step 4 (seq 100:
    /// call10 pending, task1 running) through the Events pane.
    func midStepFour(size: Size = wide) throws -> InspectorState {
        var state = try InspectorState.demo(size: size)
        state.press(".", ".", ".", ".", "6")
        for _ in 0..<16 { state.press("k") }
        return state
    }

    @Test func wideAtTheEndOfStepThreeWithAStubSelected() throws {
        var state = try InspectorState.demo()
        state.press(".", ".", ".", "3", "j", "j")
        #expect(state.timeline.cursor == 74)
        expectSnapshot(InspectorRenderer.render(state, size: Self.wide), named: "wide-step3-stubs")
    }

    @Test func wideMidwayWithACallbackSelected() throws {
        var state = try midStepFour()
        #expect(state.timeline.cursor == 100)
        state.press("2", "G", "k")
        #expect(state.selection == .call(CallID(9)))
        expectSnapshot(InspectorRenderer.render(state, size: Self.wide), named: "wide-step4-callback")
    }

    @Test func wideTimeline() throws {
        var state = try InspectorState.demo(mode: .live)
        state.press("2", "t", "G")
        expectSnapshot(InspectorRenderer.render(state, size: Self.wide), named: "wide-timeline")
    }

    @Test func wideFilterBeingEdited() throws {
        var state = try InspectorState.demo(mode: .live)
        state.press("3", "/")
        state.type("context")
        expectSnapshot(InspectorRenderer.render(state, size: Self.wide), named: "wide-filter")
    }

    @Test func regularWithTheWorkersTab() throws {
        var state = try midStepFour(size: Self.regular)
        state.press("1")
        expectSnapshot(InspectorRenderer.render(state, size: Self.regular), named: "regular-workers")
    }

    @Test func regularHelp() throws {
        var state = try InspectorState.demo(size: Self.regular)
        state.press("?", "PgDn")
        expectSnapshot(InspectorRenderer.render(state, size: Self.regular), named: "regular-help")
    }

    @Test func regularConsoleCompleting() throws {
        var state = try InspectorState.demo(mode: .live, size: Self.regular)
        state.press("i")
        state.type("await env.SVC.add(1, 2)")
        state.press("Enter")
        _ = state.update(.effectResult(.console(.value("3"))))
        state.type("await env.SVC.")
        state.press("Tab")
        expectSnapshot(InspectorRenderer.render(state, size: Self.regular), named: "regular-console")
    }

    @Test func compactCalls() throws {
        let state = try midStepFour(size: Self.compact)
        var calls = state
        calls.press("2", "G")
        expectSnapshot(InspectorRenderer.render(calls, size: Self.compact), named: "compact-calls")
    }

    @Test func compactInspector() throws {
        var state = try midStepFour(size: Self.compact)
        state.press("4", "Enter")
        #expect(state.focus == .details)
        expectSnapshot(InspectorRenderer.render(state, size: Self.compact), named: "compact-task")
    }

    @Test func zoomedStubs() throws {
        var state = try InspectorState.demo(mode: .live, size: Self.regular)
        state.press("3", "z")
        expectSnapshot(InspectorRenderer.render(state, size: Self.regular), named: "regular-zoomed-stubs")
    }

    @Test(.disabled(if: ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1", "recording would write it"))
    func aMissingSnapshotFailsAndIsNotRecorded() throws {
        let state = try InspectorState.demo()
        withKnownIssue {
            expectSnapshot(InspectorRenderer.render(state, size: Self.compact), named: "no-such-snapshot")
        }
        let path = #filePath.split(separator: "/").dropLast().joined(separator: "/")
        #expect(!FileManager.default.fileExists(atPath: "/" + path + "/Snapshots/.no-such-snapshot.txt"))
    }
}
