import RPCEngine

extension ToolkitModule {
    /// `Counter`, the toolkit's named export: an `RpcTarget`, so it travels by reference and
    /// every call runs here, on this instance (§3.1, §4.4).
    ///
    /// Ids are deterministic: counters are numbered in the order a runtime makes them, from 1
    /// (`Counter#1` is the first `Counter` that runtime made), whichever member made it.
    final class Counter: RpcTarget, RpcInterface {
        let id: Int
        private(set) var value: Int

        private init(id: Int, start: Int) {
            self.id = id
            self.value = start
        }

        /// A new counter with the runtime's next id.
        static func make(start: Int, in ctx: ExecutionContext) -> Counter {
            let state = ToolkitModule.state(ctx)
            state.countersMade += 1
            return Counter(id: state.countersMade, start: start)
        }

        /// `increment(n = 1)` → the new value.
        func increment(_ n: Int?) -> Int {
            value += n ?? 1
            return value
        }

        /// `[Symbol.dispose]`: runs once the last stub of one sending of this counter is gone,
        /// asynchronously, in the context that made it (§4.9).
        override func dispose() async throws {
            Console.log("Counter#\(id) disposed")
        }

        static let rpc = Members<Counter> {
            $0.method("increment", params: "n = 1", Counter.increment)
            $0.getter("value") { $0.value }
        }
    }
}
