import RPCEngine

/// `counterObject` — the Durable Object example (catalog.md): export `CounterObject`, a class
/// that `durable_objects.bindings = [{ name = "COUNTER", class_name = "CounterObject" }]` names.
///
/// One instance lives per object id (`env.COUNTER.getByName("alpha")`), created by its first
/// call and kept between calls and requests (§8.5). The count is in the object's storage, so it
/// survives the instance (a break, a shutdown, a new runtime on the same `--state` directory);
/// `calls` is an in-memory field, so it starts again at 0 in every new instance.
enum CounterObjectModule {
    static let module = WorkerModule("counterObject") {
        $0.durableObject(CounterObject.self)
    }
}

/// `CounterObject`. Every method counts itself in `calls`.
final class CounterObject: DurableObject, RpcInterface {
    /// Calls this instance has served (methods, not getter reads); in memory only.
    private(set) var calls = 0

    /// The count in storage (0 when there is none). The read keeps the input gate closed.
    private func stored() async throws -> Int {
        try await ctx.storage.get("count", as: Int.self) ?? 0
    }

    /// `increment(n = 1)` → the new value. The read closes the input gate, and the write is
    /// made with no await after it, so two increments never lose an update; the result waits
    /// at the output gate until the write is confirmed (§8.5).
    func increment(_ n: Int?) async throws -> Int {
        calls += 1
        let value = try await stored() + (n ?? 1)
        try ctx.storage.put("count", value)
        return value
    }

    /// `get()` → the count.
    func get() async throws -> Int {
        calls += 1
        return try await stored()
    }

    /// `reset()`: deletes the count (`get()` is 0 again).
    func reset() throws {
        calls += 1
        try ctx.storage.delete("count")
    }

    /// `fail()` throws `Error("counter failed")`: an ordinary error, which breaks nothing; the
    /// caller's error carries `durableObjectId` (§7.2, §8.5).
    func fail() throws -> Int {
        calls += 1
        throw RpcError.error("counter failed")
    }

    /// `slowIncrement(n, ms)`: reads the count, sleeps `ms`, then writes what it read plus `n`.
    /// Other calls are held while the read is awaited, but run during the sleep (an await on
    /// something other than storage opens the input gate), so two of them lose an update —
    /// which is what input gates do and do not promise (§8.5).
    func slowIncrement(_ n: Int, _ ms: Int) async throws -> Int {
        calls += 1
        let value = try await stored()
        try await ctx.sleep(ms: ms)
        try ctx.storage.put("count", value + n)
        return value + n
    }

    /// `callInsideBlock(fn)` → `await fn()`, called inside `blockConcurrencyWhile`: every other
    /// call waits until it returns, except calls that `fn` makes back into this object (they
    /// originate inside the critical section, §8.5). If `fn` throws, the object breaks.
    func callInsideBlock(_ fn: Stub) async throws -> RpcValue {
        calls += 1
        return try await ctx.blockConcurrencyWhile { try await fn() }
    }

    /// `abort(message)` breaks the object with `Error(message)`: this call, calls in flight and
    /// later calls through the same stub reject with it; a new stub reaches a fresh instance
    /// (§8.5, §6.5).
    func abort(_ message: String) throws -> Int {
        calls += 1
        try ctx.abort(message)
    }

    static let rpc = Members<CounterObject> {
        $0.method("increment", params: "n = 1", CounterObject.increment)
        $0.method("get", params: "", CounterObject.get)
        $0.method("reset", params: "", CounterObject.reset)
        $0.method("fail", params: "", CounterObject.fail)
        $0.method("slowIncrement", params: "n, ms", CounterObject.slowIncrement)
        $0.method("callInsideBlock", params: "fn", CounterObject.callInsideBlock)
        $0.method("abort", params: "message", CounterObject.abort)
        $0.getter("calls") { $0.calls }
    }
}
