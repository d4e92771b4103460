/// The runtime's record of one stub handle. Isolated to the runtime actor.
final class StubState {
    let id: StubID
    let holder: ContextState
    let kind: StubKind
    let hook: Hook
    let createdBy: CallID?
    let dupOf: StubID?
    /// What it points at, for events and errors.
    let label: String
    let targetWorker: String
    var disposed: DisposeReason?
    /// Where it was disposed (a call or statement), for the use-after-dispose error.
    var disposedBy: String?
    /// For promise handles: the pending result.
    var promise: PromiseState?

    init(id: StubID, holder: ContextState, kind: StubKind, hook: Hook, createdBy: CallID?, dupOf: StubID?, label: String, targetWorker: String) {
        self.id = id
        self.holder = holder
        self.kind = kind
        self.hook = hook
        self.createdBy = createdBy
        self.dupOf = dupOf
        self.label = label
        self.targetWorker = targetWorker
    }
}

/// What a stub (or an export) refers to.
enum Hook {
    /// An import of a session side: calls become pushes to the peer's export `id`.
    case imported(SessionSide, Int)
    /// A target living in the holder's own context (a loopback stub).
    case local(TargetState)
    /// A Durable Object (§8.2): each top-level call opens a session into the object's context.
    case durableObject(DurableObjectHandle)
}
