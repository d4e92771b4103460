import Testing
@testable import RPCEngine

/// §4: stubs — dup, dispose, use after dispose, target disposal, results' disposers, context end.
@Suite struct StubLifecycleTests {
    func disposals(_ runtime: Runtime) -> [String] {
        runtime.log.events().compactMap { e in
            if case .stubDisposed(let stub, let reason, _) = e.payload { return "\(stub) \(reason.rawValue)" }
            return nil
        }
    }

    /// §4.5, §4.8, §4.9: dup keeps the target alive; the disposer runs once, after the last dup.
    @Test func dupAndDispose() throws {
        let runtime = try makeProbeRuntime()
        let (values, logsBefore): ([RpcValue], [String]) = try runtime.run { env, _ in
            let counter: Stub = try await env.PROBE.makeCounter(10)
            let copy = try counter.dup()
            counter.dispose()
            counter.dispose()  // idempotent
            let v = try await copy.increment(5)
            let before = logLines(runtime)
            copy.dispose()
            return ([v], before)
        }
        #expect(values == [15])
        #expect(logsBefore.isEmpty)
        #expect(logLines(runtime) == ["Counter#10 disposed"])
        #expect(disposals(runtime) == ["stub1 explicit", "stub2 explicit"])
        expectNoLeaks(runtime)
    }

    /// §4.8: use after dispose rejects, and says where the stub was disposed.
    @Test func useAfterDispose() throws {
        let runtime = try makeProbeRuntime()
        let e = rpcError {
            try runtime.run { env, _ -> RpcValue in
                let counter: Stub = try await env.PROBE.makeCounter(1)
                counter.dispose()
                return try await counter.increment(1)
            }
        }
        #expect(e?.name == "Error")
        #expect(e?.message == "RPC stub used after being disposed.")
        #expect(e?.properties["disposedBy"] == "stub1 was disposed (explicit)")
        let dup = rpcError {
            try runtime.run { env, _ -> RpcValue in
                let counter: Stub = try await env.PROBE.makeCounter(1)
                counter.dispose()
                return .stub(try counter.dup())
            }
        }
        #expect(dup?.message == "RPC stub used after being disposed.")
        expectNoLeaks(runtime)
    }

    /// §4.5, §4.9: the same kind of target sent twice gives two stubs and two disposals.
    @Test func eachSendingIsItsOwnLineage() throws {
        let runtime = try makeProbeRuntime()
        _ = try runtime.run { env, _ in
            let a: Stub = try await env.PROBE.makeCounter(1)
            let b: Stub = try await env.PROBE.makeCounter(2)
            b.dispose()
            a.dispose()
            return 0
        }
        #expect(logLines(runtime) == ["Counter#2 disposed", "Counter#1 disposed"])
        expectNoLeaks(runtime)
    }

    /// §4.5, §9.9: the same target sent twice arrives as two independent stubs, and its
    /// disposer runs once per stub; both share the target's state.
    @Test func sameTargetSentTwice() throws {
        let runtime = try makeProbeRuntime()
        let (values, afterFirst): ([RpcValue], [String]) = try runtime.run { env, _ in
            let pair = try await env.PROBE.sameTwice(100)
            guard case .stub(let a) = pair[0], case .stub(let b) = pair[1] else { return ([], []) }
            let values = [try await a.increment(1), try await b.increment(1)]
            a.dispose()
            try await ExecutionContext.current?.sleep(ms: 0)
            let afterFirst = logLines(runtime)
            b.dispose()
            return (values, afterFirst)
        }
        #expect(values == [101, 102])
        #expect(afterFirst == ["Counter#100 disposed"])
        #expect(logLines(runtime) == ["Counter#100 disposed", "Counter#100 disposed"])
        expectNoLeaks(runtime)
    }

    /// §4.6: parameter stubs are disposed when the callee's method settles; a dup survives.
    @Test func parameterStubsAreDisposedAfterTheCall() throws {
        let runtime = try makeProbeRuntime()
        let (stale, kept): (RpcError?, RpcValue) = try runtime.run { env, _ in
            let fn = RpcFunction { (x: Int) in x * 10 }
            let later: Stub = try await env.PROBE.stash(fn)
            let keeper: Stub = try await env.PROBE.stashDup(fn)
            defer { later.dispose(); keeper.dispose() }
            var staleError: RpcError?
            do { _ = try await later() } catch { staleError = error as? RpcError }
            return (staleError, try await keeper())
        }
        #expect(stale?.message == "RPC stub used after being disposed.")
        #expect(stale?.remote == true)
        #expect(kept == 10)
        #expect(disposals(runtime) == ["stub1 paramsAfterCall", "stub3 paramsAfterCall", "stub2 explicit", "stub5 explicit", "stub4 contextEnded"])
        expectNoLeaks(runtime)
    }

