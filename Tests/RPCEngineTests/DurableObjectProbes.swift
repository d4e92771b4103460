import Foundation
import Testing
@testable import RPCEngine

/// Durable Object classes that exercise §8, one member per rule.
final class ProbeObject: DurableObject, RpcInterface {
    /// In memory only: 0 again in a fresh instance.
    var served = 0
    /// A stored property: never reachable (§2.5).
    var secret = "hidden"

    func increment(_ n: Int?) async throws -> Int {
        served += 1
        let value = (try await ctx.storage.get("count", as: Int.self) ?? 0) + (n ?? 1)
        try ctx.storage.put("count", value)
        return value
    }
    func count() async throws -> Int { try await ctx.storage.get("count", as: Int.self) ?? 0 }
    func read(_ key: String) async throws -> RpcValue { try await ctx.storage.get(key) }
    func write(_ key: String, _ value: RpcValue) throws -> Bool {
        try ctx.storage.put(key, value)
        return true
    }
    /// Two writes with no await between them: one batch.
    func writeTwo(_ a: String, _ b: String, _ value: RpcValue) throws -> String {
        try ctx.storage.put(a, value)
        try ctx.storage.put(b, value)
        return "written"
    }
    /// A write, an await on storage, another write: two batches.
    func writeAwaitWrite(_ a: String, _ b: String) async throws -> RpcValue {
        try ctx.storage.put(a, 1)
        let seen = try await ctx.storage.get(a)
        try ctx.storage.put(b, 2)
        return seen
    }
    /// Tries to store each kind of reference; returns the errors.
    func putReferences(_ stub: Stub) -> [String] {
        let values: [RpcValue] = [
            .stub(stub), .function(RpcFunction { () in 1 }), .target(RpcTargetRef(ProbeCounter(1))), .opaque(typeName: "Socket"),
            ["nested": [.function(RpcFunction { () in 2 })]],
        ]
        return values.map { value in
            do {
                try ctx.storage.put("ref", value)
                return "stored"
            } catch {
                return "\(error)"
            }
        }
    }
    func deleteAllInTransaction() async throws -> String {
        try await ctx.storage.transaction { _ in try ctx.storage.deleteAll() }
        return "unreachable"
    }
    func writeThenAbort(_ key: String) throws -> Int {
        try ctx.storage.put(key, "lost")
        try ctx.abort("aborted after a write")
    }
    func abortContext(_ message: String) throws -> Int { try ctx.context.abort(.rangeError(message)) }
    func remove(_ key: String) throws -> Bool { try ctx.storage.delete(key) }
    func removeMany(_ keys: [String]) throws -> Int { try ctx.storage.delete(keys) }
    func readMany(_ keys: [String]) async throws -> RpcValue {
        .map(try await ctx.storage.get(keys).map { RpcMapEntry(.string($0.key), $0.value) })
    }
    func putMany(_ entries: RpcValue) throws -> Bool {
        guard case .object(let object) = entries else { return false }
        try ctx.storage.put(object)
        return true
    }
    func wipe() throws -> String {
        try ctx.storage.deleteAll()
        return "wiped"
    }
    func list(_ options: RpcValue) async throws -> RpcValue {
        var o = DurableObjectListOptions()
        o.start = options["start"].stringValue
        o.startAfter = options["startAfter"].stringValue
        o.end = options["end"].stringValue
        o.prefix = options["prefix"].stringValue
        o.reverse = options["reverse"].boolValue ?? false
        o.limit = options["limit"].numberValue.map { Int($0) }
        return .map(try await ctx.storage.list(o).map { RpcMapEntry(.string($0.key), $0.value) })
    }
    /// Writes `key` inside a transaction, then fails or rolls back as asked.
    func transact(_ key: String, _ mode: String) async throws -> RpcValue {
        try await ctx.storage.transaction { txn -> RpcValue in
            try txn.put(key, "in transaction")
            let seen = try await txn.get(key)
            if mode == "throw" { throw RpcError.rangeError("transaction failed") }
            if mode == "rollback" { txn.rollback() }
            return seen
        }
    }
    func sql(_ query: String, _ bindings: [RpcValue]) throws -> RpcValue {
        let cursor = try ctx.storage.sql.exec(query, bindings: bindings)
        return [
            "columns": .array(cursor.columnNames.map { .string($0) }), "rows": .array(cursor.toArray()),
            "rowsRead": .number(Double(cursor.rowsRead)), "rowsWritten": .number(Double(cursor.rowsWritten)),
        ]
    }
    func sqlOne(_ query: String) throws -> RpcValue { .object(try ctx.storage.sql.exec(query).one()) }
    /// Reads, sleeps `ms`, then writes what it read plus `n` (a lost update across a sleep).
    func slowIncrement(_ n: Int, _ ms: Int) async throws -> Int {
        served += 1
        let value = try await ctx.storage.get("count", as: Int.self) ?? 0
        try await ctx.sleep(ms: ms)
        try ctx.storage.put("count", value + n)
        return value + n
    }
    func sleep(_ ms: Int) async throws -> Int {
        try await ctx.sleep(ms: ms)
        return ms
    }
    func mark(_ label: String) -> String {
        ctx.log("mark \(label)")
        return label
    }
    /// Runs `fn()` inside `blockConcurrencyWhile`.
    func block(_ fn: Stub) async throws -> RpcValue {
        try await ctx.blockConcurrencyWhile { try await fn() }
    }
    /// Sleeps `ms` inside `blockConcurrencyWhile`.
    func blockFor(_ ms: Int) async throws -> Int {
        try await ctx.blockConcurrencyWhile { try await ctx.sleep(ms: ms) }
        return ms
    }
    func failBlock(_ message: String) async throws -> Int {
        try await ctx.blockConcurrencyWhile { () async throws -> Int in throw RpcError.error(message) }
    }
    func abort(_ message: String?) throws -> Int { try ctx.abort(message) }
    func fail() throws -> Int { throw RpcError(name: "RangeError", message: "object failed", properties: ["code": 7]) }
    func never() async throws -> Int { try await ctx.context.hang() }
    func makeCounter(_ start: Int) -> ProbeCounter { ProbeCounter(start) }
    func identity() -> RpcValue {
        ["id": .string(ctx.id.hex), "name": ctx.id.name.map { .string($0) } ?? .undefined]
    }
    /// Calls `increment` on a Durable Object stub it is given (a token, §3.1).
    func incrementVia(_ stub: Stub, _ n: Int) async throws -> RpcValue { try await stub.increment(n) }
    /// Calls a service binding after a write (the output gate holds outgoing calls).
    func writeThenCall(_ fn: Stub) async throws -> RpcValue {
        try ctx.storage.put("before-call", true)
        return try await fn()
    }
    /// Calls `fn` (which may call back into this object), without a critical section.
    func call(_ fn: Stub) async throws -> RpcValue { try await fn() }
    func keepWaiting() -> String {
        ctx.waitUntil("background") { [ctx] in
            try await ctx.sleep(ms: 100_000)
        }
        return "ok"
    }

