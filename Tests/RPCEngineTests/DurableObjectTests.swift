import Foundation
import Testing
@testable import RPCEngine

/// §8.2–§8.5: one long-lived instance per id, calls as sessions into its context, visibility,
/// pipelining, errors with `durableObjectId`, stubs as tokens, E-order.
@Suite struct DurableObjectTests {
    /// §8.5: one instance per id, kept between calls and requests; its in-memory fields last,
    /// each id has its own instance, and every call runs in the one context of kind
    /// `durable object`. Ending a call's session does not end that context.
    @Test func oneInstancePerIdKeptAcrossRequests() throws {
        let runtime = try makeObjectRuntime()
        let first: [RpcValue] = try runtime.run { env, _ in
            let alpha = try env.namespace("OBJECTS").getByName("alpha")
            return [try await alpha.increment(2), try await alpha.increment(3), try await alpha.served.get()]
        }
        let second: [RpcValue] = try runtime.run { env, _ in
            let alpha = try env.namespace("OBJECTS").getByName("alpha")
            let beta = try env.namespace("OBJECTS").getByName("beta")
            return [try await alpha.increment(1), try await alpha.served.get(), try await beta.increment(1), try await beta.served.get()]
        }
        #expect(first == [2, 5, 2])
        #expect(second == [6, 3, 1, 1])
        let contexts = runtime.log.events().compactMap { e -> String? in
            switch e.payload {
            case .contextBegan(let c): return "began \(c.ctx) \(c.kind.rawValue) \(c.entrypoint ?? "-")"
            case .contextEnded(let ctx, _, let reason): return "ended \(ctx) \(reason.rawValue)"
            default: return nil
            }
        }
        #expect(contexts == [
            "began ctx1 request -", "began ctx2 durable object ProbeObject", "ended ctx1 returned",
            "began ctx3 request -", "began ctx4 durable object ProbeObject", "ended ctx3 returned",
        ])
        runtime.query { $0.shutDownDurableObjects() }
        #expect(objectEvents(runtime).suffix(2) == [
            "do:ProbeObject/alpha evicted ctx2", "do:ProbeObject/beta evicted ctx4",
        ])
        expectNoLeaks(runtime)
    }

    /// §8.3, §2.1, §2.3: only registered members are reachable; `env`, `ctx` and stored
    /// properties are not; `fetch` and the other handler names are reserved.
    @Test func visibilityAndReservedNames() throws {
        let runtime = try makeObjectRuntime()
        let errors: [String] = try runtime.run { env, _ in
            let stub = try env.namespace("OBJECTS").getByName("alpha")
            var out: [String] = []
            for attempt in [
                { try await stub.secret.get() }, { try await stub.env.get() }, { try await stub.ctx.get() },
                { try await stub.fetch() }, { try await stub.alarm() }, { try await stub.webSocketMessage() },
                { try await stub.connect() }, { try await stub[dynamicMember: "dup"]() }, { try await stub.constructor() },
                { try await stub.served() },
            ] as [() async throws -> RpcValue] {
                do { _ = try await attempt() } catch { out.append("\(error)") }
            }
            return out
        }
        #expect(errors == [
            "TypeError: The RPC receiver does not implement the method \"secret\".",
            "TypeError: The RPC receiver does not implement the method \"env\".",
            "TypeError: The RPC receiver does not implement the method \"ctx\".",
            "TypeError: 'fetch' is a reserved method and cannot be called over RPC.",
            "TypeError: 'alarm' is a reserved method and cannot be called over RPC.",
            "TypeError: 'webSocketMessage' is a reserved method and cannot be called over RPC.",
            "TypeError: 'connect' is a reserved method and cannot be called over RPC.",
            "TypeError: 'dup' is a reserved method and cannot be called over RPC.",
            "TypeError: 'constructor' is a reserved method and cannot be called over RPC.",
            "TypeError: \"served\" is not a function.",
        ])
        expectNoObjectLeaks(runtime)
    }

    /// §8.4, §5.1: pipelining works as for entrypoints: a call on the promise of a call to the
    /// object reaches the `RpcTarget` it returns, which lives in the object's context; disposing
    /// the result disposes the target there (§4.9).
    @Test func pipeliningAndTargetsInTheObject() throws {
        let runtime = try makeObjectRuntime()
        let values: [RpcValue] = try runtime.run { env, _ in
            let stub = try env.namespace("OBJECTS").getByName("alpha")
            let counter = try stub.makeCounter.start(10)
            let a = try await counter.increment(5)
            let b = try await counter[dynamicMember: "value"].get()
            counter.dispose()
            return [a, b]
        }
        #expect(values == [15, 15])
        let disposed = runtime.log.events().compactMap { e -> String? in
            if case .targetDisposed(let target, let worker, _) = e.payload { return "\(worker):\(target)" }
            return nil
        }
        #expect(disposed == ["objects:ProbeCounter"])
        #expect(logLines(runtime) == ["Counter#10 disposed"])
        expectNoObjectLeaks(runtime)
    }

    /// §8.4, §8.5, §7.2: an error thrown by the object reaches the caller with its name,
    /// message, own properties, `remote` and the object's `durableObjectId`; it breaks nothing
    /// (the next call works). Errors from service calls have no `durableObjectId`.
    @Test func errorsCarryTheObjectId() throws {
        let runtime = try makeObjectRuntime()
        let (error, after, lookup, service): (RpcError?, RpcValue, RpcError?, RpcError?) = try runtime.run { env, _ in
            let stub = try env.namespace("OBJECTS").getByName("alpha")
            var thrown: RpcError?
            do { _ = try await stub.fail() } catch { thrown = error as? RpcError }
            let after = try await stub.increment(1)
            var lookup: RpcError?
            do { _ = try await stub.nope() } catch { lookup = error as? RpcError }
            var service: RpcError?
            do { _ = try await env.PROBE.fail("RangeError", "x") } catch { service = error as? RpcError }
            return (thrown, after, lookup, service)
        }
        let hex = "f8e20a632bec8698f35a809dbcdfb0bbafc93ccf081adfe9fbf43b2dae847b79"
        #expect(error == RpcError(name: "RangeError", message: "object failed", remote: true, properties: ["code": 7], durableObjectId: hex))
        #expect(after == 1)
        #expect(lookup?.durableObjectId == hex)
        #expect(lookup?.message == "The RPC receiver does not implement the method \"nope\".")
        #expect(service?.durableObjectId == nil)
        #expect(service?.remote == true)
        expectNoObjectLeaks(runtime)
    }

    /// §8.3: a class that does not extend `DurableObject` refuses every RPC call with the
    /// exact `TypeError` (the object itself is created).
    @Test func classWithoutDurableObjectRefusesRpc() throws {
        let runtime = try makeObjectRuntime()
        let errors: [RpcError?] = try runtime.run { env, _ in
            let stub = try env.namespace("LEGACY").getByName("old")
            var out: [RpcError?] = []
            for _ in 0..<2 {
                do { _ = try await stub.anything(1) } catch { out.append(error as? RpcError) }
            }
            return out
        }
        let message = "The receiving Durable Object does not support RPC, because its class was not declared with `extends DurableObject`. In order to enable RPC, make sure your class extends the special class `DurableObject`, which can be imported from the module \"cloudflare:workers\"."
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0?.name == "TypeError" && $0?.message == message && $0?.remote == true })
        #expect(objectEvents(runtime).filter { $0.contains(" created ") }.count == 1)
        expectNoObjectLeaks(runtime)
    }

    /// §8.2, §3.1: a Durable Object stub passed over RPC is a token: the receiver gets its own
    /// stub to the same object and the sender's keeps working (`sendStubOverRpc`:
    /// `incrementCounter(actor, 5)` → 5, then `actor.increment(7)` → 12). Disposing or
    /// duplicating a DO stub has no effect on the object.
    @Test func stubsAreTokens() throws {
        let runtime = try makeObjectRuntime()
        let values: [RpcValue] = try runtime.run { env, _ in
            let alpha = try env.namespace("OBJECTS").getByName("alpha")
            let beta = try env.namespace("OBJECTS").getByName("beta")
            let viaBeta = try await beta.incrementVia(.stub(alpha), 5)
            let direct = try await alpha.increment(7)
            let copy = try alpha.dup()
            alpha.dispose()
            let afterDispose = try await alpha.increment(1)
            let viaCopy = try await copy.count()
            let echoed = try await env.PROBE.echo(.stub(alpha))
            let viaEcho = try await echoed.stubValue!.count()
            return [viaBeta, direct, afterDispose, viaCopy, viaEcho, .string(echoed.stubValue!.kind.rawValue)]
        }
        #expect(values == [5, 12, 13, 13, 13, "durableObject"])
        // The stub `beta` received is held by beta's context, and goes when that context does.
        let kinds = runtime.log.events().compactMap { e -> String? in
            if case .stubCreated(let s) = e.payload, s.kind == .durableObject { return "\(s.stub) \(s.holderWorker) \(s.target)" }
            return nil
        }
        #expect(kinds == [
            "stub1 client do:ProbeObject/alpha", "stub2 client do:ProbeObject/beta", "stub3 objects do:ProbeObject/alpha",
            "stub4 client do:ProbeObject/alpha", "stub5 probe do:ProbeObject/alpha", "stub6 client do:ProbeObject/alpha",
        ])
        #expect(logLines(runtime).isEmpty)
        expectNoObjectLeaks(runtime)
    }

    /// §8.2: calls through one stub are delivered in the order they were made, started and
    /// awaited calls alike.
    @Test func eOrderThroughOneStub() throws {
        let runtime = try makeObjectRuntime()
        let values: [RpcValue] = try runtime.run { env, _ in
            let stub = try env.namespace("OBJECTS").getByName("alpha")
            let p1 = try stub.mark.start("one")
            let p2 = try stub.mark.start("two")
            let three = try await stub.mark("three")
            return [try await p1.value(), try await p2.value(), three]
        }
        #expect(values == ["one", "two", "three"])
        #expect(logLines(runtime) == ["mark one", "mark two", "mark three"])
        expectNoObjectLeaks(runtime)
    }

    /// A constructor's `blockConcurrencyWhile` holds the first call until the state is loaded.
    @Test func constructorLoadsStateFirst() throws {
        let runtime = try makeObjectRuntime()
        let (state, at): (RpcValue, Int) = try runtime.run { env, ctx in
            (try await env.namespace("LOADING").getByName("x").state(), ctx.now)
        }
        #expect(state == "loaded at 20ms")
        #expect(at == 20)
        #expect(objectEvents(runtime).map { $0.replacingOccurrences(of: "do:LoadingObject/x ", with: "") }.dropFirst().prefix(4) == [
            "blockConcurrencyWhile began section=1", "call1 held at the input gate", "input gate closed (storage get)",
            "storage get \"value\" → undefined",
        ])
        expectNoObjectLeaks(runtime)
    }

    /// A call on the promise of `getByName` (a scenario's `env.NS.getByName("a").increment()`,
    /// not awaited) is pipelined onto the stub it resolves to.
    @Test func pipeliningOnANamespaceCall() throws {
        let runtime = try makeObjectRuntime()
        let value: RpcValue = try runtime.run { env, _ in
            let stub = try env.OBJECTS.getByName.start("alpha")
            let result = try await stub.increment(2)
            stub.dispose()
            return result
        }
        #expect(value == 2)
        expectNoObjectLeaks(runtime)
    }

    /// §1.7: a Durable Object's waitUntil tasks have no drain timeout; they end when they
    /// finish, or when the object shuts down (cancelled).
    @Test func waitUntilHasNoTimeout() throws {
        let runtime = try makeObjectRuntime()
        _ = try runtime.run { env, _ in try await env.namespace("OBJECTS").getByName("alpha").keepWaiting() }
        #expect(logLines(runtime).isEmpty)
        #expect(runtime.query { $0.stats.pendingTasks } == 0)
        #expect(runtime.clock.now == 100_000)
        let settled = runtime.log.events().compactMap { e -> String? in
            if case .taskSettled(let task, _, let outcome) = e.payload { return "\(task) \(outcome)" }
            return nil
        }
        #expect(settled == ["task1 resolved"])
        expectNoObjectLeaks(runtime)
    }

    /// Shutting down cancels what is still running in the object.
    @Test func shutdownCancelsBackgroundWork() throws {
        let runtime = try makeObjectRuntime()
        let box = OutcomeBox<RpcValue>()
        runtime.start {
            box.set(await Result { try await runtime.request { env, _ in try await env.namespace("OBJECTS").getByName("alpha").keepWaiting() } })
        }
        runtime.loop.drain()
        #expect(try box.get()?.get() == "ok")
        let now = runtime.clock.now
        let pending = runtime.query { rt -> Int in
            let pending = rt.stats.pendingTasks
            rt.shutDownDurableObjects()
            return pending
        }
        #expect(pending == 1)
        let settled = runtime.log.events().compactMap { e -> String? in
            if case .taskSettled(let task, _, let outcome) = e.payload { return "\(task) \(outcome)" }
            return nil
        }
        #expect(settled == ["task1 cancelled"])
        #expect(runtime.clock.now == now)
        expectNoLeaks(runtime)
    }
}
