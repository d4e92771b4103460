import RPCEngine

/// One `ctx.waitUntil` task, from `taskAdded` to `taskSettled`.
public struct TaskRecord: Sendable {
    /// The task's id.
    public let id: TaskID
    /// The context whose life it extends.
    public let ctx: ContextID
    /// The worker of that context.
    public let worker: String
    /// The label given to `waitUntil`.
    public let label: String
    /// The seq of `taskAdded`.
    public let addedSeq: Int
    /// The runtime clock then.
    public let addedTime: Int
    /// Set once settled.
    public internal(set) var outcome: TaskOutcome?
    /// The seq of `taskSettled`.
    public internal(set) var settledSeq: Int?
    /// The runtime clock then.
    public internal(set) var settledTime: Int?

    /// Whether it is still running.
    public var isRunning: Bool { outcome == nil }
}
