/// One thing that happened in a runtime. The event log is the single source of truth: the
/// inspector, transcripts and exporters learn everything from events.
public struct Event: Sendable {
    /// 1, 2, 3, ... per runtime.
    public let seq: Int
    /// The runtime clock, in milliseconds.
    public let time: Int
    public let payload: Payload

    public init(seq: Int, time: Int, payload: Payload) {
        self.seq = seq
        self.time = time
        self.payload = payload
    }

    /// What happened. Fields are added freely, never removed.
    public enum Payload: Sendable {
        /// A worker of the configuration, as the runtime starts (so that a log describes the
        /// world it happened in).
        case workerDeclared(WorkerDeclared)
        case contextBegan(ContextBegan)
        case contextEnded(ctx: ContextID, worker: String, reason: ContextEndReason)
        case callStarted(CallStarted)
        case callReturned(call: CallID, result: RpcValue, durationMs: Int)
        case callThrew(call: CallID, error: RpcError, durationMs: Int)
        case stubCreated(StubCreated)
        case stubDisposed(stub: StubID, reason: DisposeReason, by: String?)
        case targetDisposed(target: String, worker: String, afterStub: StubID?)
        case taskAdded(task: TaskID, ctx: ContextID, worker: String, label: String)
        case taskSettled(task: TaskID, ctx: ContextID, outcome: TaskOutcome)
        case message(session: SessionID, from: String, to: String, text: String)
        case log(ctx: ContextID?, worker: String?, level: LogLevel, text: String)
        case step(text: String, line: Int?)
        /// A Durable Object's life, gates, critical sections and storage (§8.5).
        indirect case durableObject(DurableObjectEvent)
    }

    /// The short name of the payload's kind (`callStarted`, ...).
    public var kind: String {
        switch payload {
        case .workerDeclared: "workerDeclared"
        case .contextBegan: "contextBegan"
        case .contextEnded: "contextEnded"
        case .callStarted: "callStarted"
        case .callReturned: "callReturned"
        case .callThrew: "callThrew"
        case .stubCreated: "stubCreated"
        case .stubDisposed: "stubDisposed"
        case .targetDisposed: "targetDisposed"
        case .taskAdded: "taskAdded"
        case .taskSettled: "taskSettled"
        case .message: "message"
        case .log: "log"
        case .step: "step"
        case .durableObject: "durableObject"
        }
    }
}

/// Why an execution context began.
public enum ContextKind: String, Sendable {
    case request, rpcSession = "rpc session", durableObject = "durable object"
}

/// Why an execution context ended.
public enum ContextEndReason: String, Sendable {
    /// Returned, and no waitUntil task was left.
    case returned
    /// Returned, then its waitUntil tasks finished.
    case drained
    /// Its caller ended first, or its waitUntil tasks ran out of time.
    case cancelled
    /// `ctx.abort()`.
    case aborted
}

/// Why a stub was disposed: the rule that did it.
public enum DisposeReason: String, Sendable {
    case explicit, usingScopeEnded, paramsAfterCall, contextEnded, sessionEnded, resultDisposed, transferred
}

/// How a waitUntil task ended.
public enum TaskOutcome: Sendable, Equatable {
    case resolved
    case rejected(RpcError)
    case cancelled
}

public enum LogLevel: String, Sendable {
    case info, warn, error
}

/// `workerDeclared`'s fields.
public struct WorkerDeclared: Sendable {
    /// A service binding: `env.<binding>` calls `<service>` (its `entrypoint`, or default export).
    public struct Binding: Sendable, Equatable {
        public let binding: String
        public let service: String
        public let entrypoint: String?
    }
    /// An export of the worker's module.
    public struct Export: Sendable, Equatable {
        public let name: String
        public let kind: WorkerModule.ExportKind
        public let isDefault: Bool
        public let members: [MemberDescription]
    }
    public let name: String
    public let module: String?
    public let isPrimary: Bool
    public let bindings: [Binding]
    public let vars: RpcObject
    public let exports: [Export]
    /// `durable_objects.bindings`: `env.<name>` is the namespace of `className`, exported by
    /// the module of `script` (the declaring worker when the binding names none).
    public struct DurableObjectBinding: Sendable, Equatable {
        public let name: String
        public let className: String
        public let script: String
    }
    public let durableObjects: [DurableObjectBinding]
}

/// `contextBegan`'s fields.
public struct ContextBegan: Sendable {
    public let ctx: ContextID
    public let worker: String
    public let entrypoint: String?
    public let kind: ContextKind
    /// The call that opened this context (for RPC sessions).
    public let openedBy: CallID?
}

/// `callStarted`'s fields: a push (or a property get when `arguments` is nil).
public struct CallStarted: Sendable {
    public let call: CallID
    public let parent: CallID?
    public let callerCtx: ContextID
    public let callerWorker: String
    public let calleeWorker: String
    /// The binding name or stub id the call went through (`WORKER_B`, `stub4`).
    public let target: String
    public let path: [String]
    /// nil for a property read.
    public let arguments: [RpcValue]?
    /// The call whose promised result this call is pipelined on.
    public let pipelinedOn: CallID?
    public let session: SessionID?
}

/// `stubCreated`'s fields.
public struct StubCreated: Sendable {
    public let stub: StubID
    public let kind: StubKind
    public let holderCtx: ContextID
    public let holderWorker: String
    /// What it points at: `counter-service ƒ anonymous`, `Counter`, ...
    public let target: String
    public let targetWorker: String
    public let createdBy: CallID?
    public let dupOf: StubID?
}
