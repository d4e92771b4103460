import Testing
@testable import RPCEngine

/// §1.7 waitUntil, §1.9 abort, §6 lifecycle, §6.2 forwarding, callbacks.
@Suite struct ContextLifecycleTests {
    func ended(_ runtime: Runtime) -> [String] {
        runtime.log.events().compactMap { e in
            if case .contextEnded(let ctx, _, let reason) = e.payload { return "\(e.time)ms \(ctx) \(reason.rawValue)" }
            return nil
        }
    }

    /// The seed's `signup`: the result comes at once; the event is sent 50 ms later.
    @Test func waitUntilKeepsRunningAfterTheResult() throws {
        let runtime = try makeProbeRuntime()
        let (result, at): (RpcValue, Int) = try runtime.run { env, ctx in
            (try await env.PROBE.signup("ada@example.com"), ctx.now)
        }
        #expect(result == "Success")
        #expect(at == 0)
        let line = runtime.log.events().first { e in
            if case .log(_, _, _, let text) = e.payload { return text == "event signup ada@example.com" }
            return false
        }
        #expect(line?.time == 50)
        #expect(ended(runtime) == ["0ms ctx1 returned", "50ms ctx2 drained"])
        expectNoLeaks(runtime)
    }

    /// §1.7: a rejected task is logged and never reaches the caller.
    @Test func rejectedTaskIsLogged() throws {
        let runtime = try makeProbeRuntime()
        let result: RpcValue = try runtime.run { env, _ in try await env.PROBE.failLater() }
        #expect(result == "ok")
        #expect(logLines(runtime) == ["Uncaught (in promise) RangeError: late failure"])
        expectNoLeaks(runtime)
    }

    /// §1.7: tasks get 30 s after the context ends, then are cancelled with the log line.
    @Test func drainTimeout() throws {
        let runtime = try makeProbeRuntime()
        _ = try runtime.run { env, _ in try await env.PROBE.lingers() }
        #expect(logLines(runtime) == [RpcError.Message.waitUntilCancelled])
        #expect(ended(runtime) == ["0ms ctx1 returned", "30000ms ctx2 cancelled"])
        let settled = runtime.log.events().compactMap { e -> String? in
            if case .taskSettled(let task, _, let outcome) = e.payload { return "\(task) \(outcome)" }
            return nil
        }
        #expect(settled == ["task1 cancelled"])
        expectNoLeaks(runtime)
    }

    /// Callbacks reverse the direction of a call: the function runs where it was created.
    @Test func callbacksRunInTheCaller() throws {
        let runtime = try makeProbeRuntime()
        let value: RpcValue = try runtime.run { env, ctx in
            let double = RpcFunction { (x: Int) async -> String in "\(ExecutionContext.current?.worker ?? "?") \(x * 2)" }
            return try await env.PROBE.call(.function(double), 21)
        }
        #expect(value == "client 42")
        expectNoLeaks(runtime)
    }

    /// §6.2: a stub passed on to a third worker still reaches its target, through the introducer.
    @Test func forwardingThroughTheIntroducer() throws {
        let runtime = try makeProbeRuntime()
        let value: RpcValue = try runtime.run { env, _ in
            let times3 = RpcFunction { (x: Int) in x * 3 }
            return try await env.PROBE.forwardTo(.function(times3), 5)
        }
        #expect(value == 15)
        let routes = runtime.log.events().compactMap { e -> String? in
            if case .callStarted(let c) = e.payload { return "\(c.callerWorker)→\(c.calleeWorker) \(c.target)" }
            return nil
        }
        #expect(routes == ["client→probe PROBE", "probe→third THIRD", "third→probe stub2", "probe→client forwarded"])
        expectNoLeaks(runtime)
    }

    /// §1.9, §6.5: aborting a context rejects the aborting call with the reason; stubs it
    /// hosts then fail with the "no longer running" error, and its targets are disposed.
    @Test func abortBreaksTheContext() throws {
        let runtime = try makeProbeRuntime()
        let (first, aborted, after): (RpcValue, RpcError?, RpcError?) = try runtime.run { env, _ in
            let session = try await env.PROBE.session()
            guard case .stub(let counter) = session["counter"], case .stub(let abort) = session["abort"] else {
                return (.undefined, nil, nil)
            }
            let first = try await counter.increment(1)
            var abortError: RpcError?
            do { _ = try await abort("boom") } catch { abortError = error as? RpcError }
            var afterError: RpcError?
            do { _ = try await counter.increment(1) } catch { afterError = error as? RpcError }
            await runtime.disposeValue(session)
            return (first, abortError, afterError)
        }
        #expect(first == 1)
        #expect(aborted == RpcError(name: "RangeError", message: "boom", remote: true))
        #expect(after?.message == "The execution context which hosts this callback is no longer running.")
        #expect(logLines(runtime) == ["Counter#0 disposed"])
        #expect(ended(runtime) == ["0ms ctx2 aborted", "0ms ctx1 returned"])
        expectNoLeaks(runtime)
    }

    /// §4.10, §6.3: when the caller's context ends, the stubs it still holds are disposed,
    /// which lets the callee's context return; a session still held open after that (here by a
    /// call that never settles) is cancelled.
    @Test func callerEndDisposesThenCancels() throws {
        let runtime = try makeProbeRuntime()
        _ = try runtime.run { env, _ -> RpcValue in
            _ = try await env.PROBE.makeCounter(7)
            _ = try env.PROBE.never.start()
            return .undefined
        }
        #expect(ended(runtime).prefix(3) == ["0ms ctx2 returned", "0ms ctx3 cancelled", "0ms ctx1 returned"])
        expectNoLeaks(runtime)
    }
}

/// §4.12: a stub belongs to the request that received it.
@Suite struct CrossRequestTests {
    @Test func aStubFromAnotherRequestCannotBeUsed() throws {
        let runtime = try makeProbeRuntime()
        let (inOwn, fromOther, promiseValue): (RpcValue, RpcError?, RpcValue) = try runtime.run { env, ctx in
            let counter: Stub = try await env.PROBE.makeCounter(1)
            defer { counter.dispose() }
            let promise = try env.PROBE.add.start(2, 3)
            let inOwn = try await counter.increment(1)
            let other = await runtime.beginRequest()
            let (fromOther, promiseValue) = await runtime.withContext(other) { () async -> (RpcError?, RpcValue) in
                var failure: RpcError?
                do { _ = try await counter.increment(1) } catch { failure = error as? RpcError }
                // A promise of a simple value may be awaited from another request.
                let value = (try? await promise.value()) ?? .undefined
                return (failure, value)
            }
            await runtime.endRequest(other)
            return (inOwn, fromOther, promiseValue)
        }
        #expect(inOwn == 2)
        #expect(fromOther?.message == RpcError.Message.crossRequest("Client"))
        #expect(promiseValue == 5)
        expectNoLeaks(runtime)
    }
}
