import RPCEngine

/// The one thing every pane agrees is selected; the Inspector pane shows its details.
///
/// It is also the identity of a row in any pane, so a selection survives rows being added,
/// filtered or re-ordered.
public enum Selection: Hashable, Sendable {
    /// A worker.
    case worker(String)
    /// One of a worker's service bindings (`env.NAME`).
    case binding(worker: String, binding: String)
    /// A worker's vars.
    case vars(worker: String)
    /// One export of a worker's module.
    case export(worker: String, export: String)
    /// A member of an export.
    case method(worker: String, export: String, member: String)
    /// An execution context.
    case context(ContextID)
    /// A call.
    case call(CallID)
    /// A stub.
    case stub(StubID)
    /// A waitUntil task.
    case task(TaskID)
    /// An event of the log, by seq.
    case event(Int)
}
