import RPCEngine

/// Writes an event log as Chrome trace-event JSON (`{"traceEvents":[…]}`), which
/// ui.perfetto.dev and `chrome://tracing` open.
///
/// The picture:
/// * **One process per worker.** Workers get pids 1, 2, 3, … in the order the log declares them
///   (`workerDeclared`), then any worker the log mentions without declaring it. Each has a
///   `process_name` (the worker's name) and a `process_sort_index` metadata event.
/// * **One thread per execution context**, tid `tidBase + N` for `ctxN` (`tidBase` is 1000, or
///   the next multiple of 1000 above the number of workers, so a tid never equals a pid). The
///   context's life, `contextBegan` to `contextEnded`, is a thread slice (`B`/`E`) named after
///   its kind and entrypoint (`rpc session CounterService`).
/// * **Calls** are async slices (`b`/`e`, category `call`, id = the call's number) in the process
///   of the worker that serves them (`calleeWorker`), from `callStarted` to `callReturned` or
///   `callThrew`; names read like the code (`COUNTER.newCounter()`, `stub2.increment()`,
///   `TOOLKIT.answer` for a property read); arguments, result or error are in `args`.
/// * **Flow arrows** (`s` → `f`, category `flow`, id = the call's number) go from the caller's
///   context slice to the callee's: the context the call opened (`contextBegan … by=callN`), or,
///   for a call on a stub of an existing session, the other end of that session. A call whose
///   two ends are not both known and running gets no arrow.
/// * **Instants** (`i`): stub creations and disposals on the holder context's thread; target
///   disposals, wire messages and logs without a context on their worker's process track
///   (`"s":"p"`); logs with a context on its thread; `step`s on the primary worker's process.
/// * **waitUntil tasks** are async slices (category `waitUntil`, id = the task's number) in their
///   worker's process, from `taskAdded` to `taskSettled`.
/// Slices still open when the log ends are left open (Perfetto shows them as "did not end").
/// Every event's `args` carries the `seq` of the log event it comes from.
///
/// **Timestamps.** `ts` is in microseconds: the event's `time` (ms) × 1000, plus a sub-µs offset
/// that orders events of the same millisecond. Trace events are numbered in output order within
/// their millisecond, n = 0, 1, 2, …, and get `ts = time × 1000 + n / 512`. A 512th of a µs is
/// exact in binary floating point, so every reader gets distinct, correctly ordered times
/// (Perfetto multiplies by 1000 and truncates to whole ns: n/512 µs becomes ⌊n × 1.953125⌋ ns,
/// still strictly increasing), and the digits are exact decimals (`0.001953125`). A millisecond
/// holds 512,000 trace events before the offsets would reach the next one; past that, `ts` keeps
/// strictly increasing (each event at least 1/512 µs after the previous one), so order is never
/// lost, at the price of drifting into the following millisecond. Metadata events have `ts` 0.
/// So `ts` is strictly increasing in output order, and on every thread.
///
/// A pure function of the events: the same log gives the same bytes.
public enum PerfettoExporter {
    /// The trace JSON for `events`: one trace event per line, ending with a newline.
    public static func export(_ events: [Event]) -> String {
        var builder = TraceBuilder(world: World(events))
        for event in events { builder.add(event) }
        let all = builder.metadata() + builder.lines
        return "{\"traceEvents\":[\n" + all.joined(separator: ",\n") + "\n]}\n"
    }

    /// Sub-microsecond ticks per microsecond (see the timestamps note above).
    static let ticksPerMicrosecond = 512

    /// A tick count as a decimal number of microseconds, exactly: `1` → `0.001953125`.
    static func microseconds(ticks: Int) -> String {
        let whole = ticks / ticksPerMicrosecond
        let rest = ticks % ticksPerMicrosecond
        guard rest > 0 else { return String(whole) }
        // rest / 512 = rest × 1953125 / 10^9, exactly.
        var digits = String(rest * 1_953_125)
        digits = String(repeating: "0", count: 9 - digits.count) + digits
        while digits.last == "0" { digits.removeLast() }
        return "\(whole).\(digits)"
    }
}

