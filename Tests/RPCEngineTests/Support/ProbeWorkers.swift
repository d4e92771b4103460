import Testing
import RPCEngine

/// Workers that exercise the rules of the semantics, one member per rule.

/// `Counter` (an RpcTarget): the semantics' running example of a class-like target.
final class ProbeCounter: RpcTarget, RpcInterface {
    var value: Int
    let label: Int
    init(_ start: Int) {
        value = start
        label = start
    }
    func increment(_ n: Int?) -> Int {
        value += n ?? 1
        return value
    }
    override func dispose() async throws {
        Console.log("Counter#\(label) disposed")
    }
    static let rpc = Members<ProbeCounter> {
        $0.method("increment", ProbeCounter.increment)
        $0.getter("value") { $0.value }
    }
}

/// A class that is not an RpcTarget.
final class NonRpcClass {}

final class Probe: WorkerEntrypoint, RpcInterface {
    /// A stored property: never reachable (§2.5).
    var secret = "hidden"
    /// An unregistered method: never reachable.
    func audit() -> String { secret }

    func add(_ a: Int, _ b: Int) -> Int { a + b }
    func echo(_ v: RpcValue) -> RpcValue { v }
    func greet(_ name: String) -> String { env.vars.GREETING.stringValue.map { $0 + name } ?? "?" + name }
    func props() -> RpcValue { ctx.props }
    func fail(_ name: String, _ message: String) throws -> Int {
        throw RpcError(name: name, message: message, properties: ["code": 42])
    }
    func makeCounter(_ start: Int) -> ProbeCounter { ProbeCounter(start) }
    /// The same target twice in one result: two stubs, two disposals (§4.5, §9.9).
    func sameTwice(_ start: Int) -> [ProbeCounter] {
        let counter = ProbeCounter(start)
        return [counter, counter]
    }
    func call(_ fn: Stub, _ x: RpcValue) async throws -> RpcValue { try await fn(x) }
    func incrementVia(_ counter: Stub) async throws -> RpcValue { try await counter.increment(1) }
    /// Returns a function that later calls the parameter stub (which the call's end disposed).
    func stash(_ stub: Stub) -> RpcFunction {
        RpcFunction { () async throws -> RpcValue in try await stub(1) }
    }
    /// Returns a function that later calls a dup of the parameter stub (kept alive).
    func stashDup(_ stub: Stub) throws -> RpcFunction {
        let kept = try stub.dup()
        return RpcFunction { () async throws -> RpcValue in try await kept(1) }
    }
    func keepAndReturn(_ stub: Stub) throws -> RpcValue { .object(["stub": .stub(try stub.dup())]) }
    func slow(_ ms: Int) async throws -> Int {
        try await ctx.sleep(ms: ms)
        return ms
    }
    func never() async throws -> Int { try await ctx.hang() }
    func plain() -> RpcValue { .opaque(typeName: String(describing: type(of: NonRpcClass()))) }
    func nested() -> RpcValue { ["user": ["name": "ada", "session": .opaque(typeName: "Session")]] }
    func big(_ n: Int) -> String { String(repeating: "x", count: n) }
    func signup(_ email: String) -> String {
        ctx.waitUntil("sendEvent") { [ctx] in
            try await ctx.sleep(ms: 50)
            ctx.log("event signup \(email)")
        }
        return "Success"
    }
    func failLater() -> String {
        ctx.waitUntil("failing") { throw RpcError.rangeError("late failure") }
        return "ok"
    }
    func lingers() -> String {
        ctx.waitUntil("forever") { [ctx] in try await ctx.sleep(ms: 100_000) }
        return "ok"
    }
    func abortWith(_ message: String) throws -> Int { try ctx.abort(.rangeError(message)) }
    func session() -> RpcValue {
        let ctx = self.ctx
        return [
            "counter": .target(RpcTargetRef(ProbeCounter(0))),
            "abort": .function(RpcFunction { (message: String) throws -> Int in try ctx.abort(.rangeError(message)) }),
        ]
    }
    func withDisposer() -> RpcValue {
        var object = RpcObject([("ping", .function(RpcFunction { () -> String in "pong" }))])
        let ctx = self.ctx
        object.disposer = RpcFunction { () -> Int in
            ctx.log("result disposed")
            return 0
        }
        return .object(object)
    }
    func forwardTo(_ stub: Stub, _ x: Int) async throws -> RpcValue {
        try await env.THIRD.callIt(.stub(stub), .number(Double(x)))
    }

