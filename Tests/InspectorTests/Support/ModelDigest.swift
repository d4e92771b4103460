import Inspector
import RPCEngine

/// A one-string digest of everything a model holds, for comparing two folds exactly.
func digest(_ model: InspectorModel) -> String {
    var lines = ["seq \(model.seq) time \(model.time) live \(model.liveStubCount) pending \(model.pendingCallCount) running \(model.runningTaskCount) warnings \(model.warningCount) steps \(model.stepCount)"]
    for w in model.workers {
        lines.append("\(w.name) live=\(w.liveContexts) all=\(w.contexts) calls=\(w.pendingCalls) tasks=\(w.runningTasks)")
    }
    for c in model.contexts {
        lines.append("\(c.id) end=\(c.end.map { "\($0.reason.rawValue)@\($0.seq)" } ?? "-") pending=\(c.pendingCalls) held=\(c.heldStubs) hosted=\(c.hostedStubs) tasks=\(c.tasks) calls=\(c.callsMade) logs=\(c.logSeqs)")
    }
    for c in model.calls {
        let status: String
        switch c.status {
        case .pending: status = "pending"
        case .returned(let v): status = "= " + v.summary()
        case .threw(let e): status = "✗ \(e.name)"
        }
        lines.append("\(c.id) \(status) \(c.durationMs.map(String.init) ?? "-")ms end=\(c.endSeq.map(String.init) ?? "-") root=\(c.root) depth=\(c.depth) descendants=\(c.descendants) children=\(c.children) pipelined=\(c.pipelined) opened=\(c.openedContext?.description ?? "-") callee=\(c.calleeContext?.description ?? "-") created=\(c.stubsCreated) disposed=\(c.stubsDisposed)")
    }
    for s in model.stubs {
        lines.append("\(s.id) \(s.state.rawValue) host=\(s.hostContext?.description ?? "-") dups=\(s.dups) disposal=\(s.disposal.map { "\($0.reason.rawValue)@\($0.seq)" } ?? "-") broken=\(String(describing: s.breakage)) target=\(s.targetDisposedSeq.map(String.init) ?? "-")")
    }
    for t in model.tasks {
        lines.append("\(t.id) \(String(describing: t.outcome)) settled=\(t.settledSeq.map(String.init) ?? "-")")
    }
    lines.append("roots=\(model.rootCalls) step=\(model.currentStep?.text ?? "-") lastLog=\(model.lastLogSeq.map(String.init) ?? "-")")
    lines.append("rows=" + (0..<model.callTreeRowCount).map { model.callTreeRow($0)?.id.description ?? "?" }.joined(separator: ","))
    lines.append("sessions=" + model.sessionMessages.keys.sorted().map { "\($0):\(model.sessionMessages[$0]!.count)" }.joined(separator: ","))
    return lines.joined(separator: "\n")
}
