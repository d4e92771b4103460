import RPCEngine
import TerminalUI

/// The Inspector pane (5): the details of the shared selection at the time cursor — full
/// arguments and results, errors, ownership (stubs created and disposed), the wire messages of
/// a call, lineage — ending with the one sentence of ``RuleExplanation`` that says which rule
/// applied. While the console has focus it shows the console's transcript instead.
public enum DetailsPane {
    /// How many characters of a value are shown before "…".
    public static let valueLimit = 2000

    /// The title of the pane for the state.
    public static func title(for state: InspectorState) -> String {
        state.consoleFocused ? "5 Console transcript" : "5 Inspector"
    }

    /// The pane's lines (wrapped to the pane's width when drawn).
    public static func lines(for state: InspectorState) -> [Line] {
        if state.consoleFocused { return transcript(state.console) }
        let model = state.model
        guard let selection = state.selection else {
            return [
                Line("Nothing selected.", style: .muted),
                Line("Move in any pane to select; Enter inspects; ? lists every key.", style: .dim),
            ]
        }
        var out: [Line]
        switch selection {
        case .call(let id):
            guard let call = model.call(id) else { return missing(id.description, model) }
            out = self.call(call, state: state)
        case .stub(let id):
            guard let stub = model.stub(id) else { return missing(id.description, model) }
            out = self.stub(stub, model: model)
        case .task(let id):
            guard let task = model.task(id) else { return missing(id.description, model) }
            out = self.task(task, model: model)
        case .context(let id):
            guard let ctx = model.context(id) else { return missing(id.description, model) }
            out = context(ctx, state: state)
        case .event(let seq):
            out = event(seq, state: state)
        case .worker(let name), .binding(let name, _), .vars(let name), .export(let name, _), .method(let name, _, _):
            guard let worker = model.worker(named: name) else { return missing(name, model) }
            out = self.worker(worker, selection: selection, model: model)
        }
        return out
    }

    private static func missing(_ name: String, _ model: InspectorModel) -> [Line] {
        [Line("\(name) does not exist yet at seq \(model.seq).", style: .muted),
         Line("Step forward (.) or follow the newest event (F) to see it.", style: .dim)]
    }

    private static func field(_ name: String, _ value: Line) -> Line {
        Line(name.padding(9), style: .dim) + value
    }

    private static func field(_ name: String, _ value: String) -> Line {
        field(name, Line(value))
    }

    private static func rule(_ text: String) -> Line {
        Line("rule     ", style: .header) + Line(text, style: .accent)
    }

    private static func at(_ seq: Int, _ time: Int) -> String { "seq \(seq) · \(time)ms" }

    // MARK: - Calls

