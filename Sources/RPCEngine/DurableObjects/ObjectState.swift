import Foundation

/// The runtime's record of one Durable Object instance: its long-lived context, its class
/// instance, its gates and the deliveries in flight. Isolated to the runtime actor.
///
/// An instance lives from its first call until it breaks (§8.5) or the runtime shuts its
/// objects down; its storage (`database`) outlives it and is shared by the next instance of the
/// same id.
final class ObjectState {
    let serial: Int
    let namespace: NamespaceState
    let id: DurableObjectId
    /// `do:<Class>/<name>`.
    let label: String
    let ctx: ContextState
    let database: ObjectDatabase
    /// The class instance bound to its members; nil for a class that does not extend
    /// `DurableObject` (§8.3), and after the instance ends (which breaks the cycle
    /// instance → state → receiver).
    var receiver: (any RpcReceiver)?
    var broken: RpcError?
    var evicted = false
    /// The sessions of the calls made to it (one per top-level call, §8.4).
    var sessions: [SessionState] = []

    // Input gate (§8.5).
    /// Storage reads being awaited: while any is, no call is delivered.
    var storageLocks = 0
    /// Active critical sections (`blockConcurrencyWhile`, `transaction`), innermost last.
    var sections: [CriticalSection] = []
    /// Deliveries (and resumptions) waiting at the gate, in arrival order.
    var gateQueue: [GateWaiter] = []
    /// Waiters resumed that have not yet looked at the gate again.
    var gateResumed = 0
    var nextGateSeq = 0

    /// Deliveries running in the object, rejected at once if it breaks.
    var inFlight: [Int: InFlightDelivery] = [:]
    var nextDelivery = 0

    // Output gate (§8.5).
    /// Results and outgoing calls waiting for the batch `batch` to be confirmed.
    var outputWaiters: [(batch: Int, continuation: CheckedContinuation<Void, Never>)] = []
    var flushScheduled = false
    /// Batches committed but not yet confirmed, with their write counts.
    var unconfirmed: [(batch: Int, writes: Int)] = []
    /// The last batch whose confirmation came back.
    var confirmedBatch = 0
    /// A commit postponed because a `transaction()` is open.
    var flushDeferred = false
    /// Open `transaction()` calls (savepoints).
    var transactionDepth = 0

    init(serial: Int, namespace: NamespaceState, id: DurableObjectId, label: String, ctx: ContextState, database: ObjectDatabase) {
        self.serial = serial
        self.namespace = namespace
        self.id = id
        self.label = label
        self.ctx = ctx
        self.database = database
    }

    var address: ObjectAddress { ObjectAddress(namespace: namespace.key, hex: id.hex) }

    /// Whether a delivery (or resumption) running inside `sections` may enter now.
    func canAdmit(_ callerSections: [Int]) -> Bool {
        guard storageLocks == 0 else { return false }
        guard let innermost = sections.last else { return true }
        return callerSections.contains(innermost.id)
    }

    /// Whether a caller is exempt from the critical section's queue (it descends from an RPC
    /// made inside the section, §8.5).
    func isExempt(_ callerSections: [Int]) -> Bool {
        guard let innermost = sections.last else { return false }
        return callerSections.contains(innermost.id)
    }

    func enqueue(_ waiter: GateWaiter) {
        let i = gateQueue.firstIndex { $0.seq > waiter.seq } ?? gateQueue.endIndex
        gateQueue.insert(waiter, at: i)
    }
}

/// A `blockConcurrencyWhile` or `transaction` in progress.
struct CriticalSection {
    let id: Int
    let label: String
}

struct GateWaiter {
    let seq: Int
    let sections: [Int]
    let continuation: CheckedContinuation<Void, Never>
}

/// How a delivery into an object ended.
enum DeliveryOutcome: Sendable {
    case value(RpcValue)
    /// The method (or lookup) threw.
    case threw(RpcError)
    /// The object broke while the delivery was in flight.
    case broken(RpcError)
}

struct InFlightDelivery {
    let continuation: CheckedContinuation<DeliveryOutcome, Never>
    var task: Task<Void, Never>?
}

/// The critical sections the running code descends from: set by `blockConcurrencyWhile` and
/// `transaction` around their callbacks, and inherited by every call, task and delivery that
/// follows from them, so that callbacks originating inside a section pass its gate (§8.5,
/// `doCallbackBlockingConcurrency`).
enum DurableObjectTaskLocals {
    @TaskLocal static var sections: [Int] = []
}

/// (namespace, id): one object, whichever instance of it is live.
struct ObjectAddress: Hashable {
    let namespace: DurableObjectNamespaceKey
    let hex: String
}

/// One namespace: a class of a worker's module, with its id factory.
final class NamespaceState {
    let key: DurableObjectNamespaceKey
    let export: WorkerModule.Export
    let ids: DurableObjectIdFactory

    init(key: DurableObjectNamespaceKey, export: WorkerModule.Export) {
        self.key = key
        self.export = export
        self.ids = DurableObjectIdFactory(key)
    }

    var script: String { key.script }
    var className: String { key.className }
}

/// What a Durable Object stub points at (`Hook.durableObject`). Isolated to the runtime actor.
final class DurableObjectHandle {
    let namespace: DurableObjectNamespaceKey
    let id: DurableObjectId
    /// The instance this stub's calls reached; once it is broken, so is the stub: its calls
    /// reject with the reason, and a new stub reaches a fresh instance (§8.5).
    var bound: ObjectState?
    /// Calls started through this stub (not awaited) whose delivery has not begun: an awaited
    /// call waits for them, so calls through one stub arrive in order (E-order, §8.2).
    var undelivered = 0
    var deliveryWaiters: [CheckedContinuation<Void, Never>] = []

    init(namespace: DurableObjectNamespaceKey, id: DurableObjectId) {
        self.namespace = namespace
        self.id = id
    }
}

/// Every Durable Object a runtime knows: namespaces from the configuration, live instances,
/// and the databases that outlive them. Isolated to the runtime actor.
final class DurableObjectRegistry {
    var namespaces: [DurableObjectNamespaceKey: NamespaceState] = [:]
    /// worker → binding name → namespace.
    var bindings: [String: [String: DurableObjectNamespaceKey]] = [:]
    var live: [ObjectAddress: ObjectState] = [:]
    var byContext: [ContextID: ObjectState] = [:]
    var databases: [ObjectAddress: ObjectDatabase] = [:]
    /// Names of ids this runtime derived from names (`stub.name`).
    var names: [ObjectAddress: String] = [:]
    let stateDirectory: URL?
    var lastSerial = 0
    var lastSection = 0

    init(stateDirectory: URL?) {
        self.stateDirectory = stateDirectory
    }
}
