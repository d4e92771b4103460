import Inspector
import RPCEngine
import TerminalUI
import Testing

/// The driver: it pumps the host, carries effects out through the host, feeds results back,
/// follows the log, draws only when something changed, and gives the terminal back.
@Suite struct InspectorAppTests {
    func liveHost() throws -> FakeHost {
        FakeHost(log: prefix(of: try makeDemoLog(), 66), title: "session", isReplay: false)
    }

    @Test func runStopsTheBackendWhenTheUserQuits() throws {
        let host = try liveHost()
        let backend = MemoryBackend(size: Size(width: 80, height: 24))
        backend.enqueue(keyNames: ["j", "q"])
        try InspectorApp.run(host: host, backend: backend)
        #expect(!backend.isStarted)
        #expect(backend.frameCount >= 1)
        #expect(backend.rows()[23].contains("LIVE"))
        #expect(host.pumps >= 2)
    }

    @Test func ctrlCQuitsFromTheConsole() throws {
        let backend = MemoryBackend(size: Size(width: 80, height: 24))
        backend.enqueue(keyNames: ["i", "Ctrl-C"])
        try InspectorApp.run(host: try liveHost(), backend: backend)
        #expect(!backend.isStarted)
    }

    @Test func consoleLinesRunThroughTheHostAndTheLogIsFollowed() throws {
        let host = try liveHost()
        host.answers["await env.SVC.add(1, 2)"] = .value("3")
        host.eventsForLine["await env.SVC.add(1, 2)"] = [.step(text: "typed", line: nil)]
        let backend = MemoryBackend(size: Size(width: 120, height: 32))
        let app = InspectorApp(host: host, backend: backend)
        backend.enqueue(keyNames: ["i"])
        backend.enqueue(typing: "await env.SVC.add(1, 2)\r")
        try app.processPendingInput()
        #expect(host.linesRun == ["await env.SVC.add(1, 2)"])
        #expect(app.state.console.transcript == [ConsoleEntry(input: "await env.SVC.add(1, 2)", output: .value("3"))])
        #expect(app.state.timeline.known == 67)
        #expect(app.state.timeline.cursor == 67)
        #expect(backend.rows()[29] == "▸ typed")
    }

    @Test func aRunningLineGetsItsOutputFromPump() throws {
        let host = try liveHost()
        host.answers["await env.SVC.slow(500)"] = .running
        let backend = MemoryBackend(size: Size(width: 120, height: 32))
        let app = InspectorApp(host: host, backend: backend)
        backend.enqueue(keyNames: ["i"])
        backend.enqueue(typing: "await env.SVC.slow(500)\r")
        try app.processPendingInput()
        #expect(app.state.console.transcript.last?.output == .running)
        host.lateOutputs = [.value("500")]
        try app.processPendingInput()
        #expect(app.state.console.transcript.last?.output == .value("500"))
        backend.enqueue(keyNames: ["Esc"])
        try app.processPendingInput()
        #expect(backend.rows()[30] == "> await env.SVC.slow(500)  → 500")
    }

    @Test func commandsAndTheirFailuresAreReported() throws {
        let host = try liveHost()
        let backend = MemoryBackend(size: Size(width: 120, height: 32))
        let app = InspectorApp(host: host, backend: backend)
        backend.enqueue(typing: ":save out.scenario\r")
        try app.processPendingInput()
        #expect(host.requests == ["save out.scenario"])
        #expect(app.state.console.transcript.last?.output == .value("saved out.scenario"))
        host.failure = "disk full"
        backend.enqueue(typing: ":export perfetto t.json\r")
        backend.enqueue(keyNames: ["Esc"])
        try app.processPendingInput()
        #expect(host.requests == ["save out.scenario", "export t.json"])
        #expect(app.state.message == StatusMessage("disk full", isError: true))
        #expect(backend.rows()[30] == "✗ disk full")
    }

