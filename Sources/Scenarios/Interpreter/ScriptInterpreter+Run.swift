import RPCEngine

/// What one console line did.
public struct ConsoleResult: Sendable {
    /// The transcript entries the line produced (its statements, steps, logs).
    public let entries: [TranscriptEntry]
    /// The value of the line's last statement, when it has one (an expression, a declaration).
    public let value: ScriptValue?
    /// A syntax error, a static error or an uncaught error, located in the line.
    public let diagnostic: ScenarioDiagnostic?
    /// The error that stopped the line when it came from RPC or a value (what a scenario can
    /// expect with `expect EXPR throws`), not from a mistake in the script (an unknown name,
    /// say): `:save` records the first as the line's result and leaves the second out.
    public var thrown: RpcError? = nil
    /// Expectations of the line that failed.
    public var failures: Int { entries.filter(\.isFailure).count }
}

/// Work started on the interpreter without driving the loop (``ScriptInterpreter/submit(line:)``,
/// ``ScriptInterpreter/startScript(_:file:)``), for a caller that drives the runtime's loop
/// itself: ``result`` is set once the work has finished.
public final class ScriptTicket<Value: Sendable>: Sendable {
    private let box = ResultBox<Value>()
    init() {}
    init(_ result: Value) { box.set(result) }
    func set(_ result: Value) { box.set(result) }
    /// The result, or `nil` while the work runs.
    public var result: Value? { box.get() }
}

extension ScriptInterpreter {
    /// Runs a whole script (a scenario's statements) to the end and drives the loop until
    /// everything has settled: top-level statements run in one implicit request, which ends
    /// after the last line (its `using` values are disposed, its stubs too, its waitUntil tasks
    /// drain). Returns how the run ended; the transcript holds the details.
    ///
    /// The statements should have passed ``ScriptChecker`` (``ScenarioRunner`` does that).
    public func runScript(_ statements: [Statement], file: SourceFile) -> ScenarioStatus {
        let ticket = startScript(statements, file: file)
        runtime.runUntilIdle()
        if let status = ticket.result { return status }
        let status = ScenarioStatus.runFailed("the script never finished: it waits for something that can never happen")
        transcript.status = status
        return status
    }

    /// Starts a whole script without driving the loop (see ``runScript(_:file:)``); the ticket's
    /// result is set when the script and its implicit request have ended. A caller that drives
    /// the loop itself (with a wall clock, say) can draw between jobs.
    public func startScript(_ statements: [Statement], file: SourceFile) -> ScriptTicket<ScenarioStatus> {
        let ticket = ScriptTicket<ScenarioStatus>()
        runtime.start {
            var thrown: ScriptThrow?
            do {
                try await self.runTopLevel(statements, file: file)
            } catch let aborted as ScriptAborted {
                thrown = aborted.thrown
            } catch {
                thrown = ScriptThrow.fault("\(error)", name: "Error", file: file, range: .zero)
            }
            await self.endCurrentRequest()
            let status: ScenarioStatus
            if let thrown {
                let location = "\(thrown.file.name):\(thrown.range.start.line):\(thrown.range.start.column)"
                status = .runFailed("uncaught \(thrown.error.name): \(thrown.error.message) at \(location)")
                self.abortDiagnostic = thrown.diagnostic
            } else if self.expectationsFailed > 0 {
                status = .expectationFailed(held: self.expectationsHeld, failed: self.expectationsFailed)
            } else {
                status = .passed(held: self.expectationsHeld)
            }
            self.transcript.status = status
            ticket.set(status)
        }
        return ticket
    }

    /// Runs one console line — any statements of the script language — in the current request
    /// (begun if needed), and drives the loop until idle. Names the line declares stay visible
    /// to later lines. Never throws: problems come back located in ``ConsoleResult/diagnostic``.
    public func evaluate(line: String) -> ConsoleResult {
        let ticket = submit(line: line)
        if ticket.result == nil { runtime.runUntilIdle() }
        return ticket.result ?? unfinished(line: line)
    }

    /// What a console line answers when the runtime went idle before the line finished: it
    /// waits for something that can never happen.
    public func unfinished(line: String) -> ConsoleResult {
        ConsoleResult(
            entries: [], value: nil,
            diagnostic: ScenarioDiagnostic(
                fileName: consoleName, range: .zero,
                message: "the line never finished: it waits for something that can never happen", sourceLine: line))
    }

    /// Starts one console line without driving the loop: the caller drives it (for example a
    /// user interface that keeps drawing while calls are in flight) and reads the ticket's
    /// result when it is set. A line that does not parse is answered at once.
    public func submit(line: String) -> ScriptTicket<ConsoleResult> {
        // The console is one growing file: each line is parsed where it ends up in it, so
        // diagnostics read `console:3:5` and functions keep pointing at the line that made them.
        let start = consoleText.unicodeScalars.count
        let file = SourceFile(name: consoleName, text: consoleText + line)
        consoleText += line + "\n"
        let statements: [Statement]
        do {
            statements = try ScriptParser.parse(file, from: start)
            var declared: [String: DeclarationKind] = [:]
            for (key, binding) in globals.bindings { declared[key] = binding.kind }
            try ScriptChecker.checkConsoleLine(statements, file: file, declared: declared)
        } catch {
            return ScriptTicket(ConsoleResult(entries: [], value: nil, diagnostic: error))
        }
        let ticket = ScriptTicket<ConsoleResult>()
        let first = transcript.entries.count
        runtime.start {
            self.lastValue = nil
            var diagnostic: ScenarioDiagnostic?
            var thrown: RpcError?
            do {
                try await self.runTopLevel(statements, file: file)
            } catch let aborted as ScriptAborted {
                diagnostic = aborted.thrown.diagnostic
                if !aborted.thrown.isFault { thrown = aborted.thrown.error }
            } catch {
                diagnostic = ScenarioDiagnostic(file: file, range: .zero, message: "\(error)")
            }
            let entries = Array(self.transcript.entries[first...])
            ticket.set(ConsoleResult(entries: entries, value: self.lastValue, diagnostic: diagnostic, thrown: thrown))
        }
        return ticket
    }
}
