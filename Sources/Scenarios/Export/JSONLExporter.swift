import RPCEngine

/// Writes an event log as JSON Lines: one JSON object per event, one event per line, in log
/// order, each line ending with `\n`.
///
/// Every line starts with `seq`, `time` (the runtime clock, ms) and `kind` (the
/// ``RPCEngine/Event/kind`` name), then the payload's fields in the order the table below
/// gives. Optional fields are always present, `null` when absent, so every event of a kind has
/// the same keys. Ids are strings (`"ctx3"`, `"call7"`, `"stub4"`, `"task1"`, `"sess2"`). Full
/// values (arguments, results, errors, vars) use the tagged form of `ExportJSON.value(_:)`:
/// `{"type":"number","value":"NaN"}`, `{"type":"bigint","value":"10"}`, ... so nothing is lost.
///
/// | kind | fields after `seq`, `time`, `kind` |
/// |---|---|
/// | `workerDeclared` | `name`, `module`, `primary`, `bindings` (`[{binding, service, entrypoint}]`), `vars` (tagged object), `exports` (`[{name, exportKind, default, members: [{name, params, getter}]}]`) |
/// | `contextBegan` | `ctx`, `worker`, `entrypoint`, `contextKind` (`request`, `rpc session`, `durable object`), `openedBy` |
/// | `contextEnded` | `ctx`, `worker`, `reason` |
/// | `callStarted` | `call`, `parent`, `callerCtx`, `callerWorker`, `calleeWorker`, `target`, `path`, `arguments` (tagged values; `null` for a property read), `pipelinedOn`, `session` |
/// | `callReturned` | `call`, `result` (tagged), `durationMs` |
/// | `callThrew` | `call`, `error` (tagged error), `durationMs` |
/// | `stubCreated` | `stub`, `stubKind`, `holderCtx`, `holderWorker`, `target`, `targetWorker`, `createdBy`, `dupOf` |
/// | `stubDisposed` | `stub`, `reason`, `by` |
/// | `targetDisposed` | `target`, `worker`, `afterStub` |
/// | `taskAdded` | `task`, `ctx`, `worker`, `label` |
/// | `taskSettled` | `task`, `ctx`, `outcome` (`resolved`, `rejected`, `cancelled`), `error` (tagged error or `null`) |
/// | `message` | `session`, `from`, `to`, `text` |
/// | `log` | `ctx`, `worker`, `level`, `text` |
/// | `step` | `text`, `line` |
///
/// A pure function of the events: the same log gives the same bytes.
public enum JSONLExporter {
    /// The whole log as JSON Lines (empty for no events).
    public static func export(_ events: [Event]) -> String {
        var out = ""
        for event in events {
            out += line(for: event)
            out += "\n"
        }
        return out
    }

    /// One event as one line of JSON, without the newline.
    public static func line(for event: Event) -> String {
        var o = ExportJSONObject()
        o.int("seq", event.seq)
        o.int("time", event.time)
        o.string("kind", event.kind)
        switch event.payload {
        case .workerDeclared(let w):
            o.string("name", w.name)
            o.string("module", w.module)
            o.bool("primary", w.isPrimary)
            o.raw("bindings", ExportJSON.array(w.bindings.map { b in
                var binding = ExportJSONObject()
                binding.string("binding", b.binding)
                binding.string("service", b.service)
                binding.string("entrypoint", b.entrypoint)
                return binding.json
            }))
            o.raw("vars", ExportJSON.value(.object(w.vars)))
            o.raw("exports", ExportJSON.array(w.exports.map { e in
                var export = ExportJSONObject()
                export.string("name", e.name)
                export.string("exportKind", String(describing: e.kind))
                export.bool("default", e.isDefault)
                export.raw("members", ExportJSON.array(e.members.map { m in
                    var member = ExportJSONObject()
                    member.string("name", m.name)
                    member.string("params", m.params)
                    member.bool("getter", m.isGetter)
                    return member.json
                }))
                return export.json
            }))
        case .contextBegan(let e):
            o.id("ctx", e.ctx)
            o.string("worker", e.worker)
            o.string("entrypoint", e.entrypoint)
            o.string("contextKind", e.kind.rawValue)
            o.id("openedBy", e.openedBy)
        case .contextEnded(let ctx, let worker, let reason):
            o.id("ctx", ctx)
            o.string("worker", worker)
            o.string("reason", reason.rawValue)
        case .callStarted(let e):
            o.id("call", e.call)
            o.id("parent", e.parent)
            o.id("callerCtx", e.callerCtx)
            o.string("callerWorker", e.callerWorker)
            o.string("calleeWorker", e.calleeWorker)
            o.string("target", e.target)
            o.raw("path", ExportJSON.array(e.path.map(ExportJSON.quote)))
            o.raw("arguments", e.arguments.map { ExportJSON.array($0.map(ExportJSON.value)) } ?? "null")
            o.id("pipelinedOn", e.pipelinedOn)
            o.id("session", e.session)
        case .callReturned(let call, let result, let ms):
            o.id("call", call)
            o.raw("result", ExportJSON.value(result))
            o.int("durationMs", ms)
        case .callThrew(let call, let error, let ms):
            o.id("call", call)
            o.raw("error", ExportJSON.error(error))
            o.int("durationMs", ms)
        case .stubCreated(let e):
            o.id("stub", e.stub)
            o.string("stubKind", e.kind.rawValue)
            o.id("holderCtx", e.holderCtx)
            o.string("holderWorker", e.holderWorker)
            o.string("target", e.target)
            o.string("targetWorker", e.targetWorker)
            o.id("createdBy", e.createdBy)
            o.id("dupOf", e.dupOf)
        case .stubDisposed(let stub, let reason, let by):
            o.id("stub", stub)
            o.string("reason", reason.rawValue)
            o.string("by", by)
        case .targetDisposed(let target, let worker, let afterStub):
            o.string("target", target)
            o.string("worker", worker)
            o.id("afterStub", afterStub)
        case .taskAdded(let task, let ctx, let worker, let label):
            o.id("task", task)
            o.id("ctx", ctx)
            o.string("worker", worker)
            o.string("label", label)
        case .taskSettled(let task, let ctx, let outcome):
            o.id("task", task)
            o.id("ctx", ctx)
            switch outcome {
            case .resolved:
                o.string("outcome", "resolved")
                o.raw("error", "null")
            case .cancelled:
                o.string("outcome", "cancelled")
                o.raw("error", "null")
            case .rejected(let error):
                o.string("outcome", "rejected")
                o.raw("error", ExportJSON.error(error))
            }
        case .message(let session, let from, let to, let text):
            o.id("session", session)
            o.string("from", from)
            o.string("to", to)
            o.string("text", text)
        case .log(let ctx, let worker, let level, let text):
            o.id("ctx", ctx)
            o.string("worker", worker)
            o.string("level", level.rawValue)
            o.string("text", text)
        case .step(let text, let line):
            o.string("text", text)
            o.int("line", line)
        case .durableObject(let e):
            o.string("object", e.object)
            o.string("className", e.className)
            o.string("worker", e.worker)
            o.string("id", e.id)
            o.string("name", e.name)
            o.string("ctx", e.ctx.description)
            o.string("detail", e.details)
        }
        return o.json
    }
}
