import RPCEngine

/// `remoteObjects` — mirrors the seed's "Remote objects" (`seed/service-bindings-rpc.md`):
/// `foo()` returns a plain object, copied by value, whose function field `bar` travels as a
/// stub (semantics §3.1, "Plain objects" map to `RpcValue.object`).
///
/// ```js
/// async foo() { return { bar: () => Math.random() } }
/// ```
///
/// `Math.random()` is the runtime's seeded source (`ctx.random()`), so a run replays the same
/// numbers for the same `seed`.
enum RemoteObjectsModule {
    /// `WorkerB` (default export) — the seed reuses the name; in Swift the class is namespaced.
    final class WorkerB: WorkerEntrypoint, RpcInterface {
        /// `{ bar: () => Math.random() }`.
        func foo() -> RpcValue {
            let ctx = self.ctx
            return ["bar": .function(RpcFunction(name: "bar") { () -> Double in ctx.random() })]
        }

        static let rpc = Members<WorkerB> { $0.method("foo", params: "", WorkerB.foo) }
    }

    static let module = WorkerModule("remoteObjects") { $0.entrypoint(WorkerB.self, isDefault: true) }
}
