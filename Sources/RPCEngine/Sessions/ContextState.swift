/// The runtime's record of one execution context (§6). Isolated to the runtime actor.
final class ContextState {
    enum Phase { case running, returned, ended }

    let id: ContextID
    let worker: String
    let entrypoint: String?
    let kind: ContextKind
    let handle: ExecutionContext
    let env: Env
    var phase: Phase = .running
    /// Live stubs held here, disposed when the context ends.
    var held: [StubID: StubState] = [:]
    /// Calls whose result this context holds with a callee disposer (§4.7) and has not
    /// disposed yet; each is also in the runtime's `heldResults`.
    var heldResults: [CallID] = []
    /// Running waitUntil tasks.
    var tasks: [TaskID: Task<Void, Never>] = [:]
    /// Sessions this context opened as the caller, cancelled when it ends (§6.3).
    var opened: [SessionState] = []
    /// The session this context serves, for RPC-session contexts.
    var servedSession: SessionState?
    var abortReason: RpcError?
    var drainTimer: Task<Void, Never>?
    var endReason: ContextEndReason = .returned

    init(id: ContextID, worker: String, entrypoint: String?, kind: ContextKind, handle: ExecutionContext, env: Env) {
        self.id = id
        self.worker = worker
        self.entrypoint = entrypoint
        self.kind = kind
        self.handle = handle
        self.env = env
    }

    var isAlive: Bool { phase == .running && abortReason == nil }
}