extension PerfettoExporter {
    /// What a first pass over the log learns: the workers (pids), the contexts (threads) and
    /// which call opened which context.
    fileprivate struct World {
        var workers: [String] = []
        var pids: [String: Int] = [:]
        var contexts: [ContextID] = []
        var contextWorker: [ContextID: String] = [:]
        var contextTitle: [ContextID: String] = [:]
        var openedBy: [CallID: ContextID] = [:]
        var primary: String?
        var tidBase = 1000

        init(_ events: [Event]) {
            for event in events {
                switch event.payload {
                case .workerDeclared(let w):
                    note(worker: w.name)
                    if w.isPrimary, primary == nil { primary = w.name }
                case .contextBegan(let e):
                    note(e.ctx, worker: e.worker)
                    contextTitle[e.ctx] = PerfettoExporter.title(of: e)
                    if let call = e.openedBy { openedBy[call] = e.ctx }
                case .contextEnded(let ctx, let worker, _): note(ctx, worker: worker)
                case .callStarted(let e):
                    note(e.callerCtx, worker: e.callerWorker)
                    note(worker: e.calleeWorker)
                case .stubCreated(let e):
                    note(e.holderCtx, worker: e.holderWorker)
                    note(worker: e.targetWorker)
                case .targetDisposed(_, let worker, _): note(worker: worker)
                case .taskAdded(_, let ctx, let worker, _): note(ctx, worker: worker)
                case .taskSettled(_, let ctx, _): note(ctx, worker: nil)
                case .message(_, let from, let to, _):
                    note(worker: from)
                    note(worker: to)
                case .log(let ctx, let worker, _, _):
                    if let worker { note(worker: worker) }
                    if let ctx { note(ctx, worker: worker) }
                case .durableObject(let e): note(e.ctx, worker: e.worker)
                case .callReturned, .callThrew, .stubDisposed, .step: break
                }
            }
            if primary == nil { primary = workers.first }
            tidBase = (workers.count / 1000 + 1) * 1000
        }

        private mutating func note(worker: String) {
            guard pids[worker] == nil else { return }
            workers.append(worker)
            pids[worker] = workers.count
        }

        private mutating func note(_ ctx: ContextID, worker: String?) {
            if contextWorker[ctx] == nil, !contexts.contains(ctx) { contexts.append(ctx) }
            if let worker {
                note(worker: worker)
                if contextWorker[ctx] == nil { contextWorker[ctx] = worker }
            }
        }

        func tid(_ ctx: ContextID) -> Int { tidBase + ctx.raw }
        func pid(_ worker: String) -> Int { pids[worker] ?? 0 }
        /// The process and thread of a context, when its worker is known.
        func thread(_ ctx: ContextID) -> (pid: Int, tid: Int)? {
            contextWorker[ctx].map { (pid($0), tid(ctx)) }
        }
    }

    /// `rpc session CounterService`, `request`, `durable object Counter`.
    fileprivate static func title(of e: ContextBegan) -> String {
        e.kind.rawValue + (e.entrypoint.map { " " + $0 } ?? "")
    }

    /// `COUNTER.newCounter()`, `stub2.increment()`, `stub1()`, `TOOLKIT.answer`.
    fileprivate static func name(of e: CallStarted) -> String {
        let base = ([e.target] + e.path).joined(separator: ".")
        return e.arguments == nil ? base : base + "()"
    }

    /// The verb of a wire message (`push`, `pull`, `resolve`, ...): its first string.
    fileprivate static func verb(of message: String) -> String {
        guard let open = message.firstIndex(of: "\"") else { return "message" }
        let rest = message[message.index(after: open)...]
        guard let close = rest.firstIndex(of: "\"") else { return "message" }
        let verb = rest[..<close]
        return verb.isEmpty ? "message" : String(verb)
    }