    static let rpc = Members<ProbeObject> {
        $0.method("increment", ProbeObject.increment)
        $0.method("count", ProbeObject.count)
        $0.method("read", ProbeObject.read)
        $0.method("write", ProbeObject.write)
        $0.method("writeTwo", ProbeObject.writeTwo)
        $0.method("writeAwaitWrite", ProbeObject.writeAwaitWrite)
        $0.method("putReferences", ProbeObject.putReferences)
        $0.method("deleteAllInTransaction", ProbeObject.deleteAllInTransaction)
        $0.method("writeThenAbort", ProbeObject.writeThenAbort)
        $0.method("abortContext", ProbeObject.abortContext)
        $0.method("remove", ProbeObject.remove)
        $0.method("removeMany", ProbeObject.removeMany)
        $0.method("readMany", ProbeObject.readMany)
        $0.method("putMany", ProbeObject.putMany)
        $0.method("wipe", ProbeObject.wipe)
        $0.method("list", ProbeObject.list)
        $0.method("transact", ProbeObject.transact)
        $0.method("sql", ProbeObject.sql)
        $0.method("sqlOne", ProbeObject.sqlOne)
        $0.method("slowIncrement", ProbeObject.slowIncrement)
        $0.method("sleep", ProbeObject.sleep)
        $0.method("mark", ProbeObject.mark)
        $0.method("block", ProbeObject.block)
        $0.method("blockFor", ProbeObject.blockFor)
        $0.method("failBlock", ProbeObject.failBlock)
        $0.method("abort", ProbeObject.abort)
        $0.method("fail", ProbeObject.fail)
        $0.method("never", ProbeObject.never)
        $0.method("makeCounter", ProbeObject.makeCounter)
        $0.method("identity", ProbeObject.identity)
        $0.method("incrementVia", ProbeObject.incrementVia)
        $0.method("writeThenCall", ProbeObject.writeThenCall)
        $0.method("call", ProbeObject.call)
        $0.method("keepWaiting", ProbeObject.keepWaiting)
        $0.method("fetch", ProbeObject.count)
        $0.getter("served") { $0.served }
    }
}

