import Foundation
import Testing
@testable import RPCEngine

/// §8.5 "Breaking", §6.5: `ctx.abort()` and a failed `blockConcurrencyWhile` break the object;
/// an ordinary error does not (see `DurableObjectTests.errorsCarryTheObjectId`).
@Suite struct DurableObjectBreakTests {
    func ended(_ runtime: Runtime) -> [String] {
        runtime.log.events().compactMap { e in
            if case .contextEnded(let ctx, _, let reason) = e.payload { return "\(e.time)ms \(ctx) \(reason.rawValue)" }
            return nil
        }
    }

    /// The aborting call, a call in flight (sleeping) and later calls through the same stub
    /// all reject with the reason, at once; a new stub reaches a fresh instance, which finds
    /// the confirmed writes in storage.
    @Test func abortBreaksTheObject() throws {
        let runtime = try makeObjectRuntime()
        let (outcomes, fresh): ([String], [RpcValue]) = try runtime.run { env, _ in
            let a = try env.namespace("OBJECTS").getByName("alpha")
            let b = try env.namespace("OBJECTS").getByName("alpha")
            _ = try await a.increment(5)
            let sleeping = try a.sleep.start(1_000)
            var outcomes: [String] = []
            do { _ = try await b.abort("test aborted by abort()") } catch { outcomes.append(describe(error)) }
            do { _ = try await sleeping.value() } catch { outcomes.append(describe(error)) }
            do { _ = try await a.count() } catch { outcomes.append(describe(error)) }
            do { _ = try await b.count() } catch { outcomes.append(describe(error)) }
            let c = try env.namespace("OBJECTS").getByName("alpha")
            return (outcomes, [try await c.count(), try await c.served.get()])
        }
        let reason = "Error: test aborted by abort() remote=true durableObjectId=nil"
        #expect(outcomes == [reason, reason, reason, reason])
        #expect(fresh == [5, 0])
        #expect(runtime.clock.now == 0)
        #expect(objectEvents(runtime).filter { $0.contains("broken") || $0.contains("created") }.map { String($0.prefix(66)) } == [
            "do:ProbeObject/alpha created ctx2 worker=objects class=ProbeObject",
            "do:ProbeObject/alpha broken Error: test aborted by abort()",
            "do:ProbeObject/alpha created ctx3 worker=objects class=ProbeObject",
        ])
        #expect(ended(runtime) == ["0ms ctx2 aborted", "0ms ctx1 returned"])
        expectNoObjectLeaks(runtime)
    }

    /// `ctx.abort()` with no reason, and aborting through the execution context.
    @Test func abortReasons() throws {
        let runtime = try makeObjectRuntime()
        let outcomes: [String] = try runtime.run { env, _ in
            var outcomes: [String] = []
            do { _ = try await env.namespace("OBJECTS").getByName("a").abort(.undefined) } catch { outcomes.append(describe(error)) }
            do { _ = try await env.namespace("OBJECTS").getByName("b").abortContext("via context") } catch { outcomes.append(describe(error)) }
            return outcomes
        }
        #expect(outcomes == [
            "Error: Application called abort() to reset Durable Object. remote=true durableObjectId=nil",
            "RangeError: via context remote=true durableObjectId=nil",
        ])
        expectNoObjectLeaks(runtime)
    }

    /// Writes not yet confirmed when the object breaks are discarded.
    @Test func unconfirmedWritesAreDiscarded() throws {
        let runtime = try makeObjectRuntime()
        let (error, after): (String, RpcValue) = try runtime.run { env, _ in
            var failure = ""
            do { _ = try await env.namespace("OBJECTS").getByName("alpha").writeThenAbort("k") } catch { failure = describe(error) }
            return (failure, try await env.namespace("OBJECTS").getByName("alpha").read("k"))
        }
        #expect(error == "Error: aborted after a write remote=true durableObjectId=nil")
        #expect(after == .undefined)
        #expect(objectEvents(runtime).map { $0.replacingOccurrences(of: "do:ProbeObject/alpha ", with: "") }.contains(
            "unconfirmed writes rolled back writes=1"))
        expectNoObjectLeaks(runtime)
    }

    /// A `blockConcurrencyWhile` whose callback throws breaks the object with that error
    /// (`test broken critical section`), and later calls through the stub get it too.
    @Test func failedCriticalSectionBreaksTheObject() throws {
        let runtime = try makeObjectRuntime()
        let (outcomes, fresh): ([String], RpcValue) = try runtime.run { env, _ in
            let a = try env.namespace("OBJECTS").getByName("alpha")
            var outcomes: [String] = []
            do { _ = try await a.failBlock("test broken critical section") } catch { outcomes.append(describe(error)) }
            do { _ = try await a.count() } catch { outcomes.append(describe(error)) }
            return (outcomes, try await env.namespace("OBJECTS").getByName("alpha").count())
        }
        let reason = "Error: test broken critical section remote=true durableObjectId=nil"
        #expect(outcomes == [reason, reason])
        #expect(fresh == 0)
        #expect(objectEvents(runtime).map { $0.replacingOccurrences(of: "do:ProbeObject/alpha ", with: "") }.filter {
            $0.hasPrefix("blockConcurrencyWhile") || $0.hasPrefix("broken")
        } == [
            "blockConcurrencyWhile began section=1",
            "blockConcurrencyWhile ended section=1 ✗ Error: test broken critical section",
            "broken Error: test broken critical section",
        ])
        expectNoObjectLeaks(runtime)
    }

    /// Calls held at the input gate when the object breaks reject with the reason too.
    @Test func heldCallsRejectWhenTheObjectBreaks() throws {
        let runtime = try makeObjectRuntime()
        let outcomes: [String] = try runtime.run { env, _ in
            let a = try env.namespace("OBJECTS").getByName("alpha")
            let b = try env.namespace("OBJECTS").getByName("alpha")
            let blocked = try a.failBlock.start("section failed")
            let held = try b.mark.start("never marked")
            var outcomes: [String] = []
            do { _ = try await blocked.value() } catch { outcomes.append(describe(error)) }
            do { _ = try await held.value() } catch { outcomes.append(describe(error)) }
            return outcomes
        }
        #expect(outcomes == [
            "Error: section failed remote=true durableObjectId=nil", "Error: section failed remote=true durableObjectId=nil",
        ])
        #expect(logLines(runtime).isEmpty)
        expectNoObjectLeaks(runtime)
    }

    /// §6.5: stubs to targets hosted in the broken object's context fail with "no longer
    /// running", and those targets are disposed.
    @Test func targetsInTheBrokenObjectAreGone() throws {
        let runtime = try makeObjectRuntime()
        let (before, after): (RpcValue, String) = try runtime.run { env, _ in
            let a = try env.namespace("OBJECTS").getByName("alpha")
            let counter: Stub = try await a.makeCounter(1)
            let before = try await counter.increment(1)
            do { _ = try await a.abort("gone") } catch {}
            var after = ""
            do { _ = try await counter.increment(1) } catch { after = describe(error) }
            counter.dispose()
            return (before, after)
        }
        #expect(before == 2)
        #expect(after == "Error: The execution context which hosts this callback is no longer running. remote=false durableObjectId=nil")
        #expect(logLines(runtime) == ["Counter#1 disposed"])
        expectNoObjectLeaks(runtime)
    }
}

/// `Name: message remote=… durableObjectId=…`.
func describe(_ error: any Error) -> String {
    guard let e = error as? RpcError else { return "\(error)" }
    return "\(e.name): \(e.message) remote=\(e.remote) durableObjectId=\(e.durableObjectId ?? "nil")"
}
