import RPCEngine
import TerminalUI

/// The one-line rendering of every row of every pane, from the model only.
///
/// Used both to draw rows and to match them against a pane's filter, so what is filtered is
/// exactly what is shown. Lines carry roles (`.ok`, `.error`, `.pending`, `.muted`) and the
/// state's glyph, never colour alone.
public enum RowFormatter {
    // MARK: Workers

    /// A row of the Workers pane.
    public static func worker(_ row: Selection, in model: InspectorModel) -> Line {
        switch row {
        case .worker(let name):
            guard let w = model.worker(named: name) else { return Line(name, style: .muted) }
            var line = Line(w.isBusy ? Glyph.live + " " : Glyph.gone + " ", style: w.isBusy ? .ok : .muted)
            line.append(name, style: .title)
            var notes: [String] = []
            if w.declaration.isPrimary { notes.append("primary") }
            if let module = w.declaration.module { notes.append(module) }
            if !notes.isEmpty { line.append(" (" + notes.joined(separator: ", ") + ")", style: .dim) }
            if w.isBusy {
                var parts: [String] = []
                if !w.liveContexts.isEmpty { parts.append(w.liveContexts.map(\.description).joined(separator: " ")) }
                if w.pendingCalls > 0 { parts.append("\(Glyph.pending)\(w.pendingCalls) in flight") }
                if w.runningTasks > 0 { parts.append("\(w.runningTasks) task" + (w.runningTasks == 1 ? "" : "s")) }
                line.append("  " + parts.joined(separator: " · "), style: .pending)
            } else {
                line.append("  idle", style: .muted)
            }
            return line
        case .binding(let worker, let binding):
            guard let b = model.worker(named: worker)?.declaration.bindings.first(where: { $0.binding == binding }) else {
                return Line("env.\(binding)")
            }
            return Line("env.\(binding)", style: .accent) + Line(" → \(b.service)" + (b.entrypoint.map { ".\($0)" } ?? ""))
        case .vars(let worker):
            let vars = model.worker(named: worker)?.declaration.vars ?? RpcObject()
            return Line("vars ", style: .dim) + Line(RpcValue.object(vars).summary(limit: 200))
        case .export(let worker, let name):
            guard let e = model.worker(named: worker)?.declaration.exports.first(where: { $0.name == name }) else {
                return Line(name)
            }
            let kind: String
            switch e.kind {
            case .entrypoint: kind = "entrypoint"
            case .rpcTarget: kind = "RpcTarget"
            case .durableObject: kind = "Durable Object"
            }
            return Line(name, style: .title) + Line(" (" + kind + (e.isDefault ? ", default" : "") + ")", style: .dim)
        case .method(let worker, let export, let member):
            let m = model.worker(named: worker)?.declaration.exports.first { $0.name == export }?.members.first { $0.name == member }
            guard let m else { return Line(member) }
            return m.isGetter ? Line(m.name) + Line(" (getter)", style: .dim) : Line(m.signature)
        case .context(let id):
            guard let c = model.context(id) else { return Line(id.description, style: .muted) }
            var line = Line(c.isLive ? Glyph.live + " " : Glyph.gone + " ", style: c.isLive ? .ok : .muted)
            line.append("\(id) \(c.began.kind.rawValue)")
            if let ep = c.began.entrypoint { line.append(" \(ep)", style: .dim) }
            let pending = c.pendingCalls
            if pending > 0 { line.append("  \(Glyph.pending)\(pending) call" + (pending == 1 ? "" : "s"), style: .pending) }
            let tasks = c.tasks.compactMap { model.task($0) }.filter(\.isRunning)
            if !tasks.isEmpty {
                line.append("  " + tasks.map { "\(Glyph.pending) \($0.id) \($0.label)" }.joined(separator: ", "), style: .pending)
            }
            return line
        default:
            return Line("")
        }
    }

    // MARK: Calls

    /// The status glyph of a call, in its role.
    public static func status(_ call: CallRecord) -> Line {
        switch call.status {
        case .pending: Line(Glyph.pending, style: .pending)
        case .returned: Line(Glyph.ok, style: .ok)
        case .threw: Line(Glyph.error, style: .error)
        }
    }

