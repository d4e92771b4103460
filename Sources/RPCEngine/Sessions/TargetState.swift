/// Something callable that lives in a context: an entrypoint instance, an `RpcTarget`, a
/// function, or a plain value reached by a path. Isolated to the runtime actor.
final class TargetState {
    enum Body {
        case receiver(any RpcReceiver, entrypoint: Bool)
        case function(RpcFunction)
        case value(RpcValue)
    }
    let home: ContextState
    let body: Body
    let label: String

    init(home: ContextState, body: Body, label: String) {
        self.home = home
        self.body = body
        self.label = label
    }
}

/// The callee's side of a push: the result as it will be (or was) produced.
final class ResultState {
    enum State { case pending, resolved(RpcValue), rejected(RpcError) }
    var state: State = .pending
    var waiters: [CheckedContinuation<Void, Never>] = []
    /// Stubs the callee held and returned: released when the caller drops the result (§4.6).
    var returnedStubs: [StubState] = []
    /// A plain-object result's own disposer, run when the caller disposes the result (§4.7).
    var disposer: RpcFunction?
    let home: ContextState
    let call: CallID

    init(home: ContextState, call: CallID) {
        self.home = home
        self.call = call
    }
}

/// The caller's side of a push: a promise handle's state.
final class PromiseState {
    enum State { case pending, resolved(RpcValue), rejected(RpcError) }
    var state: State = .pending
    var waiters: [CheckedContinuation<Void, Never>] = []
    let call: CallID
    let side: SessionSide?
    let pushId: Int
    /// Stubs inside the result, disposed with it.
    var resultStubs: [StubState] = []
    var disposeWhenResolved = false
    init(call: CallID, side: SessionSide?, pushId: Int) {
        self.call = call
        self.side = side
        self.pushId = pushId
    }
}