    static let rpc = Members<Probe> {
        $0.method("add", Probe.add)
        $0.method("echo", Probe.echo)
        $0.method("greet", Probe.greet)
        $0.method("props", Probe.props)
        $0.method("fail", Probe.fail)
        $0.method("makeCounter", Probe.makeCounter)
        $0.method("sameTwice", Probe.sameTwice)
        $0.method("call", Probe.call)
        $0.method("incrementVia", Probe.incrementVia)
        $0.method("stash", Probe.stash)
        $0.method("stashDup", Probe.stashDup)
        $0.method("keepAndReturn", Probe.keepAndReturn)
        $0.method("slow", Probe.slow)
        $0.method("never", Probe.never)
        $0.method("plain", Probe.plain)
        $0.method("nested", Probe.nested)
        $0.method("big", Probe.big)
        $0.method("signup", Probe.signup)
        $0.method("failLater", Probe.failLater)
        $0.method("lingers", Probe.lingers)
        $0.method("abortWith", Probe.abortWith)
        $0.method("session", Probe.session)
        $0.method("withDisposer", Probe.withDisposer)
        $0.method("forwardTo", Probe.forwardTo)
        $0.method("fetch", Probe.add)
        $0.getter("answer") { _ in 42 }
        $0.getter("info") { _ -> RpcValue in ["version": 1, "tags": ["a", "b"]] }
        $0.getter("broken") { _ -> Int in throw RpcError.error("PROPERTY THREW") }
        $0.getter("functionProperty") { _ in RpcFunction { (a: Int, b: Int) in a - b } }
        $0.getter("objectProperty") { _ -> RpcValue in
            [
                "func": .function(RpcFunction { (a: Int, b: Int) in a * b }),
                "deeper": ["deepFunc": .function(RpcFunction { (a: Int, b: Int) in a / b })],
                "counter5": .target(RpcTargetRef(ProbeCounter(5))),
                "nonFunction": 1,
                "nonRpc": .opaque(typeName: "NonRpcClass"),
            ]
        }
    }
}

/// A third worker that calls a stub it is given (forwarding, §6.2).
final class Third: WorkerEntrypoint, RpcInterface {
    func callIt(_ fn: Stub, _ x: Int) async throws -> RpcValue { try await fn(.number(Double(x))) }
    static let rpc = Members<Third> { $0.method("callIt", Third.callIt) }
}

let probeModules = [
    WorkerModule("probe") {
        $0.entrypoint(Probe.self, isDefault: true)
        $0.rpcTarget(ProbeCounter.self, as: "Counter")
    },
    WorkerModule("third") { $0.entrypoint(Third.self, isDefault: true) },
]

/// A runtime with `client` (primary) → `probe` → `third`.
func makeProbeRuntime(date: String? = nil, flags: [String] = [], seed: UInt64 = 0) throws -> Runtime {
    try Runtime(
        configuration: RuntimeConfiguration(
            workers: [
                WorkerConfig(name: "client", services: [
                    ServiceBindingConfig(binding: "PROBE", service: "probe"),
                    ServiceBindingConfig(binding: "PROBE_PROPS", service: "probe", props: ["greeting": "Yo"]),
                    ServiceBindingConfig(binding: "THIRD", service: "third"),
                ]),
                WorkerConfig(name: "probe", main: "probe", services: [ServiceBindingConfig(binding: "THIRD", service: "third")],
                             vars: RpcObject([("GREETING", "Hello, ")])),
                WorkerConfig(name: "third", main: "third"),
            ],
            compatibilityDate: date, compatibilityFlags: flags, seed: seed),
        modules: probeModules)
}

/// The shared leak check: nothing may be left alive once a program has run.
func expectNoLeaks(_ runtime: Runtime, sourceLocation: SourceLocation = #_sourceLocation) {
    let stats = runtime.query { $0.stats }
    #expect(stats == Runtime.Stats(liveStubs: 0, pendingCalls: 0, pendingTasks: 0, liveContexts: 0, pendingDisposers: 0),
            sourceLocation: sourceLocation)
}

/// The error `body` throws, as an `RpcError`.
func rpcError<T>(_ body: () throws -> T) -> RpcError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? RpcError
    }
}

/// The text lines of the log events.
func logLines(_ runtime: Runtime) -> [String] {
    runtime.log.events().compactMap { event in
        if case .log(_, _, _, let text) = event.payload { return text }
        return nil
    }
}
