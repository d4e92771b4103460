import RPCEngine

/// `toolkit` — members for composing behaviour in scenarios (catalog.md, "Toolkit modules").
/// Default export `Toolkit` (a `WorkerEntrypoint`); named export `Counter` (an `RpcTarget`).
///
/// Each member names the part of `workers-rpc-semantics.md` it exercises.
enum ToolkitModule {
    static let module = WorkerModule("toolkit") {
        $0.entrypoint(Toolkit.self, isDefault: true)
        $0.rpcTarget(Counter.self)
    }

    /// What the module keeps at module scope (`ctx.moduleState`): one per runtime, so parallel
    /// runtimes and replays never share it.
    final class State {
        /// `hold`'s duplicates, in the order they were held.
        var held: [Stub] = []
        /// How many `Counter`s this runtime has made: the next one is `Counter#(made + 1)`.
        var countersMade = 0
    }

    static func state(_ ctx: ExecutionContext) -> State { ctx.moduleState(State.self) { State() } }

    /// An instance of a class that is not an `RpcTarget`: what `plainInstance()` tries to send.
    final class Ledger {
        var entries: [String] = []
    }

    /// `Toolkit`, the default export.
    ///
    /// Not reachable over RPC, by design: the stored property `secret` and the private method
    /// `audit()` exist, but only registered members are exposed (§2.1, §2.5), so reading or
    /// calling either is `TypeError: The RPC receiver does not implement the method "secret".`
    final class Toolkit: WorkerEntrypoint, RpcInterface {
        /// A stored property: never reachable over RPC.
        let secret = "s3cr3t"

        /// A private method: never reachable over RPC.
        private func audit() -> String { "audited with \(secret)" }

        // MARK: values and calls

        /// `echo(v)` → `v`. The value has already crossed the boundary once when it arrives, and
        /// crosses again on the way back (§3.1): the caller gets a deep copy, stubs re-exported
        /// (the result is serialized before the parameter stubs are disposed, §4.6).
        func echo(_ value: RpcValue) -> RpcValue { value }

        /// `call(fn, ...args)` → `await fn(...args)`. The stub `fn` is a parameter, disposed by
        /// the runtime when this call completes (§4.6).
        func call(_ args: [RpcValue]) async throws -> RpcValue {
            let fn: Stub = try args.argument(0)
            return try await fn.dynamicallyCall(withArguments: Array(args.dropFirst()))
        }

        /// `callTwice(fn, x)` → `[await fn(x), await fn(x)]`, in that order (§5.7).
        func callTwice(_ fn: Stub, _ x: RpcValue) async throws -> [RpcValue] {
            [try await fn.dynamicallyCall(withArguments: [x]), try await fn.dynamicallyCall(withArguments: [x])]
        }

        /// `callLater(fn, ms, ...args)`: returns `undefined` at once, then calls `fn(...args)`
        /// after `ms` through `ctx.waitUntil` (§1.7). The parameter stub is disposed when this
        /// call completes (§4.6), so the task keeps a `dup()` and disposes it when it is done.
        func callLater(_ args: [RpcValue]) throws -> RpcValue {
            let fn = try args.argument(0, as: Stub.self).dup()
            let ms: Int = try args.argument(1)
            let rest = Array(args.dropFirst(2))
            let ctx = self.ctx
            ctx.waitUntil("callLater \(ms)ms") {
                defer { fn.dispose() }
                try await ctx.sleep(ms: ms)
                _ = try await fn.dynamicallyCall(withArguments: rest)
            }
            return .undefined
        }

        /// `sleep(ms)` → `ms`, after `ms` of runtime time.
        func sleep(_ ms: Int) async throws -> Int {
            try await ctx.sleep(ms: ms)
            return ms
        }

        /// `never()` never settles; the runtime rejects the call with Workers' hang error once
        /// nothing else can make progress (§1.10).
        func never() async throws {
            try await ctx.hang()
        }

        // MARK: holding stubs at module scope

        /// `hold(stub)`: keeps a `dup()` of `stub` at module scope (the parameter itself is
        /// disposed when the call completes, §4.6) and returns how many stubs are held.
        func hold(_ stub: Stub) async throws -> Int {
            let state = ToolkitModule.state(ctx)
            state.held.append(try stub.dup())
            return state.held.count
        }

        /// `callHeld(i, ...args)` → `await held[i](...args)`; `RangeError` when nothing is held at `i`.
        func callHeld(_ args: [RpcValue]) async throws -> RpcValue {
            let index: Int = try args.argument(0)
            let held = ToolkitModule.state(ctx).held
            guard held.indices.contains(index) else {
                throw RpcError.rangeError("No held stub at index \(index); \(held.count) held.")
            }
            return try await held[index].dynamicallyCall(withArguments: Array(args.dropFirst()))
        }

        /// `releaseHeld()`: disposes every held stub (§4.8) and returns how many there were.
        func releaseHeld() async throws -> Int {
            let state = ToolkitModule.state(ctx)
            let held = state.held
            state.held.removeAll()
            for stub in held { stub.dispose() }
            return held.count
        }

        // MARK: references and results

        /// `makeCounter(start = 0)` → a `Counter`, which travels by reference (§3.1).
        func makeCounter(_ start: Int?) async throws -> Counter {
            Counter.make(start: start ?? 0, in: ctx)
        }

