import RPCEngine

/// The run stopped at an uncaught error, which has already been recorded in the transcript.
struct ScriptAborted: Error {
    let thrown: ScriptThrow
}

extension ScriptInterpreter {
    // MARK: script level

    /// Runs top-level statements (a script, or a console line) in the current request, begun
    /// at the first statement that needs it: request blocks, steps, sleeps and `settle` before
    /// it run outside any request, so a script made only of request blocks opens no other.
    ///
    /// From there on the statements run inside one `withContext`: entering and leaving a
    /// task-local frame can let the loop run other jobs, and a call sent by one statement must
    /// still be in flight when the next statement pipelines on it (§5.1).
    func runTopLevel(_ statements: [Statement], file: SourceFile) async throws {
        let first =
            currentRequest != nil
            ? 0
            : statements.firstIndex { statement in
                switch statement.kind {
                case .step, .sleep, .settle, .request: return false
                default: return true
                }
            } ?? statements.count
        try await runStatements(Array(statements[..<first]), scope: globals, file: file, depth: 0)
        guard first < statements.count else { return }
        let ctx = await requestContext()
        try await runtime.withContext(ctx) {
            try await runStatements(Array(statements[first...]), scope: globals, file: file, depth: 0)
        }
    }

    /// Runs statements of the script (top level, blocks and request blocks) in the context set
    /// by the caller, recording each in the transcript. Throws ``ScriptAborted`` after an
    /// uncaught error, once the blocks it leaves have disposed their `using` values and ended
    /// their requests.
    func runStatements(_ statements: [Statement], scope: Scope, file: SourceFile, depth: Int) async throws {
        for statement in statements {
            let line = statement.range.start.line
            switch statement.kind {
            case .step(let text):
                record(.step(text: text, line: line))
                runtime.step(text, line: line)
            case .block(let body):
                record(.blockStart(line: line, depth: depth, source: "{", note: nil))
                defer { record(.blockEnd(line: statement.range.end.line, depth: depth, note: nil)) }
                try await inBlock(scope, endLine: statement.range.end.line) { inner in
                    try await runStatements(body, scope: inner, file: file, depth: depth + 1)
                }
            case .request(let label, let body):
                let ctx = await runtime.beginRequest()
                record(.blockStart(
                    line: line, depth: depth, source: "request \(Printer.quoted(label)) {", note: "a new request: \(ctx.id)"))
                var failure: (any Error)?
                await runtime.withContext(ctx) {
                    do {
                        try await inBlock(scope, endLine: statement.range.end.line) { inner in
                            try await runStatements(body, scope: inner, file: file, depth: depth + 1)
                        }
                    } catch {
                        failure = error
                    }
                }
                await runtime.endRequest(ctx)
                record(.blockEnd(line: statement.range.end.line, depth: depth, note: "\(ctx.id) ended"))
                if let failure { throw failure }
            default:
                count(try await runRecorded(statement, file: file, scope: scope, depth: depth))
            }
        }
    }

    /// Runs one simple statement and records it with its outcome (or its uncaught error).
    private func runRecorded(_ statement: Statement, file: SourceFile, scope: Scope, depth: Int) async throws
        -> TranscriptOutcome
    {
        let line = statement.range.start.line
        do {
            let outcome = try await execute(statement, Frame(scope: scope, file: file))
            record(.statement(line: line, depth: depth, source: statement.text, outcome: outcome, inFunction: false))
            return outcome
        } catch let thrown as ScriptThrow {
            let message = "\(thrown.error.name): \(thrown.error.message)"
            record(.statement(line: line, depth: depth, source: statement.text, outcome: .error(message), inFunction: false))
            throw ScriptAborted(thrown: thrown)
        }
    }

    // MARK: function level

    /// Runs the statements of a function body. Only `log` and failed expectations are recorded
    /// (a function may run many times, from anywhere).
    func executeFunctionBody(_ statements: [Statement], _ f: Frame) async throws {
        for statement in statements {
            let outcome = try await execute(statement, f)
            count(outcome)
            switch outcome {
            case .failed, .logged:
                record(.statement(
                    line: statement.range.start.line, depth: 0, source: statement.text, outcome: outcome, inFunction: true))
            default:
                break
            }
        }
    }

    /// Runs `body` in a new scope inside `parent`, then disposes the new scope's `using`
    /// values, whether `body` finished or threw (a block's `}`, a function body's end).
    func inBlock(_ parent: Scope, endLine: Int?, _ body: (Scope) async throws -> Void) async throws {
        let inner = Scope(parent: parent)
        var failure: (any Error)?
        do {
            try await body(inner)
        } catch {
            failure = error
        }
        await disposeUsings(of: inner, line: endLine)
        if let failure { throw failure }
    }

    // MARK: one statement