    private static func call(_ call: CallRecord, state: InspectorState) -> [Line] {
        let model = state.model
        let e = call.started
        var out: [Line] = []
        let status: String
        switch call.status {
        case .pending: status = "pending"
        case .returned: status = "returned"
        case .threw: status = "threw"
        }
        out.append(Line(call.id.description, style: .title) + Line(" ") + RowFormatter.status(call) + Line(" " + status))
        out.append(field("call", "\(e.callerWorker) → \(e.calleeWorker)  " + call.expression(argumentLimit: 60)))
        out.append(field("caller", contextLabel(e.callerCtx, model)))
        if let callee = call.calleeContext {
            out.append(field("callee", contextLabel(callee, model) + (call.openedContext == callee ? " — opened by this call" : "")))
        }
        if let session = e.session { out.append(field("session", session.description)) }
        if let parent = e.parent { out.append(field("parent", "\(parent) (ran while it was in progress)")) }
        if let on = e.pipelinedOn { out.append(field("pipeline", Line("\(Glyph.pipelined) rides on the promise of \(on)", style: .accent))) }
        if !call.pipelined.isEmpty { out.append(field("riders", call.pipelined.map(\.description).joined(separator: ", ") + " pipelined on this call")) }
        if !call.children.isEmpty { out.append(field("nested", call.children.map(\.description).joined(separator: ", "))) }
        var timing = "started " + at(call.startSeq, call.startTime)
        if let end = call.endSeq, let time = call.endTime { timing += "; settled " + at(end, time) }
        timing += "; virtual duration \(call.duration(at: model.time))ms"
        out.append(field("time", timing))
        out.append(Line())
        if let args = e.arguments {
            out.append(Line("arguments", style: .header))
            if args.isEmpty { out.append(Line("  (none)", style: .muted)) }
            for (i, arg) in args.enumerated() { out.append(Line("  [\(i)] " + arg.summary(limit: valueLimit))) }
        } else {
            out.append(Line("property get (no arguments)", style: .dim))
        }
        switch call.status {
        case .pending:
            out.append(Line("result", style: .header))
            out.append(Line("  \(Glyph.pending) not settled at seq \(model.seq)", style: .pending))
        case .returned(let value):
            out.append(Line("result", style: .header))
            out.append(Line("  " + value.summary(limit: valueLimit), style: .ok))
        case .threw(let error):
            out.append(Line("error", style: .header))
            out.append(Line("  thrown in \(e.calleeWorker), received by \(e.callerWorker) as:", style: .dim))
            out.append(Line("  \(Glyph.error) \(error.name): \(error.message)", style: .error))
            var facts = ["remote = \(error.remote)"]
            if error.properties.count > 0 { facts.append("own properties " + RpcValue.object(error.properties).summary(limit: 200)) }
            if let id = error.durableObjectId { facts.append("durableObjectId \(id)") }
            if let path = error.path { facts.append("at \(path)") }
            out.append(Line("  " + facts.joined(separator: " · "), style: .dim))
        }
        if !call.stubsCreated.isEmpty || !call.stubsDisposed.isEmpty {
            out.append(Line("ownership", style: .header))
            for id in call.stubsCreated {
                guard let stub = model.stub(id) else { continue }
                out.append(Line("  + \(id) \(Glyph.kind(stub.created.kind)) now held by \(stub.created.holderCtx) (\(stub.created.holderWorker))"))
            }
            for id in call.stubsDisposed {
                guard let stub = model.stub(id) else { continue }
                out.append(Line("  − \(id) disposed (\(stub.disposal?.reason.rawValue ?? "?")) when this call settled", style: .muted))
            }
        }
        if let session = e.session, let seqs = model.sessionMessages[session] {
            let end = call.endSeq ?? model.seq
            let during = seqs.filter { $0 >= call.startSeq && $0 <= end }
            if !during.isEmpty {
                out.append(Line("wire (\(session), \(during.count) message" + (during.count == 1 ? "" : "s") + " while it ran)", style: .header))
                for seq in during.prefix(12) {
                    guard let event = state.timeline.log.events(from: seq, to: seq + 1).first,
                        case .message(_, let from, let to, let text) = event.payload
                    else { continue }
                    out.append(Line("  \(from) → \(to) ", style: .dim) + Line(text))
                }
                if during.count > 12 { out.append(Line("  … \(during.count - 12) more in the Events pane", style: .muted)) }
            }
        }
        out.insert(rule(RuleExplanation.forCall(call, in: model)), at: 1)
        return out
    }

    private static func contextLabel(_ id: ContextID, _ model: InspectorModel) -> String {
        guard let ctx = model.context(id) else { return id.description }
        var text = "\(id) (\(ctx.worker), \(ctx.began.kind.rawValue)"
        if let ep = ctx.began.entrypoint { text += " \(ep)" }
        text += ctx.isLive ? ", live)" : ", ended \(ctx.end!.reason.rawValue))"
        return text
    }

    // MARK: - Stubs

    private static func stub(_ stub: StubRecord, model: InspectorModel) -> [Line] {
        let c = stub.created
        var out: [Line] = []
        out.append(Line(stub.id.description, style: .title) + Line("  " + Glyph.kindName(c.kind) + "  ") + RowFormatter.stubState(stub))
        var target = "\(c.targetWorker): \(c.target)"
        if let host = stub.hostContext { target += "  (lives in \(contextLabel(host, model)))" }
        out.append(field("target", target))
        out.append(field("holder", contextLabel(c.holderCtx, model)))
        if let by = c.createdBy {
            let how = model.call(by).map { call -> String in
                let role = c.holderCtx == call.started.callerCtx ? "from the result of" : "received as a parameter of"
                return "\(role) \(call.expression(argumentLimit: 30))"
            } ?? ""
            out.append(field("created", "by \(by) \(how), " + at(stub.createdSeq, stub.createdTime)))
        } else {
            out.append(field("created", at(stub.createdSeq, stub.createdTime)))
        }
        var lineage: [String] = []
        if let original = c.dupOf {
            var chain = [stub.id.description, original.description]
            var next = model.stub(original)?.created.dupOf
            while let n = next, chain.count < 16 {
                chain.append(n.description)
                next = model.stub(n)?.created.dupOf
            }
            lineage.append("dup of " + chain.dropFirst().joined(separator: " ← "))
        }
        if !stub.dups.isEmpty { lineage.append("dups: " + stub.dups.map(\.description).joined(separator: ", ")) }
        if !lineage.isEmpty { out.append(field("lineage", lineage.joined(separator: "; "))) }
        if let d = stub.disposal {
            out.append(field("disposed", Line("\(d.reason.rawValue)" + (d.by.map { " by \($0)" } ?? "") + ", " + at(d.seq, d.time), style: .muted)))
        } else {
            out.append(field("disposed", Line("—", style: .dim)))
        }
        switch stub.breakage {
        case .callThrew(let call, let seq)?: out.append(field("broken", Line("\(call) rejected at seq \(seq)", style: .error)))
        case .hostEnded(let ctx, let reason, let seq)?:
            out.append(field("broken", Line("\(ctx) ended (\(reason.rawValue)) at seq \(seq)", style: .error)))
        case nil: break
        }
        if let seq = stub.targetDisposedSeq { out.append(field("target", "dispose callback ran at seq \(seq) (targetDisposed)")) }
        let calls = model.calls.suffix(2000).filter { $0.started.target == stub.id.description }
        if !calls.isEmpty {
            out.append(field("calls", calls.map { $0.id.description }.joined(separator: ", ")))
        }
        out.insert(rule(RuleExplanation.forStub(stub, in: model)), at: 1)
        return out
    }

