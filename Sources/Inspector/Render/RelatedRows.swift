import RPCEngine

/// Which rows are linked to the shared selection, so every pane can mark them (underlined, an
/// attribute that survives `NO_COLOR`): the call that created a selected stub and the calls made
/// through it, the stubs a selected call created or disposed, a context's stubs, calls and
/// tasks, and so on.
public enum RelatedRows {
    /// Whether the row `row` is linked to `selection` (the row itself is not "related").
    public static func isRelated(_ row: Selection, to selection: Selection?, in model: InspectorModel) -> Bool {
        guard let selection, row != selection else { return false }
        switch (selection, row) {
        case (.stub(let s), .call(let c)):
            guard let stub = model.stub(s), let call = model.call(c) else { return false }
            return stub.created.createdBy == c || call.started.target == s.description
        case (.stub(let s), .stub(let other)):
            guard let stub = model.stub(s) else { return false }
            return stub.created.dupOf == other || stub.dups.contains(other)
        case (.stub(let s), .context(let ctx)):
            guard let stub = model.stub(s) else { return false }
            return stub.created.holderCtx == ctx || stub.hostContext == ctx
        case (.call(let c), .stub(let s)):
            guard let call = model.call(c) else { return false }
            return call.stubsCreated.contains(s) || call.stubsDisposed.contains(s) || call.started.target == s.description
        case (.call(let c), .call(let other)):
            guard let call = model.call(c) else { return false }
            return call.started.pipelinedOn == other || call.pipelined.contains(other) || call.started.parent == other
                || call.children.contains(other)
        case (.call(let c), .task(let t)):
            guard let call = model.call(c), let task = model.task(t) else { return false }
            return call.openedContext == task.ctx
        case (.call(let c), .context(let ctx)):
            guard let call = model.call(c) else { return false }
            return call.started.callerCtx == ctx || call.calleeContext == ctx
        case (.task(let t), .call(let c)):
            guard let task = model.task(t), let call = model.call(c) else { return false }
            return call.openedContext == task.ctx
        case (.task(let t), .context(let ctx)):
            return model.task(t)?.ctx == ctx
        case (.context(let ctx), .stub(let s)):
            guard let stub = model.stub(s) else { return false }
            return stub.created.holderCtx == ctx
        case (.context(let ctx), .call(let c)):
            guard let call = model.call(c) else { return false }
            return call.started.callerCtx == ctx || call.openedContext == ctx
        case (.context(let ctx), .task(let t)):
            return model.task(t)?.ctx == ctx
        case (.worker(let w), .call(let c)):
            guard let call = model.call(c) else { return false }
            return call.started.callerWorker == w || call.started.calleeWorker == w
        case (.worker(let w), .stub(let s)):
            return model.stub(s)?.created.holderWorker == w
        case (.worker(let w), .task(let t)):
            return model.task(t)?.worker == w
        case (.event(let seq), .call(let c)):
            guard let call = model.call(c) else { return false }
            return call.startSeq == seq || call.endSeq == seq
        case (.event(let seq), .stub(let s)):
            guard let stub = model.stub(s) else { return false }
            return stub.createdSeq == seq || stub.disposal?.seq == seq
        case (.event(let seq), .task(let t)):
            guard let task = model.task(t) else { return false }
            return task.addedSeq == seq || task.settledSeq == seq
        default:
            return false
        }
    }

    /// Whether an event's text names the selection's id (`stub4`, `call12`, `ctx3`, `task1`),
    /// matched as a whole word so `stub1` does not match `stub12`.
    public static func eventMentions(_ text: String, _ selection: Selection?) -> Bool {
        let token: String
        switch selection {
        case .stub(let id)?: token = id.description
        case .call(let id)?: token = id.description
        case .context(let id)?: token = id.description
        case .task(let id)?: token = id.description
        default: return false
        }
        var rest = Substring(text)
        while let range = rest.firstRange(of: token) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let boundary: (Character?) -> Bool = { c in c.map { !($0.isLetter || $0.isNumber) } ?? true }
            if boundary(before) && boundary(after) { return true }
            rest = text[range.upperBound...]
        }
        return false
    }
}
