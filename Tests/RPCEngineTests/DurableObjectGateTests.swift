import Foundation
import Testing
@testable import RPCEngine

/// §8.5: input gates, critical sections, output gates — each with the exact interleaving the
/// event log shows.
@Suite struct DurableObjectGateTests {
    /// The object's events and the calls' results, in log order, without seq and time.
    func trace(_ runtime: Runtime) -> [String] {
        runtime.log.events().compactMap { e -> String? in
            switch e.payload {
            case .durableObject(let d): return d.details.replacingOccurrences(of: "do:ProbeObject/alpha ", with: "")
            case .callReturned(let call, let result, _): return "\(call) → \(result.summary(limit: 40))"
            case .log(_, _, _, let text): return "log \(text)"
            default: return nil
            }
        }
    }

    /// While a call awaits its storage, the input gate is closed: a second call (through
    /// another stub) is held and delivered only when the read is done, so two increments never
    /// lose an update.
    @Test func inputGateHoldsCallsWhileStorageIsAwaited() throws {
        let runtime = try makeObjectRuntime()
        let values: [RpcValue] = try runtime.run { env, _ in
            let a = try env.namespace("OBJECTS").getByName("alpha")
            let b = try env.namespace("OBJECTS").getByName("alpha")
            let p1 = try a.increment.start(1)
            let p2 = try b.increment.start(10)
            return [try await p1.value(), try await p2.value()]
        }
        #expect(values == [1, 11])
        #expect(Array(trace(runtime).dropFirst()) == [
            "input gate closed (storage get)",
            "call2 held at the input gate",
            "storage get \"count\" → undefined",
            "input gate opened",
            "storage put \"count\" = 1",
            "call2 admitted",
            "input gate closed (storage get)",
            // call1's write was committed while call2 awaited its read: batch 1 is sealed,
            // and its result waits for the confirmation.
            "output gate holds result of call1 until 1 write is confirmed",
            "storage get \"count\" → 1",
            "input gate opened",
            "storage put \"count\" = 11",
            "writes confirmed batch=1 writes=1",
            "call1 → 1",
            "output gate holds result of call2 until 1 write is confirmed",
            "writes confirmed batch=2 writes=1",
            "call2 → 11",
        ])
        expectNoObjectLeaks(runtime)
    }

    /// Calls may interleave at an await on something other than storage (here a sleep): two
    /// `slowIncrement`s both read 0 before either writes, and one update is lost.
    @Test func callsInterleaveAtASleep() throws {
        let runtime = try makeObjectRuntime()
        let values: [RpcValue] = try runtime.run { env, _ in
            let a = try env.namespace("OBJECTS").getByName("alpha")
            let b = try env.namespace("OBJECTS").getByName("alpha")
            let p1 = try a.slowIncrement.start(1, 10)
            let p2 = try b.slowIncrement.start(1, 10)
            let results = [try await p1.value(), try await p2.value()]
            return results + [try await a.count()]
        }
        #expect(values == [1, 1, 1])
        #expect(Array(trace(runtime).dropFirst()) == [
            "input gate closed (storage get)",
            "call2 held at the input gate",
            "storage get \"count\" → undefined",
            "input gate opened",
            "call2 admitted",
            "input gate closed (storage get)",
            "storage get \"count\" → undefined",
            "input gate opened",
            "storage put \"count\" = 1",
            "storage put \"count\" = 1",
            "output gate holds result of call1 until 2 writes are confirmed",
            "output gate holds result of call2 until 2 writes are confirmed",
            "writes confirmed batch=1 writes=2",
            "call1 → 1",
            "call2 → 1",
            "input gate closed (storage get)",
            "storage get \"count\" → 1",
            "input gate opened",
            "call3 → 1",
        ])
        expectNoObjectLeaks(runtime)
    }

    /// `blockConcurrencyWhile` holds every other call until its callback finishes, even
    /// across the callback's sleep.
    @Test func blockConcurrencyWhileHoldsOtherCalls() throws {
        let runtime = try makeObjectRuntime()
        let values: [RpcValue] = try runtime.run { env, _ in
            let a = try env.namespace("OBJECTS").getByName("alpha")
            let b = try env.namespace("OBJECTS").getByName("alpha")
            let p1 = try a.blockFor.start(50)
            let p2 = try b.mark.start("after")
            return [try await p1.value(), try await p2.value()]
        }
        #expect(values == [50, "after"])
        #expect(Array(trace(runtime).dropFirst()) == [
            "blockConcurrencyWhile began section=1",
            "call2 held at the input gate",
            "blockConcurrencyWhile ended section=1",
            "call2 admitted",
            "log mark after",
            "call1 → 50",
            "call2 → \"after\"",
        ])
        let marked = runtime.log.events().first { if case .log = $0.payload { true } else { false } }
        #expect(marked?.time == 50)
        expectNoObjectLeaks(runtime)
    }

    /// `doCallbackBlockingConcurrency`: a call into the object that originates from an RPC
    /// made inside the critical section is delivered; a call from outside waits.
    @Test func callbacksFromInsideTheSectionAreDelivered() throws {
        let runtime = try makeObjectRuntime()
        let values: [RpcValue] = try runtime.run { env, _ in
            let a = try env.namespace("OBJECTS").getByName("alpha")
            let b = try env.namespace("OBJECTS").getByName("alpha")
            let c = try env.namespace("OBJECTS").getByName("alpha")
            let callback = RpcFunction { () async throws -> RpcValue in
                let inner = try await b.mark("inner")
                return .string("12345 " + (inner.stringValue ?? "?"))
            }
            let p1 = try a.block.start(.function(callback))
            let p2 = try c.mark.start("outer")
            return [try await p1.value(), try await p2.value()]
        }
        #expect(values == ["12345 inner", "outer"])
        #expect(logLines(runtime) == ["mark inner", "mark outer"])
        #expect(Array(trace(runtime).dropFirst()) == [
            "blockConcurrencyWhile began section=1",
            "call2 held at the input gate",
            "log mark inner",
            "call4 → \"inner\"",
            "call3 → \"12345 inner\"",
            "blockConcurrencyWhile ended section=1",
            "call2 admitted",
            "log mark outer",
            "call1 → \"12345 inner\"",
            "call2 → \"outer\"",
        ])
        expectNoObjectLeaks(runtime)
    }

    /// Code of the object waking from `ctx.sleep` waits at the gate: a sleep that ends inside
    /// another call's critical section resumes when the section ends.
    @Test func wakeUpWaitsForTheGate() throws {
        let runtime = try makeObjectRuntime()
        let values: [RpcValue] = try runtime.run { env, _ in
            let a = try env.namespace("OBJECTS").getByName("alpha")
            let b = try env.namespace("OBJECTS").getByName("alpha")
            let p1 = try a.sleep.start(10)
            let p2 = try b.blockFor.start(30)
            return [try await p1.value(), try await p2.value()]
        }
        #expect(values == [10, 30])
        let returned = runtime.log.events().compactMap { e -> String? in
            if case .callReturned(let call, _, _) = e.payload { return "\(e.time)ms \(call)" }
            return nil
        }
        #expect(returned == ["30ms call2", "30ms call1"])
        expectNoObjectLeaks(runtime)
    }

    /// The output gate: the result waits until the writes made before it are confirmed;
    /// writes made without an await between them are one batch.
    @Test func outputGateHoldsResultsUntilWritesAreConfirmed() throws {
        let runtime = try makeObjectRuntime()
        let values: [RpcValue] = try runtime.run { env, _ in
            let a = try env.namespace("OBJECTS").getByName("alpha")
            return [try await a.writeTwo("x", "y", 7), try await a.writeAwaitWrite("p", "q")]
        }
        #expect(values == ["written", 1])
        #expect(Array(trace(runtime).dropFirst()) == [
            "storage put \"x\" = 7",
            "storage put \"y\" = 7",
            "output gate holds result of call1 until 2 writes are confirmed",
            "writes confirmed batch=1 writes=2",
            "call1 → \"written\"",
            "storage put \"p\" = 1",
            "input gate closed (storage get)",
            "storage get \"p\" → 1",
            "input gate opened",
            "storage put \"q\" = 2",
            "writes confirmed batch=2 writes=1",
            "output gate holds result of call2 until 1 write is confirmed",
            "writes confirmed batch=3 writes=1",
            "call2 → 1",
        ])
        expectNoObjectLeaks(runtime)
    }

    /// The output gate also holds calls the object makes: the callee runs only after the
    /// object's earlier writes are confirmed.
    @Test func outputGateHoldsOutgoingCalls() throws {
        let runtime = try makeObjectRuntime()
        let value: RpcValue = try runtime.run { env, ctx in
            let a = try env.namespace("OBJECTS").getByName("alpha")
            let callback = RpcFunction { () -> String in
                ctx.log("callback ran")
                return "called"
            }
            return try await a.writeThenCall(.function(callback))
        }
        #expect(value == "called")
        #expect(Array(trace(runtime).dropFirst()) == [
            "storage put \"before-call\" = true",
            "output gate holds outgoing call2 until 1 write is confirmed",
            "writes confirmed batch=1 writes=1",
            "log callback ran",
            "call2 → \"called\"",
            "call1 → \"called\"",
        ])
        expectNoObjectLeaks(runtime)
    }
}

/// The same program gives the same event log, byte for byte, gates and storage included.
@Suite struct DurableObjectDeterminismTests {
    @Test func sameProgramSameLog() throws {
        func program() throws -> String {
            let runtime = try makeObjectRuntime(seed: 7)
            _ = try runtime.run { env, _ -> [RpcValue] in
                let a = try env.namespace("OBJECTS").getByName("alpha")
                let b = try env.namespace("OBJECTS").get(try env.namespace("OBJECTS").newUniqueId())
                let p1 = try a.slowIncrement.start(1, 5)
                let p2 = try a.blockFor.start(3)
                let p3 = try b.writeTwo.start("x", "y", 1)
                let p4 = try a.increment.start(2)
                var out: [RpcValue] = []
                for p in [p1, p2, p3, p4] { out.append(try await p.value()) }
                return out
            }
            runtime.query { $0.shutDownDurableObjects() }
            return runtime.log.text
        }
        let first = try program()
        #expect(try program() == first)
        #expect(first.contains("durableObject"))
    }
}
