/// The base class of a Durable Object (`class Counter extends DurableObject`, §8).
///
/// One instance lives per object id, created by the first call through a stub and kept between
/// calls and requests, so stored properties are in-memory state that lasts until the object
/// breaks or is shut down; durable state goes in `ctx.storage`. Every call runs in the object's
/// one long-lived execution context, behind its input and output gates (§8.5).
///
/// Subclasses are `final`, adopt `RpcInterface` to list their members, and are exported with
/// `WorkerModule.durableObject(_:)`. As for entrypoints, only registered members are reachable
/// (`env`, `ctx` and stored properties never are), and `fetch`, `connect`, `alarm` and the
/// `webSocket*` handler names are reserved (§8.3). Instances are not `Sendable`: the runtime
/// creates and calls them only on its loop.
open class DurableObject {
    /// The object's state: id, storage, `blockConcurrencyWhile`, `waitUntil`, `abort`.
    public let ctx: DurableObjectState
    /// The bindings of the worker whose module exports the class.
    public let env: Env

    public required init(ctx: DurableObjectState, env: Env) {
        self.ctx = ctx
        self.env = env
    }
}

/// `ctx` in a Durable Object (`DurableObjectState`, §1.6, §8.5).
///
/// Besides Workers' members it offers what worker code uses instead of the system's (`sleep`,
/// `now`, `random`, `log`), so that runs stay deterministic. Use `ctx.sleep` rather than the
/// execution context's: waking up from it waits at the input gate like any other event.
public struct DurableObjectState: Sendable {
    let runtime: Runtime
    let object: LoopBound<ObjectState>
    /// The object's id (with its name, when it was derived from one).
    public let id: DurableObjectId
    /// The object's storage.
    public let storage: DurableObjectStorage
    /// The object's long-lived execution context (`ExecutionContext.current` inside its calls).
    public let context: ExecutionContext

    init(runtime: Runtime, object: ObjectState) {
        self.runtime = runtime
        self.object = LoopBound(object)
        self.id = object.id
        self.storage = DurableObjectStorage(runtime: runtime, object: LoopBound(object))
        self.context = object.ctx.handle
    }

    /// Runs `body` while holding every other event off (§8.5): no call is delivered to the
    /// object until it finishes, except calls that originate from RPCs made inside `body` (a
    /// callback into the object, say). If `body` throws, the object breaks: calls in flight and
    /// later calls through its stubs reject with the error, and the error is rethrown here.
    public func blockConcurrencyWhile<T>(_ body: nonisolated(nonsending) () async throws -> T) async throws -> T {
        let object = self.object
        let section = try runtime.onLoop { try $0.beginSection(object.value, label: "blockConcurrencyWhile") }
        let result: T
        do {
            result = try await DurableObjectTaskLocals.$sections.withValue(DurableObjectTaskLocals.sections + [section]) {
                try await body()
            }
        } catch {
            let reason = RpcError.from(error)
            runtime.onLoop {
                $0.endSection(object.value, section, error: reason)
                $0.breakObject(object.value, reason: reason)
            }
            throw error
        }
        runtime.onLoop { $0.endSection(object.value, section, error: nil) }
        return result
    }

    /// Starts `blockConcurrencyWhile(body)` without waiting for it: the form a constructor uses
    /// (`ctx.blockConcurrencyWhile(async () => { this.value = await ctx.storage.get("value") })`
    /// in JavaScript), since `init` cannot await. The critical section begins at once, so no
    /// call reaches the object until `body` has finished; if `body` throws, the object breaks.
    public func blockConcurrencyWhile(_ body: nonisolated(nonsending) @escaping () async throws -> Void) {
        let object = self.object
        let work = LoopBound(body)
        let section = runtime.onLoop { rt -> Int? in try? rt.beginSection(object.value, label: "blockConcurrencyWhile") }
        guard let section else { return }
        let runtime = self.runtime
        let sections = DurableObjectTaskLocals.sections + [section]
        let frame = CurrentContext.Frame(ctx: context, call: nil)
        Task(executorPreference: runtime.loop) {
            do {
                try await DurableObjectTaskLocals.$sections.withValue(sections) {
                    try await CurrentContext.$frame.withValue(frame) { try await work.value() }
                }
                runtime.onLoop { $0.endSection(object.value, section, error: nil) }
            } catch {
                let reason = RpcError.from(error)
                runtime.onLoop {
                    $0.endSection(object.value, section, error: reason)
                    $0.breakObject(object.value, reason: reason)
                }
            }
        }
    }

    /// Keeps `body` running after the call returns (§1.7). A Durable Object has no drain
    /// timeout: tasks run until they finish or the object breaks or is shut down.
    public func waitUntil(_ label: String = "waitUntil", _ body: nonisolated(nonsending) @escaping () async throws -> Void) {
        context.waitUntil(label, body)
    }

    /// Breaks the object (§8.5, §6.5): calls in flight and later calls through stubs that
    /// reached this instance reject with `Error(reason)` (by default `Application called abort()
    /// to reset Durable Object.`); a new stub reaches a fresh instance. Unconfirmed writes are
    /// discarded. Throws the error, so the aborting code stops here.
    public func abort(_ reason: String? = nil) throws -> Never {
        try abort(RpcError(message: reason ?? RpcError.Message.durableObjectAborted))
    }

    /// `abort` with an error of any name.
    public func abort(_ reason: RpcError) throws -> Never {
        let object = self.object
        runtime.onLoop { $0.breakObject(object.value, reason: reason) }
        throw reason
    }

    /// Sleeps on the runtime's clock; the wake-up waits at the input gate (while another call
    /// awaits storage or a critical section runs, it waits its turn, §8.5).
    public func sleep(ms: Int) async throws {
        try await runtime.clock.sleep(ms: ms)
        try await runtime.reenter(object)
    }

    /// The runtime clock's time in milliseconds.
    public var now: Int { context.now }

    /// `Math.random()` from the runtime's seeded source.
    public func random() -> Double { context.random() }

    /// `console.log` in the object's context.
    public func log(_ text: String) { context.log(text) }
}
