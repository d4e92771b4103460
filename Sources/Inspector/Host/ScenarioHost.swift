import Foundation
import RPCEngine
import Scenarios

/// The inspector's host for a scenario file: replays the file on a fresh runtime (virtual
/// clock, so the log is the same as `switchboard run`'s), then keeps that runtime and the
/// interpreter's scope for the console, which runs statements in the primary worker's current
/// request. Every console line is remembered so `:save` can write the session as a scenario.
///
/// Live work (console lines, `:new-request`, disposing and duping stubs) starts the live part
/// of the session. Without slow motion it runs on the virtual clock and each line finishes at
/// once (the loop is driven until idle). With ``SlowMotion`` the runtime's clock switches to
/// scaled wall time when live work first starts — continuing from the virtual time the replay
/// reached, so times in the log never go backwards — and lines run in the background: ``run(consoleLine:)``
/// answers ``ConsoleOutput/running``, and ``pump()`` drives the loop a slice at a time between
/// frames and hands back each line's output when it finishes. Lines run one after another in
/// the order typed (a `:new-request` waits its turn among them), so `:save` writes them in the
/// order they ran.
///
/// Single-thread confined: the inspector's driver calls it from the thread that drives the
/// runtime's loop (the loop runs only inside ``run(consoleLine:)``, ``pump()`` and the other
/// operations).
public final class ScenarioHost: InspectorHost {
    public private(set) var log: EventLog
    public private(set) var title: String
    public let isReplay = true
    /// How much slower than real time live work runs; nil: on the virtual clock, at once.
    public let slowMotion: SlowMotion?

    private let wallTime: WallTimeSource
    private var run: ScenarioRun
    private var headerText: String
    private var recorder: ScenarioRecorder
    /// Whether live work has started on this run (and so the clock switched, in slow motion).
    private var isLive = false
    /// Live work waiting for its turn, oldest first.
    private var queue: [LiveWork] = []
    /// The live work running now.
    private var current: Running?
    /// Outputs of lines that finished since the last ``pump()``, oldest first.
    private var finished: [ConsoleOutput] = []
    /// What the last drive of the loop left: anything but `.idle` keeps the host busy.
    private var lastPump = PumpResult.idle

    /// The most jobs one ``pump()`` runs: a slice short enough not to delay a frame (a job
    /// takes microseconds), long enough that a burst of calls finishes in a few slices.
    public static let jobsPerPump = 4_096

    private enum LiveWork {
        case line(String)
        case newRequest
    }

    private enum Running {
        case line(String, ScriptTicket<ConsoleResult>)
        case newRequest(ScriptTicket<Bool>)
    }

    /// A scenario that cannot be opened: the located diagnostic, rendered.
    public struct OpenError: Error, CustomStringConvertible {
        public let description: String
    }

    /// An operation refused because live work is still running in slow motion.
    public struct BusyError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs the scenario at `path` to the end (on the virtual clock); throws `OpenError` if the
    /// file is invalid. With `slowMotion`, live work later runs on wall time read from
    /// `wallTime` (the system's monotonic clock; tests pass a source they move by hand).
    public init(path: String, slowMotion: SlowMotion? = nil, wallTime: WallTimeSource = .monotonic) throws {
        self.slowMotion = slowMotion
        self.wallTime = wallTime
        (run, headerText) = try ScenarioHost.open(path)
        log = run.runtime?.log ?? EventLog()
        title = ScenarioHost.title(of: run, path: path)
        recorder = ScenarioRecorder(header: .toml(headerText))
    }

