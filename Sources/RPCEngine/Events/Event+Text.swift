extension Event {
    /// The event as one stable line of text (the `.trace` format).
    public var text: String {
        "\(seq) \(time)ms \(kind) " + details
    }

    /// The fields of the event, without seq, time and kind.
    public var details: String {
        switch payload {
        case .workerDeclared(let w):
            var s = "\(w.name)" + (w.module.map { " main=\($0)" } ?? "") + (w.isPrimary ? " primary" : "")
            for b in w.bindings { s += " \(b.binding)→\(b.service)" + (b.entrypoint.map { ".\($0)" } ?? "") }
            for d in w.durableObjects { s += " \(d.name)→do:\(d.script).\(d.className)" }
            if w.vars.count > 0 { s += " vars=" + RpcValue.object(w.vars).summary(limit: 60) }
            for e in w.exports { s += " export=\(e.name)" + (e.isDefault ? "(default)" : "") }
            return s
        case .contextBegan(let e):
            var s = "\(e.ctx) \(e.kind.rawValue) worker=\(e.worker)"
            if let ep = e.entrypoint { s += " entrypoint=\(ep)" }
            if let by = e.openedBy { s += " by=\(by)" }
            return s
        case .contextEnded(let ctx, let worker, let reason):
            return "\(ctx) worker=\(worker) reason=\(reason.rawValue)"
        case .callStarted(let e):
            var s = "\(e.call) \(e.callerCtx) \(e.callerWorker) → \(e.calleeWorker) \(e.target)"
            if !e.path.isEmpty { s += "." + e.path.joined(separator: ".") }
            if let args = e.arguments { s += "(" + args.map { $0.summary(limit: 60) }.joined(separator: ", ") + ")" } else { s += " get" }
            if let p = e.pipelinedOn { s += " pipelined-on=\(p)" }
            if let parent = e.parent { s += " parent=\(parent)" }
            return s
        case .callReturned(let call, let result, let ms):
            return "\(call) → \(result.summary(limit: 80)) \(ms)ms"
        case .callThrew(let call, let error, let ms):
            return "\(call) ✗ \(error.name): \(error.message) \(ms)ms"
        case .stubCreated(let e):
            var s = "\(e.stub) \(e.kind.rawValue) holder=\(e.holderCtx)/\(e.holderWorker) target=\(e.targetWorker):\(e.target)"
            if let c = e.createdBy { s += " by=\(c)" }
            if let d = e.dupOf { s += " dup-of=\(d)" }
            return s
        case .stubDisposed(let stub, let reason, let by):
            return "\(stub) reason=\(reason.rawValue)" + (by.map { " by=\($0)" } ?? "")
        case .targetDisposed(let target, let worker, let after):
            return "\(worker):\(target)" + (after.map { " after=\($0)" } ?? "")
        case .taskAdded(let task, let ctx, let worker, let label):
            return "\(task) \(ctx)/\(worker) \(RpcValue.quote(label))"
        case .taskSettled(let task, let ctx, let outcome):
            switch outcome {
            case .resolved: return "\(task) \(ctx) resolved"
            case .cancelled: return "\(task) \(ctx) cancelled"
            case .rejected(let e): return "\(task) \(ctx) rejected \(e.name): \(e.message)"
            }
        case .message(let session, let from, let to, let text):
            return "\(session) \(from) → \(to) \(text)"
        case .log(let ctx, let worker, let level, let text):
            return [ctx.map { "\($0)" }, worker, level.rawValue].compactMap { $0 }.joined(separator: " ")
                + " " + RpcValue.quote(text)
        case .step(let text, let line):
            return RpcValue.quote(text) + (line.map { " line=\($0)" } ?? "")
        case .durableObject(let e):
            return e.details
        }
    }
}
