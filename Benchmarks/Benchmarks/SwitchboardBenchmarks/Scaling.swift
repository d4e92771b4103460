import Benchmark
import BenchSupport
import RPCEngine

#if canImport(Glibc)
import Glibc
#endif

/// A runtime whose open request holds `count` live counter stubs, each a distinct `RpcTarget`
/// exported by one session (so the stub table, the request's held table and the session's
/// import and export tables all hold `count` entries). Built once per benchmark, with the log
/// off while building; the log is on for the measured calls.
final class StubWorld: @unchecked Sendable {  // used only from the benchmark thread
    let runtime: Runtime
    let ctx: ExecutionContext
    let env: Env
    private(set) var counters: [Stub] = []
    private(set) var factory: Stub?

    init(count: Int) throws {
        runtime = makeRuntime(log: false)
        ctx = runtime.query { $0.beginRequest() }
        env = runtime.env(ofWorker: "client")
        let box = Unchecked(self)
        let outcome = Unchecked(OutcomeCell())
        runtime.start { [runtime, ctx, env] in
            do {
                try await runtime.withContext(ctx) {
                    let factory = try Stub(rpc: try await env.CALC.factory())
                    var made: [Stub] = []
                    made.reserveCapacity(count)
                    for _ in 0..<count { made.append(try Stub(rpc: try await factory.make())) }
                    box.value.factory = factory
                    box.value.counters = made
                }
            } catch {
                outcome.value.error = error
            }
        }
        runtime.runUntilIdle()
        if let error = outcome.value.error { throw error }
        runtime.log.isEnabled = true
    }

    /// Runs `body` in the world's request, on its loop.
    func run(_ body: @escaping @Sendable (Env, [Stub]) async throws -> Void) throws {
        let outcome = Unchecked(OutcomeCell())
        let box = Unchecked(self)
        runtime.start { [runtime, ctx, env] in
            do {
                try await runtime.withContext(ctx) { try await body(env, box.value.counters) }
            } catch {
                outcome.value.error = error
            }
        }
        runtime.runUntilIdle()
        if let error = outcome.value.error { throw error }
    }

    /// Ends the request (disposing every stub) with the log off.
    func close() {
        runtime.log.isEnabled = false
        let ctx = self.ctx
        runtime.query { $0.endRequest(ctx) }
    }
}

final class OutcomeCell {
    var error: (any Error)?
}

/// Worlds by size, built on first use and closed by the benchmark's teardown. Touched only by
/// the benchmark thread.
nonisolated(unsafe) var worlds: [Int: StubWorld] = [:]

func world(_ count: Int) throws -> StubWorld {
    if let w = worlds[count] { return w }
    let w = try StubWorld(count: count)
    worlds[count] = w
    return w
}

func registerScaling() {
    for count in [10, 10_000, 1_000_000] {
        let label = count.formatted()
        let teardown: Benchmark.BenchmarkTeardownHook = {
            worlds[count]?.close()
            worlds[count] = nil
        }
        // Fewer samples: the log is on and keeps every event of every sample.
        let config = Config.calls(Config.timeMetrics, maxDuration: .seconds(2), maxIterations: 300)

        Benchmark("Scaling: stub call counter.increment(1), \(label) live stubs, log on", configuration: config, closure: { benchmark in
            let w = try world(count)
            let m = Measure(benchmark, w.runtime)
            try w.run { _, counters in
                let counter = counters[counters.count / 2]
                m.start()
                var sum = 0
                for _ in m.iterations {
                    let n: Int = try await counter.increment(1)
                    sum &+= n
                }
                m.stop()
                blackHole(sum)
            }
        }, teardown: teardown)

        Benchmark("Scaling: typed call env.CALC.add(1, 2), \(label) live stubs, log on", configuration: config, closure: { benchmark in
            let w = try world(count)
            let m = Measure(benchmark, w.runtime)
            try w.run { env, _ in
                m.start()
                var sum = 0
                for _ in m.iterations {
                    let n: Int = try await env.CALC.add(1, 2)
                    sum &+= n
                }
                m.stop()
                blackHole(sum)
            }
        }, teardown: teardown)
    }
}

// MARK: memory per live stub

let residentPerStub = BenchmarkMetric.custom("resident bytes per live stub", polarity: .prefersSmaller, useScalingFactor: false)

func registerMemory() {
    // One sample creates 1,000,000 stubs (scalingFactor .mega): memoryLeakedBytes (bytes
    // requested from malloc and not freed) and mallocFreeDelta (blocks not freed) are then per
    // live stub. The resident figure is the RSS growth per stub: allocator overhead and the
    // benchmark's malloc interposer (a 16-byte header per block) included.
    let config = Benchmark.Configuration(
        metrics: [.wallClock, .memoryLeakedBytes, .mallocFreeDelta, residentPerStub],
        timeUnits: .nanoseconds, warmupIterations: 0, scalingFactor: .mega, maxDuration: .seconds(1), maxIterations: 1)

    Benchmark("Memory: 1M live stubs from dup(), log off", configuration: config) { benchmark in
        try measureRequest(benchmark, log: false) { env, _, m in
            let f = try Stub(rpc: try await env.CALC.newCounter())
            var copies: [Stub] = []
            copies.reserveCapacity(m.iterations.count)
            let rss = residentBytes()
            m.start()
            for _ in m.iterations { copies.append(try f.dup()) }
            m.stop()
            m.report(residentPerStub, (residentBytes() - rss) / m.iterations.count)
            blackHole(copies)
        }
    }

    Benchmark("Memory: 1M live RpcTarget stubs (one session), log off", configuration: config) { benchmark in
        try measureRequest(benchmark, log: false) { env, _, m in
            let factory = try Stub(rpc: try await env.CALC.factory())
            var made: [Stub] = []
            made.reserveCapacity(m.iterations.count)
            let rss = residentBytes()
            m.start()
            for _ in m.iterations { made.append(try Stub(rpc: try await factory.make())) }
            m.stop()
            m.report(residentPerStub, (residentBytes() - rss) / m.iterations.count)
            blackHole(made)
        }
    }
}

// MARK: event log

func registerEventLog() {
    let config = Config.calls([.wallClock, .throughput, .memoryLeakedBytes, .mallocCountTotal])
    let text = #"["push",["pipeline",0,["add"],[[1,2]]]]"#

    Benchmark("EventLog: append message event (prebuilt text)", configuration: config) { benchmark in
        let log = EventLog()
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            log.append(time: i, .message(session: SessionID(1), from: "client", to: "calc", text: text))
        }
        benchmark.stopMeasurement()
        blackHole(log)
    }

    Benchmark("EventLog: append callReturned event", configuration: config) { benchmark in
        let log = EventLog()
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            log.append(time: i, .callReturned(call: CallID(i), result: .number(3), durationMs: 0))
        }
        benchmark.stopMeasurement()
        blackHole(log)
    }

    Benchmark("EventLog: append, log disabled", configuration: config) { benchmark in
        let log = EventLog()
        log.isEnabled = false
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            log.append(time: i, .callReturned(call: CallID(i), result: .number(3), durationMs: 0))
        }
        benchmark.stopMeasurement()
        blackHole(log)
    }
}
