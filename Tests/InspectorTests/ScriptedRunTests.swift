import Inspector
import RPCEngine
import TerminalUI
import Testing

/// Scripted runs: a real runtime's log, keys on the in-memory backend, and the Stubs, Calls and
/// Tasks panes checked against the log at several time-cursor positions, forward and back.
@Suite struct ScriptedRunTests {
    let log: EventLog
    let host: FakeHost
    let backend = MemoryBackend(size: Size(width: 120, height: 32))
    let app: InspectorApp

    init() throws {
        log = try makeDemoLog()
        host = FakeHost(log: log, title: "demo", isReplay: true)
        app = InspectorApp(host: host, backend: backend)
    }

    func press(_ keys: String...) throws {
        #expect(backend.enqueue(keyNames: keys))
        try app.processPendingInput()
    }

    var stubs: [String] { paneText(.stubs, on: backend, state: app.state) }
    var calls: [String] { paneText(.calls, on: backend, state: app.state) }
    var tasks: [String] { paneText(.tasks, on: backend, state: app.state) }
    func title(_ pane: Pane) -> String { paneTitle(pane, on: backend, state: app.state) }

    /// What the panes must show at the cursor, computed from the log alone: one Stubs row per
    /// stub with its state word, one Calls row per call with its status glyph, one Tasks row
    /// per task.
    func expectPanesMatchTheLog(sourceLocation: SourceLocation = #_sourceLocation) {
        let model = InspectorModel(events: log.events(to: app.state.timeline.cursor + 1))
        #expect(stubs.count == min(model.stubs.count, 8) || model.stubs.isEmpty, sourceLocation: sourceLocation)
        for (row, stub) in zip(stubs, model.stubs) {
            #expect(row.contains(" \(stub.id) "), sourceLocation: sourceLocation)
            let word = ["live": "● ", "disposed": "○ ", "broken": "✗ "][stub.state.rawValue]!
            #expect(row.hasPrefix(word), "\(row)", sourceLocation: sourceLocation)
        }
        #expect(title(.stubs).contains("live \(model.liveStubCount)/\(model.stubs.count)"), sourceLocation: sourceLocation)
        let shownCalls = calls.filter { $0.contains(" call") }
        #expect(shownCalls.count == min(model.calls.count, 11), sourceLocation: sourceLocation)
        for (row, call) in zip(shownCalls, model.calls) {
            let glyph = call.isPending ? "⏳" : (call.didThrow ? "✗" : "✓")
            #expect(row.contains("\(glyph) \(call.id) "), "\(row)", sourceLocation: sourceLocation)
        }
        #expect(title(.tasks).contains("running \(model.runningTaskCount)/\(model.tasks.count)"), sourceLocation: sourceLocation)
        #expect(tasks.count == max(model.tasks.count, 1), sourceLocation: sourceLocation)
    }

    @Test func steppingForwardThroughTheScenario() throws {
        try app.processPendingInput()
        #expect(app.state.timeline.cursor == 2)
        #expect(stubs == ["no stubs yet"])
        #expect(calls == ["no calls yet"])
        #expect(tasks == ["no waitUntil tasks yet"])

        try press(".")
        #expect(app.state.timeline.cursor == 14)
        #expect(calls == ["  ✓ call1 client → SVC.add(1, 2)  = 3  0ms"])
        expectPanesMatchTheLog()

        try press(".")
        #expect(app.state.timeline.cursor == 41)
        #expect(stubs == ["○ stub1 ƒ function  disposed (explici"])
        #expect(title(.stubs).hasPrefix("┌ 3 Stubs  live 0/1 "))
        expectPanesMatchTheLog()

        try press(".", ".", ".")
        #expect(app.state.timeline.cursor == 136)
        expectPanesMatchTheLog()
        #expect(tasks == ["✓ resolved task1 sendEvent  ctx9 serv"])
        #expect(backend.rows()[31].contains("5/5"))
    }

    @Test func travellingBackThroughTheEventsPane() throws {
        try press(".", ".", ".", ".", "6")
        #expect(app.state.timeline.cursor == 116)
        for _ in 0..<16 { try press("k") }
        #expect(app.state.timeline.cursor == 100)
        #expect(tasks == ["⏳ running task1 sendEvent  ctx9 serv"])
        #expect(calls.last == "  ⏳ call10 client → SVC.signup(\"a@b\")  pending 0ms")
        #expect(title(.calls).contains("⏳1"))
        expectPanesMatchTheLog()

        for _ in 0..<34 { try press("k") }
        #expect(app.state.timeline.cursor == 66)
        #expect(stubs == [
            "○ stub1 ƒ function  disposed (explici",
            "● stub2 ⟨promise⟩  live  @ctx5  → ser",
            "● stub3 ◆ RpcTarget  live  @ctx5  → s",
            "● stub4 ◆ RpcTarget  live  @ctx5  → s",
        ])
        expectPanesMatchTheLog()
    }

    @Test func aBrokenPromiseAndSteppingBack() throws {
        try press(".", ".", ".", ".", ".", "6")
        for _ in 0..<8 { try press("k") }
        #expect(app.state.timeline.cursor == 128)
        #expect(stubs.last == "✗ stub6 ⟨promise⟩  broken  @ctx11  →")
        expectPanesMatchTheLog()
        try press(",")
        #expect(app.state.timeline.cursor == 116)
        expectPanesMatchTheLog()
        try press(",")
        #expect(app.state.timeline.cursor == 74)
        expectPanesMatchTheLog()
        try press("F")
        #expect(app.state.timeline.cursor == 136)
        // The run ends with nothing pending and nothing live.
        #expect(app.state.model.pendingCallCount == 0)
        #expect(app.state.model.runningTaskCount == 0)
        #expect(app.state.model.liveStubCount == 0)
        #expect(title(.stubs).contains("live 0/6"))
        #expect(!title(.calls).contains("⏳"))
    }

    @Test func theInspectorExplainsTheSelectedStubAtEachPosition() throws {
        try press(".", ".", ".", "6")
        for _ in 0..<8 { try press("k") }
        #expect(app.state.timeline.cursor == 66)
        try press("3", "G")
        let details = paneText(.details, on: backend, state: app.state)
        #expect(details[0] == "stub4  RpcTarget stub  ● live")
        #expect(details[1].hasPrefix("rule     live: it will be disposed when ctx5 ends, unless disposed first"))
        try press(".")
        #expect(app.state.timeline.cursor == 74)
        let after = paneText(.details, on: backend, state: app.state)
        #expect(after[1] + " " + after[2] == "rule     disposed because its execution context ctx5 ended (contextEnded, §4.10)")
    }
}
