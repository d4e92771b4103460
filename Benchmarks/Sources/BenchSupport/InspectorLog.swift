import RPCEngine

/// Event logs for the inspector's benchmarks, made by the engine itself (not synthesized), so
/// the fold and the panes see the mix a real session produces: binding calls, functions and
/// `RpcTarget`s returned by reference, pipelining, callbacks, dup/dispose, `waitUntil` tasks
/// with their logs, narrated steps, and requests that end (auto-disposal, context ends).
public enum InspectorLog {
    /// One request's worth of the mix: `rounds` rounds of calls, a `step` every 8 rounds.
    static func request(_ runtime: Runtime, rounds: Int, first: Int) throws {
        try runtime.run { env, _ in
            for r in first..<(first + rounds) {
                if r % 8 == 0 { runtime.step("round \(r)", line: r) }
                let _: Int = try await env.CALC.add(r, 2)
                let counter = try Stub(rpc: try await env.CALC.newCounter())
                let _: Int = try await counter(1)
                let copy = try counter.dup()
                let _: Int = try await copy(2)
                copy.dispose()
                let target = try Stub(rpc: try await env.CALC.makeCounter(r))
                let _: Int = try await target.increment(1)
                target.dispose()
                let promise = try env.CALC.makeCounter.start(1)
                let _: Int = try await promise.increment(2)
                promise.dispose()
                let _: Int = try await env.CALC.callBack(.function(RpcFunction(name: "double") { (x: Int) in x * 2 }), .number(Double(r)))
                if r % 4 == 0 { let _: String = try await env.CALC.signup("user\(r)@example.com") }
                // `counter` is left for the request's end to dispose (contextEnded).
            }
            await runtime.settle()
        }
    }

    /// A log of at least `count` events from a fresh runtime (requests of 16 rounds, about
    /// 1,500 events each).
    public static func generate(atLeast count: Int) throws -> EventLog {
        let runtime = makeRuntime(log: true)
        var round = 0
        while runtime.log.count < count {
            try request(runtime, rounds: 16, first: round)
            round += 16
        }
        return runtime.log
    }

    /// A new log holding the first `count` events of `log` (same payloads and times; the seqs
    /// are the same because both start at 1).
    public static func prefix(of log: EventLog, _ count: Int) -> EventLog {
        let copy = EventLog()
        for event in log.events(from: 1, to: count + 1) { copy.append(time: event.time, event.payload) }
        return copy
    }
}
