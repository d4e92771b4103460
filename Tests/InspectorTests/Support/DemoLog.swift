import RPCEngine

/// The log of a five-step program on the demo workers, run on the virtual clock, so it is the
/// same event for event on every run. Tests check panes against it at several time-cursor
/// positions.
///
/// 1. `SVC.add(1, 2)`;
/// 2. a closure returned as a function stub, called twice, disposed;
/// 3. an `RpcTarget` returned through a promise, a call pipelined on it, a dup left to the end
///    of the request (disposed by `contextEnded`);
/// 4. a callback into the caller, a waitUntil task that outlives its call, a thrown error;
/// 5. a call pipelined on a call that throws (its promise breaks).
func makeDemoLog() throws -> EventLog {
    let runtime = try makeDemoRuntime()
    runtime.step("Add two numbers", line: 1)
    _ = try runtime.run { env, _ -> Int in try await env.SVC.add(1, 2) }
    runtime.step("A closure keeps its state", line: 4)
    _ = try runtime.run { env, _ -> Int in
        let f = try Stub(rpc: try await env.SVC.newCounter())
        _ = try await f(2)
        let r: Int = try await f(1)
        f.dispose()
        return r
    }
    runtime.step("A counter target, pipelined", line: 9)
    _ = try runtime.run { env, _ -> Int in
        let p = try env.SVC.makeCounter.start(5)
        let r: Int = try await p.increment(2)
        let c = try Stub(rpc: try await p.value())
        _ = try await c.increment(1)
        _ = try c.dup()
        c.dispose()
        return r
    }
    runtime.step("A callback, a waitUntil task and an error", line: 16)
    _ = try runtime.run { env, _ -> Int in
        let cb = RpcFunction { (x: Int) -> Int in x * 10 }
        _ = try await env.SVC.callBack(RpcValue.function(cb), 4)
        _ = try await env.SVC.signup("a@b")
        do { _ = try await env.SVC.fail("nope") } catch {}
        return 0
    }
    runtime.step("Pipelining on a failure", line: 21)
    _ = try runtime.run { env, _ -> Int in
        let p = try env.SVC.fail.start("boom")
        do { _ = try await p.increment(1) } catch {}
        return 0
    }
    return runtime.log
}

/// A new log holding the first `count` events of `log` (same payloads and times), as a session
/// stopped at that point would have.
func prefix(of log: EventLog, _ count: Int) -> EventLog {
    let copy = EventLog()
    for event in log.events(to: count + 1) { copy.append(time: event.time, event.payload) }
    return copy
}
