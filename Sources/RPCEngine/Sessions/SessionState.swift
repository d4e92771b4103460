/// A connection between two execution contexts, with an import and an export table on each side
/// (Cap'n Web's model, §9.4–9.7). Isolated to the runtime actor.
///
/// The session holds both sides until it ends; each side holds the session. Ending the session
/// drops the session's hold, which breaks the cycle.
final class SessionState {
    let id: SessionID
    var caller: SessionSide?
    var callee: SessionSide?
    var ended = false
    /// The call that opened the session (a binding call).
    let openedBy: CallID

    init(id: SessionID, openedBy: CallID) {
        self.id = id
        self.openedBy = openedBy
    }
}

/// One side of a session: its context and its tables.
final class SessionSide {
    let session: SessionState
    let ctx: ContextState
    let isCaller: Bool
    weak var peer: SessionSide?
    var imports: [Int: ImportEntry] = [:]
    var exports: [Int: ExportEntry] = [:]
    var nextPush = 1
    var nextExport = -1
    /// Pushes started without being awaited whose delivery has not begun yet; an awaited call
    /// waits for them, so calls through one stub are delivered in the order made (§5.7).
    var undelivered = 0
    var deliveryWaiters: [CheckedContinuation<Void, Never>] = []

    init(session: SessionState, ctx: ContextState, isCaller: Bool) {
        self.session = session
        self.ctx = ctx
        self.isCaller = isCaller
    }
}

/// An import: how many local handles use it, and how many times the peer introduced it.
struct ImportEntry {
    var localRefs: Int
    var remoteRefs: Int
}

/// An export: what the peer reaches through this id.
final class ExportEntry {
    enum Body {
        /// A target living in this side's context.
        case target(TargetState)
        /// A stub this side holds (forwarding, §6.2): the export owns one reference to it.
        case forward(Hook)
        /// The result of a push.
        case result(ResultState)
    }
    let body: Body
    var refcount: Int
    init(_ body: Body, refcount: Int = 1) {
        self.body = body
        self.refcount = refcount
    }
}