        /// `makeObject()` → a plain object copied by value whose `RpcTarget` and function fields
        /// travel as stubs (§3.1), reachable by path for pipelining (§5.1, §5.2).
        func makeObject() async throws -> RpcValue {
            [
                "counter": Counter.make(start: 0, in: ctx).rpcValue(),
                "double": .function(RpcFunction(name: "double") { (x: Double) in 2 * x }),
                "nested": ["triple": .function(RpcFunction(name: "triple") { (x: Double) in 3 * x })],
                "label": "obj",
            ]
        }

        /// `getMap()` → `Map { "foo" → 123, "bar" → 456 }` (§3.1: `Map` is supported by value).
        func getMap() -> RpcValue {
            .map([RpcMapEntry("foo", 123), RpcMapEntry("bar", 456)])
        }

        /// `keepAndReturn(stub)` → `{ stub: stub.dup() }`. Stubs in a result pass to the caller
        /// (§4.6), so the caller now owns that dup; the parameter is disposed as usual.
        func keepAndReturn(_ stub: Stub) throws -> RpcValue {
            ["stub": .stub(try stub.dup())]
        }

        /// `withDisposer()` → `{ ping: () => "pong" }` with its own `[Symbol.dispose]` (§4.7):
        /// the runtime strips it from the data, keeps this call's context alive, and runs it —
        /// logging `result disposed` — only when the caller disposes the result.
        func withDisposer() -> RpcValue {
            let ctx = self.ctx
            var result = RpcObject([("ping", .function(RpcFunction(name: "ping") { () -> String in "pong" }))])
            result.disposer = RpcFunction(name: "[Symbol.dispose]") { (_: [RpcValue]) in
                ctx.log("result disposed")
                return .undefined
            }
            return .object(result)
        }

        /// `plainInstance()` → an instance of `Ledger`, a class that is not an `RpcTarget`: the
        /// result is refused with `DataCloneError` (§3.1, "Rejected").
        func plainInstance() -> RpcValue {
            let ledger = Ledger()
            return .opaque(typeName: String(describing: type(of: ledger)))
        }

        // MARK: errors and ends

        /// `fail(name, message)` throws an error of that name and message with an own property
        /// `code = 42`. The caller sees the name, the message and `code` under
        /// `enhanced_error_serialization`, and only built-in names and the message under the
        /// legacy rules (§7.2).
        func fail(_ name: String, _ message: String) throws {
            throw RpcError(name: name, message: message, properties: RpcObject([("code", 42)]))
        }

        /// `abort(message)` aborts this call's own execution context with `RangeError(message)`
        /// (§1.9): the call itself rejects with that reason.
        func abort(_ message: String) throws {
            try ctx.abort(.rangeError(message))
        }

        /// `session()` → `{ counter: Counter(0), abort: (message) => ... }`. The returned stubs
        /// keep this call's context alive (§6.2). `abort(message)` aborts that context with
        /// `RangeError(message)` (§1.9): the counter is disposed, and later calls on it fail with
        /// `The execution context which hosts this callback is no longer running.` (§6.5).
        func session() async throws -> RpcValue {
            let ctx = self.ctx
            let abort = RpcFunction(name: "abort") { (message: String) throws -> RpcValue in
                try ctx.abort(.rangeError(message))
            }
            return ["counter": Counter.make(start: 0, in: ctx).rpcValue(), "abort": .function(abort)]
        }

        static let rpc = Members<Toolkit> {
            $0.method("echo", params: "v", Toolkit.echo)
            $0.raw("call", params: "fn, ...args") { toolkit, args in try await toolkit.call(args) }
            $0.method("callTwice", params: "fn, x", Toolkit.callTwice)
            $0.raw("callLater", params: "fn, ms, ...args") { toolkit, args in try toolkit.callLater(args) }
            $0.method("sleep", params: "ms", Toolkit.sleep)
            $0.method("never", params: "", Toolkit.never)
            $0.method("hold", params: "stub", Toolkit.hold)
            $0.raw("callHeld", params: "i, ...args") { toolkit, args in try await toolkit.callHeld(args) }
            $0.method("releaseHeld", params: "", Toolkit.releaseHeld)
            $0.method("makeCounter", params: "start = 0", Toolkit.makeCounter)
            $0.method("makeObject", params: "", Toolkit.makeObject)
            $0.method("getMap", params: "", Toolkit.getMap)
            $0.method("keepAndReturn", params: "stub", Toolkit.keepAndReturn)
            $0.method("withDisposer", params: "", Toolkit.withDisposer)
            $0.method("plainInstance", params: "", Toolkit.plainInstance)
            $0.method("fail", params: "name, message", Toolkit.fail)
            $0.method("abort", params: "message", Toolkit.abort)
            $0.method("session", params: "", Toolkit.session)
            $0.getter("answer") { _ in 42 }
            $0.getter("info") { _ -> RpcValue in ["version": 1, "tags": ["a", "b"]] }
            $0.getter("slowAnswer") { toolkit in
                try await toolkit.ctx.sleep(ms: 10)
                return 123
            }
            $0.getter("broken") { _ -> Int in throw RpcError.error("PROPERTY THREW") }
        }
    }
}

extension Array where Element == RpcValue {
    /// Argument `i` of a raw handler, decoded as a typed member would decode it: a missing
    /// argument is `undefined`, a wrong type is `TypeError: Argument <i+1>: ...`.
    func argument<T: RpcDecodable>(_ i: Int, as type: T.Type = T.self) throws -> T {
        do {
            return try T(rpc: indices.contains(i) ? self[i] : .undefined)
        } catch let error as RpcError {
            throw RpcError.typeError("Argument \(i + 1): \(error.message)")
        }
    }
}

