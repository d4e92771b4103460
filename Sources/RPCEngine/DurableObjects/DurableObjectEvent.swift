/// What happened to a Durable Object (`Event.Payload.durableObject`): its life, its input and
/// output gates, its critical sections and its storage, so that the inspector can draw why a
/// call waited and when a write became durable (§8.5).
public struct DurableObjectEvent: Sendable {
    /// The sub-kind, with its own fields.
    public enum Kind: Sendable {
        /// The instance was constructed (lazily, by its first call) in the long-lived context
        /// `ctx` of kind `durable object`.
        case created
        /// The input gate closed: `reason` is the storage operation being awaited
        /// (`storage get`, `storage list`).
        case inputGateClosed(reason: String)
        /// The input gate opened again; held deliveries are admitted in arrival order.
        case inputGateOpened
        /// A call arrived while the gate (or a critical section) was closed and waits.
        case callHeld(call: CallID)
        /// A held call was delivered.
        case callAdmitted(call: CallID)
        /// The output gate holds a message until the unconfirmed writes are durable: the result
        /// of `call` (`outgoing` false) or an outgoing call the object made (`outgoing` true).
        case outputGateHeld(call: CallID, writes: Int, outgoing: Bool)
        /// A batch of writes (everything written between two awaits) was committed: held
        /// results and outgoing calls go on.
        case writesConfirmed(batch: Int, writes: Int)
        /// A batch that was never confirmed was discarded, because the object broke.
        case writesRolledBack(writes: Int)
        /// A critical section began: `label` is `blockConcurrencyWhile` or `transaction`.
        case blockConcurrencyBegan(section: Int, label: String)
        /// It ended; `error` is set when its callback threw (which breaks the object for
        /// `blockConcurrencyWhile`, and only rolls back for `transaction`).
        case blockConcurrencyEnded(section: Int, label: String, error: RpcError?)
        /// The object broke (`ctx.abort()`, a failed `blockConcurrencyWhile`, a failed commit):
        /// calls in flight and later calls through its stubs reject with `reason`.
        case broken(reason: RpcError)
        /// A storage operation, with a one-line description of its arguments and result
        /// (`"count" → 3`, `"count" = 4`, `{prefix: "a"} → 2 keys`, `"SELECT 1" → 1 row`).
        case storage(op: StorageOperation, detail: String)
        /// The instance was shut down (`Runtime.shutDownDurableObjects()`); its storage stays.
        case evicted
    }

    /// The storage operations.
    public enum StorageOperation: String, Sendable {
        case get, put, delete, list, deleteAll, transaction, rollback, sql
    }

    /// `do:<ClassName>/<name>` (or the first 12 hex digits of an id that has no name).
    public let object: String
    /// The class and the worker whose module exports it.
    public let className: String
    public let worker: String
    /// The id's 64 hex digits.
    public let id: String
    /// The name the id was derived from, if known.
    public let name: String?
    /// The object's long-lived execution context.
    public let ctx: ContextID
    public let kind: Kind

    public init(object: String, className: String, worker: String, id: String, name: String?, ctx: ContextID, kind: Kind) {
        self.object = object
        self.className = className
        self.worker = worker
        self.id = id
        self.name = name
        self.ctx = ctx
        self.kind = kind
    }

    /// The one-line text of the event after its kind (`Event.text`).
    public var details: String {
        var s = object + " "
        switch kind {
        case .created: s += "created \(ctx) worker=\(worker) class=\(className) id=\(id)"
        case .inputGateClosed(let reason): s += "input gate closed (\(reason))"
        case .inputGateOpened: s += "input gate opened"
        case .callHeld(let call): s += "\(call) held at the input gate"
        case .callAdmitted(let call): s += "\(call) admitted"
        case .outputGateHeld(let call, let writes, let outgoing):
            s += "output gate holds \(outgoing ? "outgoing" : "result of") \(call) until \(writes) write\(writes == 1 ? "" : "s") \(writes == 1 ? "is" : "are") confirmed"
        case .writesConfirmed(let batch, let writes): s += "writes confirmed batch=\(batch) writes=\(writes)"
        case .writesRolledBack(let writes): s += "unconfirmed writes rolled back writes=\(writes)"
        case .blockConcurrencyBegan(let section, let label): s += "\(label) began section=\(section)"
        case .blockConcurrencyEnded(let section, let label, let error):
            s += "\(label) ended section=\(section)" + (error.map { " ✗ \($0.name): \($0.message)" } ?? "")
        case .broken(let reason): s += "broken \(reason.name): \(reason.message)"
        case .storage(let op, let detail): s += "storage \(op.rawValue) \(detail)"
        case .evicted: s += "evicted \(ctx)"
        }
        return s
    }
}
