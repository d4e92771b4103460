import Foundation
import Inspector
import RPCEngine
import Scenarios
import Synchronization
import TerminalUI
import Testing

/// Wall time a test moves by hand: the host's scaled wall clock reads it, so nothing here
/// sleeps and every time is exact.
final class ManualTime: Sendable {
    private let nanos = Mutex<UInt64>(3_000_000_000)
    var source: WallTimeSource { WallTimeSource { self.nanos.withLock { $0 } } }
    func advance(ms: UInt64) { nanos.withLock { $0 += ms * 1_000_000 } }
}

/// `--slow-motion FACTOR`: the replay stays on virtual time, then console statements run on the
/// wall clock slowed down, in the background, while the inspector keeps drawing.
@Suite struct SlowMotionTests {
    static let scenario = """
        title = "slow motion"

        [[workers]]
        name = "app"
        services = [{ binding = "TOOLS", service = "tools" }]

        [[workers]]
        name = "tools"
        main = "toolkit"
        ---
        step "a quarter of a second, on virtual time"
        expect await env.TOOLS.sleep(250) == 250

        """

    /// The scenario in a fresh file; the caller removes the directory.
    static func file() throws -> (path: String, directory: String) {
        let directory = NSTemporaryDirectory() + "switchboard-slowmo-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/slow.scenario"
        try scenario.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, directory)
    }

    /// Saves `host`'s session as `saved.scenario` in `directory` (`:save`); returns the file's
    /// whole text and its script (what follows `---`).
    static func save(_ host: ScenarioHost, in directory: String) throws -> (text: String, script: String) {
        let saved = directory + "/saved.scenario"
        try host.save(path: saved)
        let text = try String(contentsOfFile: saved, encoding: .utf8)
        return (text, text.components(separatedBy: "---\n").last ?? "")
    }

    /// `time call duration` of every call that returned.
    static func settled(_ log: EventLog) -> [String] {
        log.events().compactMap { e in
            if case .callReturned(let call, _, let duration) = e.payload { return "\(e.time)ms \(call) \(duration)ms" }
            return nil
        }
    }

    @Test func factorsAreValidated() throws {
        #expect(try SlowMotion(4).factor == 4)
        #expect(try SlowMotion(0.25).description == "×0.25")
        #expect(try SlowMotion(100).description == "×100")
        let range = "--slow-motion must be a number from 0.25 to 100 (4 runs four times slower than real time), not "
        for (bad, shown) in [(0.0, "0"), (-2, "-2"), (0.2, "0.2"), (100.5, "100.5"), (.nan, "nan"), (.infinity, "inf")] {
            #expect(throws: SlowMotion.Invalid(description: range + shown)) { try SlowMotion(bad) }
        }
    }

    @Test func theReplayIsTheSameAsSwitchboardRun() throws {
        let (path, directory) = try Self.file()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let host = try ScenarioHost(path: path, slowMotion: try SlowMotion(4), wallTime: ManualTime().source)
        let run = ScenarioRunner.run(fileName: path, text: try String(contentsOfFile: path, encoding: .utf8))
        #expect(host.log.text == run.trace)
        #expect(!host.isBusy)
    }

    @Test func withoutSlowMotionALineFinishesAtOnce() throws {
        let (path, directory) = try Self.file()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let host = try ScenarioHost(path: path)
        #expect(host.run(consoleLine: "await env.TOOLS.sleep(1000)") == .value("1000"))
        #expect(!host.isBusy)
        #expect(host.pump() == [])
        #expect(Self.settled(host.log) == ["250ms call1 250ms", "1250ms call2 1000ms"])
    }

    @Test func aLineSleepsOnTheScaledWallClock() throws {
        let (path, directory) = try Self.file()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let time = ManualTime()
        let host = try ScenarioHost(path: path, slowMotion: try SlowMotion(4), wallTime: time.source)
        time.advance(ms: 60_000)  // the user looks at the replay for a minute: time starts when live work does
        #expect(host.run(consoleLine: "await env.TOOLS.sleep(1000)") == .running)
        #expect(host.isBusy)
        #expect(host.pump() == [])
        time.advance(ms: 3_999)
        #expect(host.pump() == [])
        #expect(Self.settled(host.log) == ["250ms call1 250ms"], "999.75 ms of the 1000 have passed")
        time.advance(ms: 1)
        #expect(host.pump() == [.value("1000")])
        #expect(Self.settled(host.log) == ["250ms call1 250ms", "1250ms call2 1000ms"], "the virtual 250 ms, then 1000 of wall time")
        #expect(!host.isBusy)
        let times = host.log.events().map(\.time)
        #expect(times == times.sorted())
    }

    @Test func linesRunOneAfterAnotherInTheOrderTyped() throws {
        let (path, directory) = try Self.file()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let time = ManualTime()
        let host = try ScenarioHost(path: path, slowMotion: try SlowMotion(2), wallTime: time.source)
        #expect(host.run(consoleLine: "let a = await env.TOOLS.sleep(100)") == .running)
        #expect(host.run(consoleLine: "a + 1") == .running)
        try host.newRequest()
        #expect(host.run(consoleLine: "await env.TOOLS.sleep(10)") == .running)
        time.advance(ms: 200)
        #expect(host.pump() == [.value("100"), .value("101")])
        time.advance(ms: 20)
        #expect(host.pump() == [.value("10")])
        #expect(!host.isBusy)
        let (_, script) = try Self.save(host, in: directory)
        // The `:new-request` between them: two request blocks, `a` declared before both.
        #expect(script == """
            # The console's names outlive its requests: declared here, assigned in the requests.
            let a = undefined
            request "console 1" {
              a = await env.TOOLS.sleep(100)
              expect a == 100
              expect a + 1 == 101
            }
            request "console 2" {
              expect await env.TOOLS.sleep(10) == 10
            }

            """)
    }

    @Test func loadWaitsUntilTheRuntimeIsIdleAndAHungLineIsAnswered() throws {
        let (path, directory) = try Self.file()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let time = ManualTime()
        let host = try ScenarioHost(path: path, slowMotion: try SlowMotion(4), wallTime: time.source)
        #expect(host.run(consoleLine: "await env.TOOLS.sleep(10)") == .running)
        #expect(throws: ScenarioHost.BusyError.self) { try host.load(path: path) }
        time.advance(ms: 40)
        #expect(host.pump() == [.value("10")])
        #expect(host.run(consoleLine: "await env.TOOLS.never()") == .running)
        #expect(host.pump() == [.error("2:7: uncaught Error: \(RpcError.Message.hung)")], "nothing else can run: the hang is rejected")
        try host.load(path: path)
        #expect(host.log.count == ScenarioRunner.run(fileName: path, text: try String(contentsOfFile: path, encoding: .utf8)).runtime?.log.count)
    }

    @Test func theInspectorKeepsDrawingWhileAStatementRuns() throws {
        let (path, directory) = try Self.file()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let time = ManualTime()
        let host = try ScenarioHost(path: path, slowMotion: try SlowMotion(4), wallTime: time.source)
        let backend = MemoryBackend(size: Size(width: 120, height: 32))
        let app = InspectorApp(host: host, backend: backend)
        backend.enqueue(keyNames: ["i"])
        backend.enqueue(typing: "await env.TOOLS.sleep(1000)\r")
        backend.enqueue(keyNames: ["Esc"])
        try app.processPendingInput()
        #expect(app.state.console.transcript.last?.output == .running)
        #expect(backend.rows()[31].contains("⏳ running"))
        #expect(backend.rows()[31].contains("│ slow motion ×4 │"))
        #expect(backend.rows()[30] == "> await env.TOOLS.sleep(1000)  ⏳ running")

        // Keys are handled and frames drawn while the call is pending.
        let frames = backend.frameCount
        backend.enqueue(keyNames: ["2"])
        try app.processPendingInput()
        #expect(backend.frameCount > frames)
        #expect(paneText(.calls, on: backend, state: app.state).contains { $0.contains("call2") && $0.contains("⏳") })

        time.advance(ms: 4_000)
        try app.processPendingInput()
        #expect(app.state.console.transcript.last?.output == .value("1000"))
        #expect(!backend.rows()[31].contains("running"))
        #expect(backend.rows()[30] == "> await env.TOOLS.sleep(1000)  → 1000")
        #expect(app.state.timeline.known == host.log.count)
    }
}
