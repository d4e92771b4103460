import RPCEngine

/// `counterService` — mirrors the seed's "Return functions from RPC methods"
/// (`seed/service-bindings-rpc.md`): `newCounter()` returns a closure, which travels by
/// reference (semantics §3.1): the caller gets a stub, and every call runs here, on the state
/// the closure captured. `f(2)` → 2, `f(1)` → 3, `f(-5)` → -2.
///
/// ```js
/// async newCounter() {
///   let value = 0;
///   return (increment = 0) => { value += increment; return value; }
/// }
/// ```
enum CounterServiceModule {
    /// `CounterService` (default export).
    final class CounterService: WorkerEntrypoint, RpcInterface {
        /// A new counter function `(increment = 0) => value`; `value` lives in the callee.
        func newCounter() -> RpcFunction {
            var value = 0
            return RpcFunction(name: "counter") { (increment: Int?) in
                value += increment ?? 0
                return value
            }
        }

        static let rpc = Members<CounterService> {
            $0.method("newCounter", params: "", CounterService.newCounter)
        }
    }

    static let module = WorkerModule("counterService") { $0.entrypoint(CounterService.self, isDefault: true) }
}
