import RPCEngine

/// The workers the Switchboard benchmarks call. `client` (the primary worker, whose code is the
/// benchmark body) binds `CALC` to `calc`.

/// A counter handed out by reference (an `RpcTarget`).
public final class BenchCounter: RpcTarget, RpcInterface {
    var value: Int
    init(_ start: Int) { value = start }
    func increment(_ n: Int) -> Int {
        value += n
        return value
    }
    public static let rpc = Members<BenchCounter> { $0.method("increment", BenchCounter.increment) }
}

/// Makes counters inside one session, so that every counter is a distinct export of that
/// session (the scaling benchmarks hold millions of them).
public final class CounterFactory: RpcTarget, RpcInterface {
    func make() -> BenchCounter { BenchCounter(0) }
    public static let rpc = Members<CounterFactory> { $0.method("make", CounterFactory.make) }
}

public final class Calc: WorkerEntrypoint, RpcInterface {
    func add(_ a: Int, _ b: Int) -> Int { a + b }
    /// Calls the function it is given once: a callback round trip into the caller.
    func callBack(_ fn: Stub, _ x: Int) async throws -> Int {
        let r: Int = try await fn(.number(Double(x)))
        return r
    }
    func makeCounter(_ start: Int) -> BenchCounter { BenchCounter(start) }
    func factory() -> CounterFactory { CounterFactory() }
    /// A closure returned by reference: the caller gets a function stub.
    func newCounter() -> RpcFunction {
        var value = 0
        return RpcFunction(name: "counter") { (n: Int) in
            value += n
            return value
        }
    }

    /// Answers at once and keeps working after returning (`ctx.waitUntil` with a virtual sleep).
    func signup(_ email: String) -> String {
        ctx.waitUntil("sendEvent") { [ctx] in
            try await ctx.sleep(ms: 50)
            ctx.log("event signup \(email)")
        }
        return "Success"
    }

    public static let rpc = Members<Calc> {
        $0.method("add", Calc.add)
        $0.method("signup", Calc.signup)
        $0.method("callBack", Calc.callBack)
        $0.method("makeCounter", Calc.makeCounter)
        $0.method("factory", Calc.factory)
        $0.method("newCounter", Calc.newCounter)
    }
}

public let benchModules = [WorkerModule("calc") { $0.entrypoint(Calc.self, isDefault: true) }]

/// `client` (primary, no module: the benchmark plays its code) → `CALC` → `calc`.
public func makeRuntime(log: Bool = true) -> Runtime {
    let runtime = try! Runtime(
        configuration: RuntimeConfiguration(workers: [
            WorkerConfig(name: "client", services: [ServiceBindingConfig(binding: "CALC", service: "calc")]),
            WorkerConfig(name: "calc", main: "calc"),
        ]),
        modules: benchModules)
    runtime.log.isEnabled = log
    return runtime
}