    @Test func newRequestAsksTheHost() throws {
        let host = try liveHost()
        let app = InspectorApp(host: host, backend: MemoryBackend(size: Size(width: 80, height: 24)))
        app.send(.terminal(.key(.character(":"))))
        for c in "new-request" { app.send(.terminal(.key(.character(c)))) }
        app.send(.terminal(.key(.enter)))
        #expect(host.requests == ["newRequest"])
        #expect(app.state.console.transcript.last?.output == .value("started a new request"))
    }

    @Test func loadReplacesTheLog() throws {
        let host = try liveHost()
        let other = prefix(of: try makeDemoLog(), 20)
        host.logToLoad = other
        host.title = "other"
        let backend = MemoryBackend(size: Size(width: 120, height: 32))
        let app = InspectorApp(host: host, backend: backend)
        backend.enqueue(typing: ":load other.scenario\r")
        try app.processPendingInput()
        #expect(app.state.timeline.log === other)
        #expect(app.state.timeline.known == 20)
        #expect(app.state.title == "other")
        #expect(backend.rows()[31].contains("other"))
    }

    @Test func disposingAStubGoesThroughTheHostAndShowsInThePanes() throws {
        let host = try liveHost()
        let backend = MemoryBackend(size: Size(width: 120, height: 32))
        let app = InspectorApp(host: host, backend: backend)
        backend.enqueue(keyNames: ["3", "j", "j", "d"])
        try app.processPendingInput()
        #expect(host.requests == ["dispose stub3"])
        #expect(app.state.timeline.known == 67)
        #expect(app.state.model.stub(StubID(3))?.disposal?.by == "console")
        #expect(paneText(.stubs, on: backend, state: app.state)[2] == "○ stub3 ◆ RpcTarget  disposed (explic")
        backend.enqueue(keyNames: ["G", "D"])
        try app.processPendingInput()
        #expect(host.requests == ["dispose stub3", "dup stub4"])
    }

    @Test func nothingIsDrawnWhenNothingChanged() throws {
        let backend = MemoryBackend(size: Size(width: 80, height: 24))
        let app = InspectorApp(host: try liveHost(), backend: backend)
        try app.processPendingInput()
        let frames = backend.frameCount
        try app.processPendingInput()
        #expect(backend.frameCount == frames)
        backend.enqueue(keyNames: ["j"])
        try app.processPendingInput()
        #expect(backend.frameCount == frames + 1)
    }

    @Test func ctrlLRepaintsEveryCell() throws {
        let backend = MemoryBackend(size: Size(width: 80, height: 24))
        let app = InspectorApp(host: try liveHost(), backend: backend)
        try app.processPendingInput()
        backend.enqueue(keyNames: ["j"])
        try app.processPendingInput()
        #expect(backend.lastChanges.count < 80 * 24)
        backend.enqueue(keyNames: ["Ctrl-L"])
        try app.processPendingInput()
        #expect(backend.lastChanges.count == 80 * 24)
    }

    @Test func aResizeRelaysTheScreenOut() throws {
        let backend = MemoryBackend(size: Size(width: 120, height: 32))
        let app = InspectorApp(host: try liveHost(), backend: backend)
        try app.processPendingInput()
        backend.resize(to: Size(width: 40, height: 12))
        try app.processPendingInput()
        #expect(app.state.size == Size(width: 40, height: 12))
        #expect(backend.rows()[0] == " 1 Workers │ 2 Calls │ 3 Stubs │ 4 Tas…")
    }

    @Test func aGrowingLogIsFollowedBetweenKeys() throws {
        let host = try liveHost()
        let backend = MemoryBackend(size: Size(width: 120, height: 32))
        let app = InspectorApp(host: host, backend: backend)
        try app.processPendingInput()
        host.log.append(time: 0, .step(text: "from elsewhere", line: nil))
        try app.processPendingInput()
        #expect(app.state.timeline.cursor == 67)
        #expect(backend.rows()[29] == "▸ from elsewhere")
    }
}
