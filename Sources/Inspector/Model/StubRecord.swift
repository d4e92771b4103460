import RPCEngine

/// One stub, from `stubCreated` to `stubDisposed`, with its lineage and what broke it.
public struct StubRecord: Sendable {
    /// How the stub was disposed: the rule from `stubDisposed` and when.
    public struct Disposal: Sendable, Equatable {
        /// The rule that disposed it.
        public let reason: DisposeReason
        /// The call, statement or context named by the event's `by`.
        public let by: String?
        /// The seq of `stubDisposed`.
        public let seq: Int
        /// The runtime clock then.
        public let time: Int
    }

    /// Why a live stub can no longer be used (derived from other events; see ``InspectorModel``).
    public enum Breakage: Sendable, Equatable {
        /// The call whose result the promise stands for rejected (§5.3).
        case callThrew(CallID, seq: Int)
        /// The context hosting the stub's target ended while the stub was live (§6.3, §6.5).
        case hostEnded(ContextID, ContextEndReason, seq: Int)
    }

    /// The three states the Stubs pane shows.
    public enum State: String, Sendable, Equatable {
        case live, disposed, broken
    }

    /// The `stubCreated` fields.
    public let created: StubCreated
    /// The seq of `stubCreated`.
    public let createdSeq: Int
    /// The runtime clock then.
    public let createdTime: Int
    /// The context where the stub's target lives, derived when the stub was created: the callee
    /// context of the creating call for results, the caller's for parameters, the original's for
    /// dups. nil when the events do not tell.
    public internal(set) var hostContext: ContextID?
    /// Stubs created by `dup()` of this one.
    public internal(set) var dups: [StubID] = []
    /// Set once disposed.
    public internal(set) var disposal: Disposal?
    /// Set when it broke while live.
    public internal(set) var breakage: Breakage?
    /// The seq of a `targetDisposed` event naming this stub as `afterStub`.
    public internal(set) var targetDisposedSeq: Int?

    /// The stub's id.
    public var id: StubID { created.stub }
    /// Live, disposed or broken. Disposal wins: a broken stub that is later disposed shows as
    /// disposed (its breakage stays in ``breakage``).
    public var state: State {
        if disposal != nil { return .disposed }
        return breakage == nil ? .live : .broken
    }
    /// Whether it has not been disposed (broken stubs still hold their slot until disposed).
    public var isLive: Bool { disposal == nil }
}
