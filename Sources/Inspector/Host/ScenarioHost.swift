import Foundation
import RPCEngine
import Scenarios

/// The inspector's host for a scenario file: replays the file on a fresh runtime (virtual
/// clock, so the log is the same as `switchboard run`'s), then keeps that runtime and the
/// interpreter's scope for the console, which runs statements in the primary worker's current
/// request. Every console line is remembered so `:save` can write the session as a scenario.
///
/// Single-thread confined: the inspector's driver calls it from the thread that drives the
/// runtime's loop (the interpreter's `evaluate(line:)` drives the loop until the line settles).
public final class ScenarioHost: InspectorHost {
    public private(set) var log: EventLog
    public private(set) var title: String
    public let isReplay = true

    private var run: ScenarioRun
    private var headerText: String
    private var recorder: ScenarioRecorder

    /// A scenario that cannot be opened: the located diagnostic, rendered.
    public struct OpenError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs the scenario at `path` to the end; throws `OpenError` if the file is invalid.
    public init(path: String) throws {
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

    public func pump() -> [ConsoleOutput] { [] }

    public func run(consoleLine line: String) -> ConsoleOutput {
        guard let interpreter = run.interpreter else { return .error("This scenario has no runtime to run statements in.") }
        let result = interpreter.evaluate(line: line)
        if let diagnostic = result.diagnostic {
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

    public func newRequest() throws {
        run.interpreter?.newRequest()
        recorder.record("// :new-request", .none)
    }

    public func save(path: String) throws {
        try recorder.text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    public func load(path: String) throws {
        (run, headerText) = try ScenarioHost.open(path)
        log = run.runtime?.log ?? EventLog()
        title = ScenarioHost.title(of: run, path: path)
        recorder = ScenarioRecorder(header: .toml(headerText))
    }

    public func exportPerfetto(path: String) throws {
        try PerfettoExporter.export(log.events()).write(toFile: path, atomically: true, encoding: .utf8)
    }

    public func dispose(stub: StubID) throws {
        guard let runtime = run.runtime else { return }
        runtime.query { $0.dispose(stub, reason: .explicit, by: "inspector") }
    }

    public func dup(stub: StubID) throws {
        guard let runtime = run.runtime else { return }
        let outcome = runtime.query { runtime in Result { try runtime.duplicate(stub) } }
        _ = try outcome.get()
    }
}
