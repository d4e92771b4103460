import RPCEngine

/// A worker as the inspector knows it: what its `workerDeclared` event said, plus the counts the
/// fold keeps up to date (live contexts, calls into it that have not settled, running tasks).
///
/// Everything here comes from events; nothing is read from the runtime.
public struct WorkerRecord: Sendable {
    /// The declaration: module, bindings, vars, exports and their members.
    public let declaration: WorkerDeclared
    /// The seq of the `workerDeclared` event.
    public let declaredSeq: Int
    /// Execution contexts of this worker that began and have not ended, oldest first.
    public internal(set) var liveContexts: [ContextID] = []
    /// Every execution context of this worker, oldest first.
    public internal(set) var contexts: [ContextID] = []
    /// Calls whose callee is this worker and that have not settled.
    public internal(set) var pendingCalls = 0
    /// `waitUntil` tasks of this worker's contexts that have not settled.
    public internal(set) var runningTasks = 0

    /// The worker's name (its service name).
    public var name: String { declaration.name }

    /// Whether anything runs in the worker: a live context, a pending call or a running task.
    public var isBusy: Bool { !liveContexts.isEmpty || pendingCalls > 0 || runningTasks > 0 }
}
