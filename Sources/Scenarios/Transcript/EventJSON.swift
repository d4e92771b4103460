import RPCEngine

/// Events as JSON Lines (`switchboard run --format jsonl`): one object per event, keys in a
/// fixed order (`seq`, `time`, `kind`, then the kind's fields as the architecture's event table
/// lists them), values as their one-line summaries. Hand-written so the order never depends on
/// an encoder.
///
/// ```
/// {"seq":5,"time":0,"kind":"callStarted","call":"call1","callerCtx":"ctx1","callerWorker":"worker_a","calleeWorker":"worker_b","target":"WORKER_B","path":["add"],"arguments":["1","2"]}
/// ```
public enum EventJSON {
    /// The event as one line of JSON (no trailing newline).
    public static func line(_ event: Event) -> String {
        var fields: [(String, String)] = [("seq", String(event.seq)), ("time", String(event.time)), ("kind", string(event.kind))]
        func add(_ key: String, _ value: String?) { if let value { fields.append((key, value)) } }
        func text(_ key: String, _ value: String?) { add(key, value.map(string)) }
        switch event.payload {
        case .workerDeclared(let w):
            text("name", w.name)
            text("module", w.module)
            add("primary", w.isPrimary ? "true" : "false")
            add("bindings", array(w.bindings.map { b in
                object([("binding", string(b.binding)), ("service", string(b.service))]
                    + (b.entrypoint.map { [("entrypoint", string($0))] } ?? []))
            }))
            add("vars", object(w.vars.map { ($0.key, string($0.value.summary(limit: 80))) }))
            add("exports", array(w.exports.map { e in
                object([
                    ("name", string(e.name)), ("kind", string("\(e.kind)")), ("default", e.isDefault ? "true" : "false"),
                    ("members", array(e.members.map { string($0.signature) })),
                ])
            }))
        case .contextBegan(let e):
            text("ctx", "\(e.ctx)")
            text("worker", e.worker)
            text("entrypoint", e.entrypoint)
            text("reason", e.kind.rawValue)
            text("openedBy", e.openedBy.map { "\($0)" })
        case .contextEnded(let ctx, let worker, let reason):
            text("ctx", "\(ctx)")
            text("worker", worker)
            text("reason", reason.rawValue)
        case .callStarted(let e):
            text("call", "\(e.call)")
            text("parent", e.parent.map { "\($0)" })
            text("callerCtx", "\(e.callerCtx)")
            text("callerWorker", e.callerWorker)
            text("calleeWorker", e.calleeWorker)
            text("target", e.target)
            add("path", array(e.path.map(string)))
            add("arguments", e.arguments.map { args in array(args.map { string($0.summary(limit: 120)) }) })
            text("pipelinedOn", e.pipelinedOn.map { "\($0)" })
            text("session", e.session.map { "\($0)" })
        case .callReturned(let call, let result, let ms):
            text("call", "\(call)")
            text("result", result.summary(limit: 120))
            add("durationMs", String(ms))
        case .callThrew(let call, let error, let ms):
            text("call", "\(call)")
            add("error", errorObject(error))
            add("durationMs", String(ms))
        case .stubCreated(let e):
            text("stub", "\(e.stub)")
            text("stubKind", e.kind.rawValue)
            text("holderCtx", "\(e.holderCtx)")
            text("holderWorker", e.holderWorker)
            text("target", e.target)
            text("targetWorker", e.targetWorker)
            text("createdBy", e.createdBy.map { "\($0)" })
            text("dupOf", e.dupOf.map { "\($0)" })
        case .stubDisposed(let stub, let reason, let by):
            text("stub", "\(stub)")
            text("reason", reason.rawValue)
            text("by", by)
        case .targetDisposed(let target, let worker, let after):
            text("target", target)
            text("worker", worker)
            text("afterStub", after.map { "\($0)" })
        case .taskAdded(let task, let ctx, let worker, let label):
            text("task", "\(task)")
            text("ctx", "\(ctx)")
            text("worker", worker)
            text("label", label)
        case .taskSettled(let task, let ctx, let outcome):
            text("task", "\(task)")
            text("ctx", "\(ctx)")
            switch outcome {
            case .resolved: text("outcome", "resolved")
            case .cancelled: text("outcome", "cancelled")
            case .rejected(let error):
                text("outcome", "rejected")
                add("error", errorObject(error))
            }
        case .message(let session, let from, let to, let message):
            text("session", "\(session)")
            text("from", from)
            text("to", to)
            text("message", message)
        case .log(let ctx, let worker, let level, let message):
            text("ctx", ctx.map { "\($0)" })
            text("worker", worker)
            text("level", level.rawValue)
            text("text", message)
        case .step(let message, let line):
            text("text", message)
            add("line", line.map { String($0) })
        }
        return object(fields)
    }

    /// Every event of `log`, one line each, each ending with a newline.
    public static func lines(_ log: EventLog) -> String {
        log.events().map { line($0) + "\n" }.joined()
    }

    private static func errorObject(_ error: RpcError) -> String {
        var fields = [("name", string(error.name)), ("message", string(error.message)), ("remote", error.remote ? "true" : "false")]
        if error.properties.count > 0 {
            fields.append(("properties", object(error.properties.map { ($0.key, string($0.value.summary(limit: 80))) })))
        }
        return object(fields)
    }

    private static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    private static func array(_ values: [String]) -> String { "[" + values.joined(separator: ",") + "]" }

    /// A JSON string literal: `RpcValue.quote` writes JSON's escapes.
    static func string(_ text: String) -> String { RpcValue.quote(text) }
}
