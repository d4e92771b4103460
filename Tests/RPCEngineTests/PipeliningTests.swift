import Testing
@testable import RPCEngine

/// §5: promise pipelining, error propagation, E-order.
@Suite struct PipeliningTests {
    /// §5.1: a call on an un-awaited promise is sent at once, on the promised path.
    @Test func pipelinedCallOnAPendingResult() throws {
        let runtime = try makeProbeRuntime()
        let (value, counter): (RpcValue, RpcValue) = try runtime.run { env, _ in
            let promise = try env.PROBE.makeCounter.start(1)
            let value = try await promise.increment(2)
            let counter = try await promise.value()
            promise.dispose()
            return (value, counter)
        }
        #expect(value == 3)
        guard case .stub = counter else { Issue.record("expected a stub, got \(counter)"); return }
        let pipelined = runtime.log.events().compactMap { e -> String? in
            if case .callStarted(let c) = e.payload, let on = c.pipelinedOn { return "\(c.call) on \(on)" }
            return nil
        }
        #expect(pipelined == ["call2 on call1"])
        #expect(runtime.log.text.contains("[\"push\",[\"pipeline\",1,[\"increment\"],[[2]]]]"))
        expectNoLeaks(runtime)
    }

    /// §5.3: when the first call fails, calls pipelined on it fail with the same error.
    @Test func pipelinedCallsShareTheFirstCallsError() throws {
        let runtime = try makeProbeRuntime()
        let (first, second): (RpcError?, RpcError?) = try runtime.run { env, _ in
            let promise = try env.PROBE.fail.start("RangeError", "nope")
            var pipelinedError: RpcError?
            do { _ = try await promise.anything(1) } catch { pipelinedError = error as? RpcError }
            var firstError: RpcError?
            do { _ = try await promise.value() } catch { firstError = error as? RpcError }
            return (firstError, pipelinedError)
        }
        #expect(first?.message == "nope")
        #expect(second == first)
        expectNoLeaks(runtime)
    }

    /// §5.2: pipelining on a result that is not an object fails naming the first segment.
    @Test func pipeliningOnAPrimitive() throws {
        let runtime = try makeProbeRuntime()
        let e = rpcError {
            try runtime.run { env, _ -> RpcValue in
                let promise = try env.PROBE.add.start(1, 2)
                return try await promise.foo()
            }
        }
        #expect(e?.name == "TypeError")
        #expect(e?.message == "The RPC receiver does not implement the method \"foo\".")
        expectNoLeaks(runtime)
    }

    /// §5.4: after the promise settled, pipelining goes through the resolved value.
    @Test func pipeliningAfterResolution() throws {
        let runtime = try makeProbeRuntime()
        let (value, primitive): (RpcValue, RpcError?) = try runtime.run { env, _ in
            let promise = try env.PROBE.makeCounter.start(5)
            _ = try await promise.value()
            let value = try await promise.increment(1)
            let sum = try env.PROBE.add.start(1, 2)
            _ = try await sum.value()
            var failure: RpcError?
            do { _ = try await sum.foo() } catch { failure = error as? RpcError }
            promise.dispose()
            return (value, failure)
        }
        #expect(value == 6)
        #expect(primitive?.message == "Can't pipeline on RPC that did not return an object.")
        expectNoLeaks(runtime)
    }

    /// §5.7: calls through one stub are delivered in the order they were made, even when the
    /// earlier one was not awaited.
    @Test func eOrder() throws {
        let runtime = try makeProbeRuntime()
        let (awaited, started): (RpcValue, RpcValue) = try runtime.run { env, _ in
            let counter: Stub = try await env.PROBE.makeCounter(1)
            defer { counter.dispose() }
            let first = try counter.increment.start(1)
            let second = try await counter.increment(10)
            return (second, try await first.value())
        }
        #expect(started == 2)
        #expect(awaited == 12)
        expectNoLeaks(runtime)
    }

    /// Calls through different stubs have no order between them; both complete.
    @Test func startedBindingCallsRunConcurrently() throws {
        let runtime = try makeProbeRuntime()
        let (values, time): ([RpcValue], Int) = try runtime.run { env, ctx in
            let a = try env.PROBE.slow.start(30)
            let b = try env.PROBE.slow.start(20)
            let values = [try await a.value(), try await b.value()]
            return (values, ctx.now)
        }
        #expect(values == [30, 20])
        #expect(time == 30)
        expectNoLeaks(runtime)
    }

    /// §4.8: a disposed promise cannot be used.
    @Test func promiseUsedAfterDispose() throws {
        let runtime = try makeProbeRuntime()
        let e = rpcError {
            try runtime.run { env, _ -> RpcValue in
                let promise = try env.PROBE.makeCounter.start(1)
                promise.dispose()
                return try await promise.increment(1)
            }
        }
        #expect(e?.message == "RPC promise used after being disposed.")
        expectNoLeaks(runtime)
    }
}
