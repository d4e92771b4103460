/// The base class of a worker's RPC entrypoints (`class WorkerB extends WorkerEntrypoint`).
///
/// The runtime creates a new instance for every top-level call on a service binding (§1.3): an
/// instance lives for one invocation, so keep state in Durable Objects, or at module scope where
/// Workers allows it. `env` and `ctx` are properties, never reachable over RPC (§2.5).
///
/// Subclasses are `final` and adopt `RpcInterface` to list their members. Instances are not
/// `Sendable`: the runtime creates and calls them only on its loop.
open class WorkerEntrypoint {
    /// The worker's bindings and variables.
    public let env: Env
    /// The invocation's execution context (`waitUntil`, `props`, `abort`, ...).
    public let ctx: ExecutionContext

    public required init(ctx: ExecutionContext, env: Env) {
        self.ctx = ctx
        self.env = env
    }
}