    /// Runs a statement that is not a block or request block and says what it did.
    func execute(_ statement: Statement, _ f: Frame) async throws -> TranscriptOutcome {
        let line = statement.range.start.line
        switch statement.kind {
        case .declaration(let kind, let name, let expression):
            let value = try await evaluate(expression, f, name: name.name)
            if kind == .using { try checkDisposable(value, at: expression.range, f) }
            f.scope.declare(name.name, value, kind: kind, range: name.range)
            lastValue = value
            return .value(value.summary())
        case .catchDeclaration(let kind, let name, let expression):
            // Counted as an expectation: held when EXPR throws, failed when it does not.
            do {
                let value = try await settle(try await evaluate(expression, f), at: expression.range, f)
                f.scope.declare(name.name, .undefined, kind: kind, range: name.range)
                return .failed(expected: "an error", actual: "no error; the value was \(value.summary())")
            } catch let thrown as ScriptThrow {
                let value = ScriptValue.value(.error(thrown.error))
                f.scope.declare(name.name, value, kind: kind, range: name.range)
                expectationsHeld += 1
                lastValue = value
                return .value(value.summary())
            }
        case .assignment(let name, let op, let expression):
            guard let binding = f.scope.lookup(name.name) else {
                throw f.fault("\(name.name) is not defined", name: "ReferenceError", at: name.range)
            }
            guard binding.kind == .let else {
                throw f.fault(
                    "Assignment to constant variable.", at: name.range,
                    hint: "'\(name.name)' is declared with \(binding.kind) at \(binding.range.start); declare it with let to change it")
            }
            let right = try await evaluate(expression, f, name: name.name)
            let value: ScriptValue
            switch op {
            case .assign: value = right
            case .add: value = try binary(.add, binding.value, right, at: statement.range, f)
            case .subtract: value = try binary(.subtract, binding.value, right, at: statement.range, f)
            }
            f.scope.assign(name.name, value)
            lastValue = value
            return .value(value.summary())
        case .expression(let expression):
            let value = try await evaluate(expression, f)
            lastValue = value
            return .value(value.summary())
        case .expect(let expectation):
            return try await expect(expectation, f)
        case .dispose(let expression):
            let value = try await evaluate(expression, f)
            try await dispose(value, reason: .explicit, line: line, at: expression.range, f)
            return .none
        case .sleep(let duration):
            let (seconds, attoseconds) = duration.components
            let ms = Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
            do {
                try await runtime.clock.sleep(ms: ms)
            } catch {
                throw ScriptThrow.rpc(error, file: f.file, range: statement.range)
            }
            return .note("now \(runtime.clock.now)ms")
        case .settle:
            await runtime.settle()
            return .note("settled at \(runtime.clock.now)ms")
        case .step(let text):
            runtime.step(text, line: line)
            return .none
        case .log(let expressions):
            var parts: [String] = []
            for expression in expressions { parts.append(logText(try await evaluate(expression, f))) }
            let text = parts.joined(separator: " ")
            log(text)
            return .logged(text)
        case .block(let body):
            try await inBlock(f.scope, endLine: statement.range.end.line) { inner in
                try await executeFunctionBody(body, Frame(scope: inner, file: f.file))
            }
            return .none
        case .request:
            throw f.fault("a request block can only run at the top level of a script", name: "SyntaxError", at: statement.range)
        case .return(let expression):
            var value = ScriptValue.undefined
            if let expression { value = try await evaluate(expression, f) }
            throw ReturnSignal(value: value)
        }
    }

    // MARK: expectations

    private func expect(_ expectation: Expectation, _ f: Frame) async throws -> TranscriptOutcome {
        switch expectation {
        case .truthy(let subject):
            let value: ScriptValue
            do {
                value = try await evaluate(subject, f)
            } catch let thrown as ScriptThrow where !thrown.isFault {
                return .failed(expected: "a truthy value", actual: "threw \(thrown.error.name): \(thrown.error.message)")
            }
            return value.isTruthy ? .held : .failed(expected: "a truthy value", actual: value.summary())
        case .comparison(let lhs, let op, let rhs):
            let actual: ScriptValue
            let expected: ScriptValue
            do {
                actual = try await evaluate(lhs, f)
                expected = try await evaluate(rhs, f)
            } catch let thrown as ScriptThrow where !thrown.isFault {
                return .failed(
                    expected: Self.describe(op, rhs.description), actual: "threw \(thrown.error.name): \(thrown.error.message)")
            }
            let holds: Bool
            switch op {
            case .equal: holds = deepEqual(actual, expected)
            case .notEqual: holds = !deepEqual(actual, expected)
            default: holds = JavaScript.relational(op, primitive(actual), primitive(expected))
            }
            if holds { return .held }
            return .failed(expected: Self.describe(op, expected.summary()), actual: actual.summary())
        case .throwsError(let subject, let name, let message):
            var wanted = "an error"
            if let name { wanted = name.name }
            if let message { wanted += " with a message containing \(Printer.quoted(message))" }
            do {
                let value = try await settle(try await evaluate(subject, f), at: subject.range, f)
                return .failed(expected: wanted, actual: "no error; the value was \(value.summary())")
            } catch let thrown as ScriptThrow {
                let error = thrown.error
                if let name, error.name != name.name || !(message.map { error.message.contains($0) } ?? true) {
                    return .failed(expected: wanted, actual: "\(error.name): \(error.message)")
                }
                return .held
            }
        }
    }

    /// What a comparison expected: the value for `==`, `not X` for `!=`, `< X` and so on.
    static func describe(_ op: ComparisonOperator, _ expected: String) -> String {
        switch op {
        case .equal: return expected
        case .notEqual: return "not \(expected)"
        default: return "\(op.rawValue) \(expected)"
        }
    }
}
