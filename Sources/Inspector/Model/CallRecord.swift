import RPCEngine

/// One call (a push, or a property get), from `callStarted` to `callReturned` / `callThrew`,
/// with the links the inspector draws: nested calls, pipelined calls, the context it opened, the
/// stubs it created and disposed.
public struct CallRecord: Sendable {
    /// Where a call stands.
    public enum Status: Sendable {
        /// Sent and not settled.
        case pending
        /// Resolved with this value.
        case returned(RpcValue)
        /// Rejected with this error (as the caller received it).
        case threw(RpcError)
    }

    /// The `callStarted` fields.
    public let started: CallStarted
    /// The seq of `callStarted`.
    public let startSeq: Int
    /// The runtime clock at the start, in ms.
    public let startTime: Int
    /// Pending, returned or threw.
    public internal(set) var status: Status = .pending
    /// The virtual duration the engine reported when it settled.
    public internal(set) var durationMs: Int?
    /// The seq of the settling event.
    public internal(set) var endSeq: Int?
    /// The runtime clock when it settled.
    public internal(set) var endTime: Int?
    /// Calls whose `parent` is this call (callbacks and nested calls that ran during it).
    public internal(set) var children: [CallID] = []
    /// Calls pipelined on this call's promised result.
    public internal(set) var pipelined: [CallID] = []
    /// The execution context this call opened in the callee (`contextBegan` with `openedBy`).
    public internal(set) var openedContext: ContextID?
    /// The context that ran the call: the opened one, or the context hosting the stub it went
    /// through (derived; nil when the events do not tell).
    public internal(set) var calleeContext: ContextID?
    /// The top-level call this call nests under (itself for a top-level call).
    public internal(set) var root: CallID
    /// How deep it nests under its root (0 for a top-level call).
    public internal(set) var depth = 0
    /// How many calls nest under it, at any depth.
    public internal(set) var descendants = 0
    /// Stubs created by this call (`stubCreated` with `createdBy`).
    public internal(set) var stubsCreated: [StubID] = []
    /// Stubs disposed by this call (`stubDisposed` with `by` naming it).
    public internal(set) var stubsDisposed: [StubID] = []

    /// The call's id.
    public var id: CallID { started.call }

    init(started: CallStarted, startSeq: Int, startTime: Int) {
        self.started = started
        self.startSeq = startSeq
        self.startTime = startTime
        self.root = started.call
    }
    /// Whether it has not settled.
    public var isPending: Bool { if case .pending = status { true } else { false } }
    /// Whether it rejected.
    public var didThrow: Bool { if case .threw = status { true } else { false } }
    /// Whether it is a property read rather than a method call.
    public var isGet: Bool { started.arguments == nil }

    /// The duration at `time`: the reported one once settled, the time spent so far otherwise.
    public func duration(at time: Int) -> Int { durationMs ?? max(0, time - startTime) }

    /// `SVC.add(1, 2)`, `stub4(2)`, `stub2.value` (a get): what the call went through.
    public func expression(argumentLimit: Int = 40) -> String {
        var text = started.target
        if !started.path.isEmpty { text += "." + started.path.joined(separator: ".") }
        if let args = started.arguments {
            text += "(" + args.map { $0.summary(limit: argumentLimit) }.joined(separator: ", ") + ")"
        }
        return text
    }
}