    // MARK: - Tasks and contexts

    private static func task(_ task: TaskRecord, model: InspectorModel) -> [Line] {
        var out = [Line(task.id.description, style: .title) + Line("  waitUntil " + RpcValue.quote(task.label))]
        out.append(RowFormatter.task(task, in: model))
        out.append(field("context", contextLabel(task.ctx, model)))
        if let opened = model.context(task.ctx)?.began.openedBy { out.append(field("opened by", opened.description)) }
        out.append(field("added", at(task.addedSeq, task.addedTime)))
        if let seq = task.settledSeq, let time = task.settledTime {
            out.append(field("settled", at(seq, time) + " (\(time - task.addedTime)ms later)"))
        }
        out.insert(rule(RuleExplanation.forTask(task)), at: 1)
        return out
    }

    private static func context(_ ctx: ContextRecord, state: InspectorState) -> [Line] {
        var out = [Line(ctx.id.description, style: .title) + Line("  \(ctx.began.kind.rawValue) in \(ctx.worker)")]
        if let ep = ctx.began.entrypoint { out.append(field("entrypoint", ep)) }
        if let by = ctx.began.openedBy { out.append(field("opened by", by.description)) }
        out.append(field("began", at(ctx.beganSeq, ctx.beganTime)))
        if let end = ctx.end {
            out.append(field("ended", Line("\(end.reason.rawValue), " + at(end.seq, end.time), style: .muted)))
        } else {
            out.append(field("state", Line(Glyph.live + " live", style: .ok)))
        }
        func ids<T: CustomStringConvertible>(_ list: [T]) -> String { list.isEmpty ? "—" : list.map(\.description).joined(separator: ", ") }
        out.append(field("holds", ids(ctx.heldStubs)))
        out.append(field("hosts", ids(ctx.hostedStubs)))
        out.append(field("tasks", ids(ctx.tasks)))
        out.append(field("calls", ids(ctx.callsMade)))
        if !ctx.logSeqs.isEmpty {
            out.append(Line("logs", style: .header))
            for seq in ctx.logSeqs.suffix(8) {
                guard let event = state.timeline.log.events(from: seq, to: seq + 1).first,
                    case .log(_, _, let level, let text) = event.payload
                else { continue }
                out.append(Line("  \(level.rawValue) ", style: level == .info ? .dim : .warning) + Line(text))
            }
        }
        out.insert(rule(RuleExplanation.forContext(ctx)), at: 1)
        return out
    }

    // MARK: - Workers

