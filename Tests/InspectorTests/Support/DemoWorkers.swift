import RPCEngine

/// Small workers that produce every kind of event the inspector shows: closures returned as
/// function stubs, an `RpcTarget` with a dispose callback, a callback into the caller, a
/// `waitUntil` task, a thrown error and a pipelined call.

/// An `RpcTarget` counter (its dispose callback logs, so `targetDisposed` appears).
final class Counter: RpcTarget, RpcInterface {
    var value: Int
    init(_ start: Int) { value = start }
    func increment(_ n: Int) -> Int {
        value += n
        return value
    }
    static let rpc = Members<Counter> {
        $0.method("increment", Counter.increment)
        $0.getter("value") { $0.value }
    }
}

/// The service the demo client calls.
final class DemoService: WorkerEntrypoint, RpcInterface {
    func add(_ a: Int, _ b: Int) -> Int { a + b }
    /// Returns a closure over a running total (a function stub for the caller).
    func newCounter() -> RpcFunction {
        var total = 0
        return RpcFunction { (n: Int) -> Int in
            total += n
            return total
        }
    }
    func makeCounter(_ start: Int) -> Counter { Counter(start) }
    /// Calls back into the caller: the callback's call nests under this one.
    func callBack(_ fn: Stub, _ x: Int) async throws -> RpcValue { try await fn(.number(Double(x))) }
    func signup(_ email: String) -> String {
        ctx.waitUntil("sendEvent") { [ctx] in
            try await ctx.sleep(ms: 30)
            ctx.log("sent \(email)")
        }
        return "Success"
    }
    func fail(_ message: String) throws -> Int { throw RpcError.rangeError(message) }
    func slow(_ ms: Int) async throws -> Int {
        try await ctx.sleep(ms: ms)
        return ms
    }
    static let rpc = Members<DemoService> {
        $0.method("add", DemoService.add)
        $0.method("newCounter", DemoService.newCounter)
        $0.method("makeCounter", DemoService.makeCounter)
        $0.method("callBack", DemoService.callBack)
        $0.method("signup", DemoService.signup)
        $0.method("fail", DemoService.fail)
        $0.method("slow", DemoService.slow)
    }
}

let demoModules = [
    WorkerModule("demo-service") {
        $0.entrypoint(DemoService.self, isDefault: true)
        $0.rpcTarget(Counter.self, as: "Counter")
    }
]

/// `client` (primary, no module) binding `SVC` to `service`.
func makeDemoRuntime() throws -> Runtime {
    try Runtime(
        configuration: RuntimeConfiguration(workers: [
            WorkerConfig(name: "client", services: [ServiceBindingConfig(binding: "SVC", service: "service")]),
            WorkerConfig(name: "service", main: "demo-service", vars: RpcObject([("MODE", "demo")])),
        ]),
        modules: demoModules)
}
