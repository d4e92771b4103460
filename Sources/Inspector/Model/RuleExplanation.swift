import RPCEngine

/// The one sentence the Inspector pane shows to say which rule of the semantics applied, with
/// its section number, built only from what the model knows.
///
/// Sentences are plain text ending with the section in parentheses, so they read well on their
/// own and a test can compare them exactly.
public enum RuleExplanation {
    /// Why a stub is in its state (disposed by which rule, broken by what, or what will dispose it).
    public static func forStub(_ stub: StubRecord, in model: InspectorModel) -> String {
        if let disposal = stub.disposal {
            switch disposal.reason {
            case .explicit:
                return "disposed explicitly by its holder's code (dispose(), §4.8)"
            case .usingScopeEnded:
                return "disposed because the `using` scope that declared it ended (§4.8)"
            case .paramsAfterCall:
                let call = disposal.by ?? "the call"
                return "disposed because stubs a callee receives as parameters are disposed when its method settles (\(call), §4.6)"
            case .contextEnded:
                let ctx = disposal.by ?? stub.created.holderCtx.description
                return "disposed because its execution context \(ctx) ended (contextEnded, §4.10)"
            case .sessionEnded:
                return "disposed because its RPC session ended (§6.3)"
            case .resultDisposed:
                return "disposed because the result that carried it was disposed (§4.7)"
            case .transferred:
                return "disposed when it was sent as a parameter, under the legacy rule rpc_params_transfer_stubs (§4.6)"
            }
        }
        switch stub.breakage {
        case .callThrew(let call, _)?:
            return "broken: \(call), whose result this promise stands for, rejected, so calls pipelined on it fail the same way (§5.3)"
        case .hostEnded(let ctx, let reason, _)?:
            return "broken: its target lived in \(ctx), which ended (\(reason.rawValue)); calls on it now fail (§6.5)"
        case nil:
            break
        }
        let holder = stub.created.holderCtx
        if let ctx = model.context(holder), !ctx.isLive {
            return "live although its holder \(holder) ended: nothing disposed it yet"
        }
        return "live: it will be disposed when \(holder) ends, unless disposed first (contextEnded, §4.10)"
    }

    /// What rule shaped a call: pipelining, callbacks, errors crossing, or a plain push.
    public static func forCall(_ call: CallRecord, in model: InspectorModel) -> String {
        let e = call.started
        if let on = e.pipelinedOn {
            if call.didThrow, let base = model.call(on), base.didThrow {
                return "rejected with the same error as \(on), the call it was pipelined on (§5.3)"
            }
            return "pipelined: sent at once on the promised result of \(on), without waiting for it (§5.1)"
        }
        if let parent = e.parent, let p = model.call(parent), p.started.callerWorker == e.calleeWorker {
            return "a callback: \(e.calleeWorker) passed a function or target by reference in \(parent), and the call runs back in \(e.calleeWorker) (§4.6)"
        }
        if case .threw(let error) = call.status {
            return error.remote
                ? "the callee threw; the error crossed with its name and message and gained remote = true (§7.2)"
                : "the call was rejected on the caller's side before reaching any callee code (§7)"
        }
        if StubID(parsing: e.target) != nil {
            return "a call through \(e.target): it runs where the stub's target lives, \(e.calleeWorker) (§4.2)"
        }
        if call.isGet {
            return "a property read: awaiting a property sends a get for its path (§5.5)"
        }
        return "a top-level call through the binding \(e.target) opens a new session and execution context in \(e.calleeWorker) (§1.3, §6.1)"
    }

    /// Why a context ended, or what keeps it alive.
    public static func forContext(_ ctx: ContextRecord) -> String {
        guard let end = ctx.end else {
            if ctx.tasks.isEmpty {
                return "live: it ends when its method has returned and no stub remains between the two sides (§6.2)"
            }
            return "live: its waitUntil tasks keep it running until they settle (§1.7)"
        }
        switch end.reason {
        case .returned: return "ended because its method returned and no stub was left between the two sides (§6.2)"
        case .drained: return "ended when its waitUntil tasks finished, after its method had returned (§1.7)"
        case .cancelled: return "cancelled because its caller's context ended first, or its waitUntil tasks ran out of time (§6.3)"
        case .aborted: return "aborted by ctx.abort(): pending calls reject with the abort reason (§1.9, §6.5)"
        }
    }

    /// What a waitUntil task does to its context.
    public static func forTask(_ task: TaskRecord) -> String {
        switch task.outcome {
        case nil: return "running: ctx.waitUntil keeps \(task.ctx) alive until the task settles (§1.7)"
        case .resolved?: return "resolved; \(task.ctx) could then drain (§1.7)"
        case .rejected?: return "rejected: errors in waitUntil tasks are logged, never sent to a caller (§7.4)"
        case .cancelled?: return "cancelled because \(task.ctx) was cancelled or ran out of time (§1.7, §6.3)"
        }
    }
}