    private static func worker(_ worker: WorkerRecord, selection: Selection, model: InspectorModel) -> [Line] {
        let d = worker.declaration
        var out: [Line] = []
        switch selection {
        case .binding(_, let name):
            guard let b = d.bindings.first(where: { $0.binding == name }) else { break }
            out.append(Line("env.\(name)", style: .title) + Line("  service binding of \(worker.name)"))
            out.append(field("calls", b.service + (b.entrypoint.map { " (entrypoint \($0))" } ?? " (default export)")))
            let export = model.worker(named: b.service)?.declaration.exports.first { e in
                b.entrypoint.map { e.name == $0 } ?? e.isDefault
            }
            for m in export?.members ?? [] { out.append(Line("  " + m.signature)) }
            out.insert(rule("each top-level call through a binding opens a new session and a new execution context in \(b.service) (§1.3, §6.1)"), at: 1)
            return out
        case .method(_, let exportName, let member):
            out.append(Line("\(exportName).\(member)", style: .title) + Line("  in \(worker.name)"))
            if let m = d.exports.first(where: { $0.name == exportName })?.members.first(where: { $0.name == member }) {
                out.append(field("member", m.isGetter ? "\(m.name) (getter)" : m.signature))
            }
            out.append(Line("Enter pre-fills the console with a call through a binding of the primary worker.", style: .dim))
            out.insert(rule("only registered methods and getters are callable over RPC; stored properties, env and ctx never are (§2.5)"), at: 1)
            return out
        case .vars:
            out.append(Line("vars of \(worker.name)", style: .title))
            out.append(Line(RpcValue.object(d.vars).summary(limit: valueLimit)))
            return out
        default:
            break
        }
        out.append(Line(worker.name, style: .title) + Line(d.isPrimary ? "  primary worker" : "  worker"))
        out.append(field("module", d.module ?? "— (its code is the script)"))
        for b in d.bindings {
            out.append(field("binding", "env.\(b.binding) → \(b.service)" + (b.entrypoint.map { ".\($0)" } ?? "")))
        }
        if d.vars.count > 0 { out.append(field("vars", RpcValue.object(d.vars).summary(limit: 400))) }
        for e in d.exports {
            let kind: String
            switch e.kind {
            case .entrypoint: kind = "entrypoint"
            case .rpcTarget: kind = "RpcTarget"
            case .durableObject: kind = "Durable Object"
            }
            out.append(field("export", "\(e.name) (\(kind)\(e.isDefault ? ", default" : "")): " + e.members.map(\.signature).joined(separator: ", ")))
            if e.kind == .durableObject {
                let instances = worker.contexts.compactMap { model.context($0) }.filter { $0.began.kind == .durableObject && $0.began.entrypoint == e.name }
                for ctx in instances { out.append(Line("    instance \(ctx.id)" + (ctx.isLive ? " live" : " ended"), style: .dim)) }
            }
        }
        let live = worker.liveContexts.map(\.description).joined(separator: ", ")
        out.append(field("contexts", "\(worker.liveContexts.count) live of \(worker.contexts.count)" + (live.isEmpty ? "" : ": " + live)))
        out.append(field("in flight", "\(worker.pendingCalls) call" + (worker.pendingCalls == 1 ? "" : "s") + ", \(worker.runningTasks) waitUntil task" + (worker.runningTasks == 1 ? "" : "s")))
        return out
    }

    // MARK: - Events

    private static func event(_ seq: Int, state: InspectorState) -> [Line] {
        guard let event = state.timeline.log.events(from: seq, to: seq + 1).first else {
            return [Line("seq \(seq) is not in the log.", style: .muted)]
        }
        var out = [Line("seq \(seq)", style: .title) + Line("  \(event.kind) at \(event.time)ms")]
        out.append(Line(event.details))
        switch event.payload {
        case .callStarted(let e):
            out.append(Line("arguments", style: .header))
            for (i, a) in (e.arguments ?? []).enumerated() { out.append(Line("  [\(i)] " + a.summary(limit: valueLimit))) }
        case .callReturned(_, let value, _):
            out.append(Line("result", style: .header))
            out.append(Line("  " + value.summary(limit: valueLimit)))
        case .log(_, _, _, let text):
            out.append(Line(text))
        default:
            break
        }
        out.append(Line())
        if seq == state.timeline.cursor {
            out.append(Line("This is the time cursor: every pane shows the state after this event.", style: .dim))
        } else {
            out.append(Line("The time cursor is at seq \(state.timeline.cursor).", style: .dim))
        }
        return out
    }

    // MARK: - Console

    private static func transcript(_ console: ConsoleState) -> [Line] {
        var out: [Line] = [Line("Enter runs · Tab completes · ↑/↓ history · Esc leaves · :help", style: .dim)]
        for entry in console.transcript.suffix(200) {
            if !entry.input.isEmpty { out.append(Line("> ", style: .accent) + Line(entry.input)) }
            out.append(outputLine(entry.output))
        }
        return out
    }

    /// One console output as a line: `→ value`, `✗ error`, `⏳ running`, `✓`.
    public static func outputLine(_ output: ConsoleOutput) -> Line {
        switch output {
        case .value(let text): Line("  → " + text, style: .ok)
        case .done: Line("  " + Glyph.ok, style: .ok)
        case .error(let text): Line("  \(Glyph.error) " + text, style: .error)
        case .running: Line("  \(Glyph.pending) running", style: .pending)
        }
    }
}