    /// A call in the tree: status, id, caller (for top-level calls), expression, pipelining,
    /// result or error, virtual duration.
    public static func call(_ call: CallRecord, in model: InspectorModel) -> Line {
        let e = call.started
        var line = status(call) + Line(" ")
        line.append(call.id.description, style: .title)
        line.append(" ")
        if e.parent == nil || model.call(e.parent!)?.started.calleeWorker != e.callerWorker {
            line.append("\(e.callerWorker) → ", style: .dim)
        } else if let parent = e.parent, model.call(parent)?.started.callerWorker == e.calleeWorker {
            line.append("↩ ", style: .dim)
        }
        line.append(call.expression())
        if let on = e.pipelinedOn { line.append("  \(Glyph.pipelined) on \(on) pipelined", style: .accent) }
        switch call.status {
        case .pending:
            line.append("  pending \(call.duration(at: model.time))ms", style: .pending)
        case .returned(let value):
            line.append("  = " + value.summary(limit: 40), style: .ok)
            line.append("  \(call.durationMs ?? 0)ms", style: .dim)
        case .threw(let error):
            line.append("  \(error.name): \(error.message)", style: .error)
            line.append("  \(call.durationMs ?? 0)ms", style: .dim)
        }
        return line
    }

    // MARK: Stubs

    /// The state of a stub as glyph and word.
    public static func stubState(_ stub: StubRecord) -> Line {
        switch stub.state {
        case .live: Line(Glyph.live + " live", style: .ok)
        case .disposed: Line(Glyph.gone + " disposed", style: .muted)
        case .broken: Line(Glyph.error + " broken", style: .error)
        }
    }

    /// A stub: state glyph, id, kind, state word (and disposal rule), holder, target, lineage,
    /// creating call. The state comes first so that it survives the narrowest pane.
    public static func stub(_ stub: StubRecord) -> Line {
        let c = stub.created
        let dim: Style = stub.isLive ? .normal : .muted
        var line: Line
        switch stub.state {
        case .live: line = Line(Glyph.live + " ", style: .ok)
        case .disposed: line = Line(Glyph.gone + " ", style: .muted)
        case .broken: line = Line(Glyph.error + " ", style: .error)
        }
        line.append(stub.id.description, style: stub.isLive ? .title : .muted)
        line.append(" " + Glyph.kind(c.kind), style: dim)
        switch stub.state {
        case .live: line.append("  live", style: .ok)
        case .disposed: line.append("  disposed" + (stub.disposal.map { " (\($0.reason.rawValue))" } ?? ""), style: .muted)
        case .broken: line.append("  broken", style: .error)
        }
        line.append("  @\(c.holderCtx)", style: .dim)
        line.append("  → \(c.targetWorker):\(c.target)", style: dim)
        if let d = c.dupOf { line.append("  dup of \(d)", style: .dim) }
        if let by = c.createdBy { line.append("  by \(by)", style: .dim) }
        return line
    }

    // MARK: Tasks

    /// A task: state, id, label, context, worker, start and end.
    public static func task(_ task: TaskRecord, in model: InspectorModel) -> Line {
        var line: Line
        switch task.outcome {
        case nil: line = Line(Glyph.pending + " running", style: .pending)
        case .resolved?: line = Line(Glyph.ok + " resolved", style: .ok)
        case .rejected?: line = Line(Glyph.error + " rejected", style: .error)
        case .cancelled?: line = Line(Glyph.cancelled + " cancelled", style: .warning)
        }
        line.append(" ")
        line.append(task.id.description, style: .title)
        line.append(" " + task.label)
        line.append("  \(task.ctx) \(task.worker)", style: .dim)
        let end = task.settledTime.map { "\($0)ms" } ?? "…"
        line.append("  \(task.addedTime)ms → \(end)", style: .dim)
        if case .rejected(let error)? = task.outcome { line.append("  \(error.name): \(error.message)", style: .error) }
        return line
    }

    // MARK: Events

    /// An event of the log, as its stable text line; events after the cursor are muted.
    public static func event(_ event: Event, cursor: Int) -> Line {
        Line(event.text, style: event.seq > cursor ? .muted : .normal)
    }
}