    /// Emits trace events in log order, keeping what pairs `b` with `e` and `s` with `f`.
    fileprivate struct TraceBuilder {
        let world: World
        var lines: [String] = []
        private var lastTick = -1
        private var openContexts: Set<ContextID> = []
        private var calls: [CallID: (pid: Int, name: String)] = [:]
        private var callSessions: [CallID: (session: SessionID, caller: ContextID)] = [:]
        private var sessionEnds: [SessionID: (ContextID, ContextID)] = [:]
        private var flowsAwaitingEnd: Set<CallID> = []
        private var stubHolders: [StubID: ContextID] = [:]
        private var tasks: [TaskID: (pid: Int, name: String)] = [:]

        init(world: World) { self.world = world }

        /// The process and thread metadata, for the front of the trace.
        func metadata() -> [String] {
            var out: [String] = []
            for (index, worker) in world.workers.enumerated() {
                let pid = index + 1
                out.append(meta("process_name", pid: pid, tid: pid, args: "{\"name\":" + ExportJSON.quote(worker) + "}"))
                out.append(meta("process_sort_index", pid: pid, tid: pid, args: "{\"sort_index\":\(pid)}"))
            }
            for ctx in world.contexts {
                guard let (pid, tid) = world.thread(ctx) else { continue }
                let name = "\(ctx)" + (world.contextTitle[ctx].map { " " + $0 } ?? "")
                out.append(meta("thread_name", pid: pid, tid: tid, args: "{\"name\":" + ExportJSON.quote(name) + "}"))
                out.append(meta("thread_sort_index", pid: pid, tid: tid, args: "{\"sort_index\":\(ctx.raw)}"))
            }
            return out
        }

        private func meta(_ name: String, pid: Int, tid: Int, args: String) -> String {
            var o = ExportJSONObject()
            o.string("name", name)
            o.string("ph", "M")
            o.int("ts", 0)
            o.int("pid", pid)
            o.int("tid", tid)
            o.raw("args", args)
            return o.json
        }

        /// Appends one trace event stamped with the next timestamp of `event`'s millisecond.
        private mutating func emit(
            _ ph: String, _ name: String, cat: String, at event: Event, pid: Int, tid: Int?,
            id: Int? = nil, scope: String? = nil, bindEnclosing: Bool = false,
            args: [(String, String)] = []
        ) {
            let tick = max(event.time * PerfettoExporter.ticksPerMicrosecond * 1000, lastTick + 1)
            lastTick = tick
            var o = ExportJSONObject()
            o.string("name", name)
            o.string("cat", cat)
            o.string("ph", ph)
            o.raw("ts", PerfettoExporter.microseconds(ticks: tick))
            o.int("pid", pid)
            if let tid { o.int("tid", tid) }
            if let id { o.int("id", id) }
            if let scope { o.string("s", scope) }
            if bindEnclosing { o.string("bp", "e") }
            var a = ExportJSONObject()
            a.int("seq", event.seq)
            for (key, value) in args { a.raw(key, value) }
            o.raw("args", a.json)
            lines.append(o.json)
        }

        /// An instant on the thread of `ctx` when known, else on `worker`'s process track, else
        /// global.
        private mutating func instant(
            _ name: String, cat: String, at event: Event, ctx: ContextID?, worker: String?,
            args: [(String, String)]
        ) {
            if let ctx, let (pid, tid) = world.thread(ctx) {
                emit("i", name, cat: cat, at: event, pid: pid, tid: tid, scope: "t", args: args)
            } else if let worker {
                let pid = world.pid(worker)
                emit("i", name, cat: cat, at: event, pid: pid, tid: pid, scope: "p", args: args)
            } else {
                emit("i", name, cat: cat, at: event, pid: 0, tid: 0, scope: "g", args: args)
            }
        }

        mutating func add(_ event: Event) {
            let q = ExportJSON.quote
            switch event.payload {
            case .workerDeclared:
                break  // metadata only
            case .contextBegan(let e):
                guard let (pid, tid) = world.thread(e.ctx) else { return }
                var args = [("ctx", q(e.ctx.description)), ("worker", q(e.worker))]
                if let entrypoint = e.entrypoint { args.append(("entrypoint", q(entrypoint))) }
                if let by = e.openedBy { args.append(("openedBy", q(by.description))) }
                emit("B", PerfettoExporter.title(of: e), cat: "context", at: event, pid: pid, tid: tid, args: args)
                openContexts.insert(e.ctx)
                if let call = e.openedBy {
                    if let (session, caller) = callSessions[call] { sessionEnds[session] = (caller, e.ctx) }
                    if flowsAwaitingEnd.remove(call) != nil {
                        emit("f", "call", cat: "flow", at: event, pid: pid, tid: tid, id: call.raw, bindEnclosing: true)
                    }
                }
            case .contextEnded(let ctx, _, let reason):
                guard openContexts.remove(ctx) != nil, let (pid, tid) = world.thread(ctx) else { return }
                emit("E", world.contextTitle[ctx] ?? "", cat: "context", at: event, pid: pid, tid: tid, args: [("reason", q(reason.rawValue))])
            case .callStarted(let e):
                let pid = world.pid(e.calleeWorker)
                let name = PerfettoExporter.name(of: e)
                calls[e.call] = (pid, name)
                if let session = e.session { callSessions[e.call] = (session, e.callerCtx) }
                var args = [
                    ("call", q(e.call.description)), ("caller", q("\(e.callerWorker) \(e.callerCtx)")),
                    ("callee", q(e.calleeWorker)),
                ]
                if let arguments = e.arguments {
                    args.append(("arguments", ExportJSON.array(arguments.map { q($0.summary(limit: 80)) })))
                }
                if let p = e.pipelinedOn { args.append(("pipelinedOn", q(p.description))) }
                if let p = e.parent { args.append(("parent", q(p.description))) }
                if let s = e.session { args.append(("session", q(s.description))) }
                emit("b", name, cat: "call", at: event, pid: pid, tid: nil, id: e.call.raw, args: args)
                addFlow(for: e, at: event)
            case .callReturned(let call, let result, let ms):
                guard let (pid, name) = calls.removeValue(forKey: call) else { return }
                emit("e", name, cat: "call", at: event, pid: pid, tid: nil, id: call.raw,
                     args: [("result", q(result.summary(limit: 80))), ("durationMs", String(ms))])
            case .callThrew(let call, let error, let ms):
                guard let (pid, name) = calls.removeValue(forKey: call) else { return }
                emit("e", name, cat: "call", at: event, pid: pid, tid: nil, id: call.raw,
                     args: [("error", q(error.description)), ("durationMs", String(ms))])
            case .stubCreated(let e):
                stubHolders[e.stub] = e.holderCtx
                var args = [("kind", q(e.kind.rawValue)), ("target", q("\(e.targetWorker):\(e.target)"))]
                if let by = e.createdBy { args.append(("createdBy", q(by.description))) }
                if let dup = e.dupOf { args.append(("dupOf", q(dup.description))) }
                instant("new \(e.stub)", cat: "stub", at: event, ctx: e.holderCtx, worker: e.holderWorker, args: args)
            case .stubDisposed(let stub, let reason, let by):
                var args = [("reason", q(reason.rawValue))]
                if let by { args.append(("by", q(by))) }
                instant("dispose \(stub)", cat: "stub", at: event, ctx: stubHolders[stub], worker: nil, args: args)
            case .targetDisposed(let target, let worker, let afterStub):
                var args: [(String, String)] = []
                if let afterStub { args.append(("afterStub", q(afterStub.description))) }
                instant("dispose \(target)", cat: "target", at: event, ctx: nil, worker: worker, args: args)
            case .taskAdded(let task, let ctx, let worker, let label):
                let pid = world.pid(worker)
                tasks[task] = (pid, label)
                emit("b", label, cat: "waitUntil", at: event, pid: pid, tid: nil, id: task.raw,
                     args: [("task", q(task.description)), ("ctx", q(ctx.description))])
            case .taskSettled(let task, _, let outcome):
                guard let (pid, name) = tasks.removeValue(forKey: task) else { return }
                var args: [(String, String)]
                switch outcome {
                case .resolved: args = [("outcome", q("resolved"))]
                case .cancelled: args = [("outcome", q("cancelled"))]
                case .rejected(let error): args = [("outcome", q("rejected")), ("error", q(error.description))]
                }
                emit("e", name, cat: "waitUntil", at: event, pid: pid, tid: nil, id: task.raw, args: args)
            case .message(let session, let from, let to, let text):
                instant(PerfettoExporter.verb(of: text), cat: "message", at: event, ctx: nil, worker: from,
                        args: [("session", q(session.description)), ("to", q(to)), ("text", q(text))])
            case .log(let ctx, let worker, let level, let text):
                instant(text, cat: "log", at: event, ctx: ctx, worker: worker,
                        args: [("level", q(level.rawValue)), ("text", q(text))])
            case .step(let text, let line):
                instant(text, cat: "step", at: event, ctx: nil, worker: world.primary,
                        args: [("line", line.map { String($0) } ?? "null")])
            case .durableObject(let e):
                instant(e.details, cat: "durableObject", at: event, ctx: e.ctx, worker: e.worker,
                        args: [("object", q(e.object)), ("id", q(e.id))])
            }
        }

        /// The flow arrow of a call: from the caller's running context to the callee's — the
        /// context the call opens (its `f` waits for that `contextBegan`), or the other end of
        /// the call's session.
        private mutating func addFlow(for e: CallStarted, at event: Event) {
            guard openContexts.contains(e.callerCtx), let (callerPid, callerTid) = world.thread(e.callerCtx)
            else { return }
            if world.openedBy[e.call] != nil {
                emit("s", "call", cat: "flow", at: event, pid: callerPid, tid: callerTid, id: e.call.raw)
                flowsAwaitingEnd.insert(e.call)
                return
            }
            guard let session = e.session, let (a, b) = sessionEnds[session] else { return }
            let callee = a == e.callerCtx ? b : (b == e.callerCtx ? a : nil)
            guard let callee, openContexts.contains(callee), let (pid, tid) = world.thread(callee) else { return }
            emit("s", "call", cat: "flow", at: event, pid: callerPid, tid: callerTid, id: e.call.raw)
            emit("f", "call", cat: "flow", at: event, pid: pid, tid: tid, id: e.call.raw, bindEnclosing: true)
        }
    }
}