/// Loads its state in the constructor, inside `blockConcurrencyWhile` (the Workers idiom):
/// no call is delivered before it is loaded.
final class LoadingObject: DurableObject, RpcInterface {
    var loaded: RpcValue = "not loaded"

    required init(ctx: DurableObjectState, env: Env) {
        super.init(ctx: ctx, env: env)
        ctx.blockConcurrencyWhile { [self] in
            try await ctx.sleep(ms: 20)
            let stored = try await ctx.storage.get("value")
            if case .undefined = stored { try ctx.storage.put("value", "initial") }
            loaded = .string("loaded at \(ctx.now)ms")
        }
    }

    func state() -> RpcValue { loaded }
    static let rpc = Members<LoadingObject> { $0.method("state", LoadingObject.state) }
}

/// A second class, for namespace checks.
final class OtherObject: DurableObject, RpcInterface {
    func hello() -> String { "hello from \(ctx.id.name ?? "?")" }
    static let rpc = Members<OtherObject> { $0.method("hello", OtherObject.hello) }
}

let objectModules = probeModules + [
    WorkerModule("objects") {
        $0.durableObject(ProbeObject.self)
        $0.durableObject(OtherObject.self)
        $0.durableObject(LoadingObject.self)
        $0.durableObjectWithoutRpc("Legacy")
        $0.entrypoint(Third.self, as: "Helper")
    },
]

/// `client` (primary) binds `OBJECTS` (ProbeObject), `OTHERS` (OtherObject) and `LEGACY` (a
/// class without `extends DurableObject`) of worker `objects`, and `PROBE`; `objects` binds the
/// same namespace as `SELF`.
func makeObjectRuntime(stateDirectory: URL? = nil, seed: UInt64 = 0, log: EventLog = EventLog()) throws -> Runtime {
    try Runtime(
        configuration: RuntimeConfiguration(
            workers: [
                WorkerConfig(
                    name: "client", services: [ServiceBindingConfig(binding: "PROBE", service: "probe")],
                    durableObjects: [
                        DurableObjectBindingConfig(name: "OBJECTS", className: "ProbeObject", scriptName: "objects"),
                        DurableObjectBindingConfig(name: "OTHERS", className: "OtherObject", scriptName: "objects"),
                        DurableObjectBindingConfig(name: "LEGACY", className: "Legacy", scriptName: "objects"),
                        DurableObjectBindingConfig(name: "LOADING", className: "LoadingObject", scriptName: "objects"),
                    ]),
                WorkerConfig(
                    name: "objects", main: "objects",
                    durableObjects: [DurableObjectBindingConfig(name: "SELF", className: "ProbeObject")]),
                WorkerConfig(name: "probe", main: "probe", services: [ServiceBindingConfig(binding: "THIRD", service: "third")]),
                WorkerConfig(name: "third", main: "third"),
            ],
            seed: seed),
        modules: objectModules, log: log, stateDirectory: stateDirectory)
}

/// Shuts the objects down, then checks that nothing is left alive.
func expectNoObjectLeaks(_ runtime: Runtime, sourceLocation: SourceLocation = #_sourceLocation) {
    runtime.query { $0.shutDownDurableObjects() }
    expectNoLeaks(runtime, sourceLocation: sourceLocation)
}

/// The `durableObject` events' text, without seq and time.
func objectEvents(_ runtime: Runtime) -> [String] {
    runtime.log.events().compactMap { e in
        if case .durableObject(let d) = e.payload { return d.details }
        return nil
    }
}

/// The events' text (kind and details, no seq/time) whose kind is in `kinds`.
func eventLines(_ runtime: Runtime, _ kinds: Set<String>) -> [String] {
    runtime.log.events().filter { kinds.contains($0.kind) }.map { "\($0.kind) \($0.details)" }
}