    /// §4.6 (rpc_params_dup_stubs, today's rule): the caller keeps a stub it passes.
    @Test func callerKeepsItsStubUnderTheDupRule() throws {
        let runtime = try makeProbeRuntime()
        let results: [RpcValue] = try runtime.run { env, _ in
            let counter: Stub = try await env.PROBE.makeCounter(0)
            defer { counter.dispose() }
            let first = try await env.PROBE.incrementVia(.stub(counter))
            let again = try await counter.increment(1)
            return [first, again]
        }
        #expect(results == [1, 2])
        expectNoLeaks(runtime)
    }

    /// §4.6 (rpc_params_transfer_stubs, the legacy rule): passing a stub consumes it.
    @Test func legacyRuleTransfersTheStub() throws {
        let runtime = try makeProbeRuntime(flags: ["rpc_params_transfer_stubs"])
        let (first, after): (RpcValue, RpcError?) = try runtime.run { env, _ in
            let counter: Stub = try await env.PROBE.makeCounter(0)
            let first = try await env.PROBE.incrementVia(.stub(counter))
            var after: RpcError?
            do { _ = try await counter.increment(1) } catch { after = error as? RpcError }
            return (first, after)
        }
        #expect(first == 1)
        #expect(after?.message == "RPC stub used after being disposed.")
        #expect(disposals(runtime).contains("stub1 transferred"))
        expectNoLeaks(runtime)
    }

    /// §4.7: a result's own disposer runs only when the caller disposes the result.
    @Test func resultDisposerRunsWhenTheCallerDisposesTheResult() throws {
        let runtime = try makeProbeRuntime()
        let (pong, before): (RpcValue, [String]) = try runtime.run { env, _ in
            let result = try await env.PROBE.withDisposer()
            guard case .stub(let ping) = result["ping"] else { return (.undefined, []) }
            let pong = try await ping()
            let before = logLines(runtime)
            await runtime.disposeValue(result)
            return (pong, before)
        }
        #expect(pong == "pong")
        #expect(before.isEmpty)
        #expect(logLines(runtime) == ["result disposed"])
        #expect(runtime.query { $0.heldResults.isEmpty })
        expectNoLeaks(runtime)
    }

    /// §4.10, §6: stubs left at the end of a request are disposed with the context, with the
    /// warning; the event names the reason.
    @Test func contextEndDisposesLeftovers() throws {
        let runtime = try makeProbeRuntime()
        _ = try runtime.run { env, _ -> RpcValue in
            _ = try await env.PROBE.makeCounter(3)
            return .undefined
        }
        #expect(disposals(runtime) == ["stub1 contextEnded"])
        #expect(logLines(runtime) == [RpcError.Message.stubNotDisposed, "Counter#3 disposed"])
        expectNoLeaks(runtime)
    }

    /// §4.10: a result whose callee attached a disposer, left undisposed at the end of the
    /// request, gets Workers' *result* warning (once, instead of the stub one although the
    /// result also holds a stub), and its disposer still runs when the context ends.
    @Test func contextEndWarnsOfAnUndisposedResult() throws {
        let runtime = try makeProbeRuntime()
        _ = try runtime.run { env, _ -> RpcValue in
            _ = try await env.PROBE.withDisposer()
            return .undefined
        }
        #expect(disposals(runtime) == ["stub1 contextEnded"])
        #expect(logLines(runtime) == [RpcError.Message.resultNotDisposed, "result disposed"])
        #expect(runtime.query { $0.heldResults.isEmpty }, "the ended request no longer holds the result")
        expectNoLeaks(runtime)
    }

    /// The Swift `using`: disposed on every exit path, errors included.
    @Test func withStubDisposesOnThrow() throws {
        let runtime = try makeProbeRuntime()
        let e = rpcError {
            try runtime.run { env, _ -> RpcValue in
                let counter: Stub = try await env.PROBE.makeCounter(1)
                return try await withStub(counter) { _ in throw RpcError.rangeError("stop") }
            }
        }
        #expect(e?.message == "stop")
        #expect(disposals(runtime) == ["stub1 usingScopeEnded"])
        expectNoLeaks(runtime)
    }
}
