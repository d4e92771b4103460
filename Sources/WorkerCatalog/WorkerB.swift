import RPCEngine

/// `workerB` — mirrors the seed's first example (`seed/service-bindings-rpc.md`, "Example"):
/// Worker A binds `WORKER_B` and calls `await env.WORKER_B.add(1, 2)` → `3`.
///
/// ```js
/// export class WorkerB extends WorkerEntrypoint {
///   async add(a, b) { return a + b; }
/// }
/// ```
enum WorkerBModule {
    /// `WorkerB`, also the default export: a new instance serves every top-level call (§1.3).
    final class WorkerB: WorkerEntrypoint, RpcInterface {
        /// `a + b`. JavaScript numbers are doubles, so `add(0.5, 2)` is `2.5`; integers stay exact.
        func add(_ a: Double, _ b: Double) -> Double { a + b }

        static let rpc = Members<WorkerB> { $0.method("add", params: "a, b", WorkerB.add) }
    }

    static let module = WorkerModule("workerB") { $0.entrypoint(WorkerB.self, isDefault: true) }
}