    private static func open(_ path: String) throws -> (ScenarioRun, String) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw OpenError(description: "\(path): cannot read the file (\(error.localizedDescription))")
        }
        let run = ScenarioRunner.run(fileName: path, text: text)
        if let diagnostic = run.diagnostic, run.runtime == nil {
            throw OpenError(description: diagnostic.rendered)
        }
        return (run, text)
    }

    private static func title(of run: ScenarioRun, path: String) -> String {
        (path as NSString).lastPathComponent.replacingOccurrences(of: ".scenario", with: "")
    }

    /// Whether live work is queued or running, or the runtime still has jobs or sleepers
    /// (waitUntil tasks, timers) — always false without slow motion, where nothing outlives a call.
    public var isBusy: Bool {
        current != nil || !queue.isEmpty || !finished.isEmpty || lastPump != .idle
    }

    public func pump() -> [ConsoleOutput] {
        guard slowMotion != nil else { return [] }
        advance()
        defer { finished.removeAll() }
        return finished
    }

    public func run(consoleLine line: String) -> ConsoleOutput {
        guard let interpreter = run.interpreter else { return .error("This scenario has no runtime to run statements in.") }
        beginLive()
        guard slowMotion != nil else { return output(of: interpreter.evaluate(line: line), line: line) }
        queue.append(.line(line))
        advance()
        return .running
    }

    public func newRequest() throws {
        beginLive()
        guard slowMotion != nil, run.interpreter != nil else {
            run.interpreter?.newRequest()
            recorder.recordNewRequest()
            return
        }
        queue.append(.newRequest)
        advance()
    }

    public func save(path: String) throws {
        try recorder.text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    public func load(path: String) throws {
        if isBusy {
            throw BusyError(description: "the runtime is still running (a statement, or waitUntil tasks); :load when it is idle")
        }
        (run, headerText) = try ScenarioHost.open(path)
        log = run.runtime?.log ?? EventLog()
        title = ScenarioHost.title(of: run, path: path)
        recorder = ScenarioRecorder(header: .toml(headerText))
        isLive = false
    }

    public func exportPerfetto(path: String) throws {
        try PerfettoExporter.export(log.events()).write(toFile: path, atomically: true, encoding: .utf8)
    }

    public func dispose(stub: StubID) throws {
        guard let runtime = run.runtime else { return }
        beginLive()
        onLoop(runtime) { $0.dispose(stub, reason: .explicit, by: "inspector") }
    }

    public func dup(stub: StubID) throws {
        guard let runtime = run.runtime else { return }
        beginLive()
        let outcome = onLoop(runtime) { runtime in Result { try runtime.duplicate(stub) } }
        _ = try outcome.get()
    }

    // MARK: live work

    /// The first live work of a run: in slow motion, the clock leaves virtual time here.
    private func beginLive() {
        guard !isLive else { return }
        isLive = true
        if let slowMotion, let runtime = run.runtime {
            runtime.clock.switchToWall(slowMotion: slowMotion.factor, source: wallTime)
        }
    }

    /// Runs `body` on the loop: until idle on the virtual clock (as before slow motion
    /// existed), for one pump in slow motion, so that sleepers never block the caller.
    private func onLoop<T: Sendable>(_ runtime: Runtime, _ body: @escaping @Sendable (isolated Runtime) -> T) -> T {
        guard slowMotion != nil else { return runtime.query(body) }
        let value = runtime.queryNow(body)
        lastPump = .busy  // whatever `body` started is looked at by the next pump
        return value
    }

    /// Starts queued work when nothing runs, drives the loop for a slice, and collects what
    /// finished. A line that finishes at once lets the next queued one start in the same call.
    private func advance() {
        guard let runtime = run.runtime, let interpreter = run.interpreter else { return }
        while true {
            if current == nil, !queue.isEmpty {
                switch queue.removeFirst() {
                case .line(let line): current = .line(line, interpreter.submit(line: line))
                case .newRequest: current = .newRequest(interpreter.startNewRequest())
                }
            }
            lastPump = runtime.pump(maximumJobs: ScenarioHost.jobsPerPump)
            guard let running = current else { return }
            switch running {
            case .line(let line, let ticket):
                if let result = ticket.result {
                    finished.append(output(of: result, line: line))
                } else if lastPump == .idle {
                    // Nothing can run any more and the line has not finished: it never will.
                    finished.append(output(of: interpreter.unfinished(line: line), line: line))
                } else {
                    return
                }
            case .newRequest(let ticket):
                guard ticket.result != nil || lastPump == .idle else { return }
                recorder.recordNewRequest()
            }
            current = nil
            if queue.isEmpty || lastPump == .busy { return }
        }
    }

    /// What a finished line shows in the console. Lines that gave a value, and lines stopped by
    /// an RPC error (recorded as `expect LINE throws ...`), are recorded for `:save`; lines with
    /// mistakes in the script, or whose expectations failed, are not.
    private func output(of result: ConsoleResult, line: String) -> ConsoleOutput {
        if let diagnostic = result.diagnostic {
            if let thrown = result.thrown { recorder.record(line, .error(thrown)) }
            return .error("\(diagnostic.line):\(diagnostic.column): \(diagnostic.message)")
        }
        for entry in result.entries {
            if case .statement(_, _, _, .error(let text), _) = entry { return .error(text) }
            if case .statement(_, _, _, .failed(let expected, let actual), _) = entry {
                return .error("expected \(expected), got \(actual)")
            }
        }
        if let value = result.value {
            if let rpc = value.rpcValue { recorder.record(line, .value(rpc)) } else { recorder.record(line, .none) }
            return .value(value.description)
        }
        recorder.record(line, .none)
        return .done
    }
}
