import RPCEngine

/// An execution context, from its `contextBegan` to its `contextEnded`, with what it owns.
public struct ContextRecord: Sendable {
    /// How a context ended.
    public struct End: Sendable, Equatable {
        /// The reason from `contextEnded`.
        public let reason: ContextEndReason
        /// The seq of the `contextEnded` event.
        public let seq: Int
        /// The runtime clock then, in ms.
        public let time: Int
    }

    /// The `contextBegan` fields.
    public let began: ContextBegan
    /// The seq of the `contextBegan` event.
    public let beganSeq: Int
    /// The runtime clock when it began, in ms.
    public let beganTime: Int
    /// Set when the context ended.
    public internal(set) var end: End?
    /// Stubs held by this context (their `holderCtx`), in creation order.
    public internal(set) var heldStubs: [StubID] = []
    /// Stubs whose target lives in this context (as far as the events tell), in creation order.
    public internal(set) var hostedStubs: [StubID] = []
    /// `waitUntil` tasks of this context.
    public internal(set) var tasks: [TaskID] = []
    /// Calls made from this context (their `callerCtx`).
    public internal(set) var callsMade: [CallID] = []
    /// Calls made from this context that have not settled.
    public internal(set) var pendingCalls = 0
    /// Seqs of the `log` events of this context.
    public internal(set) var logSeqs: [Int] = []

    /// The context's id.
    public var id: ContextID { began.ctx }
    /// The worker it runs in.
    public var worker: String { began.worker }
    /// Whether it has not ended.
    public var isLive: Bool { end == nil }
}
