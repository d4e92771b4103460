import Benchmark
import BenchSupport
import RPCEngine

/// `scenarios/00-tour.scenario` does not exist on this branch yet, nor does the scenario
/// interpreter, so this replays a representative tour written against the engine's API: the
/// same features in the same order as the guided tour's steps (binding call, function by
/// reference, RpcTarget, pipelining, callback, dup/dispose, waitUntil with a virtual sleep),
/// each step narrated with a `step` event. One sample is one replay: a new runtime from its
/// configuration, the program, settling (waitUntil drains, disposers), and the transcript text
/// of the whole log — what `switchboard run` does with a scenario.
func tour(_ runtime: Runtime) throws -> Int {
    try runtime.run { env, _ in
        runtime.step("A service binding: another worker's method", line: 1)
        let sum: Int = try await env.CALC.add(1, 2)

        runtime.step("A function returned by reference keeps its state in the callee", line: 2)
        let counter = try Stub(rpc: try await env.CALC.newCounter())
        var total: Int = try await counter(2)
        total += try await counter(1) as Int
        total += try await counter(-5) as Int

        runtime.step("An RpcTarget: calls run on the object, where it lives", line: 3)
        let target = try Stub(rpc: try await env.CALC.makeCounter(5))
        total += try await target.increment(1) as Int
        target.dispose()

        runtime.step("Pipelining: call the result before it arrives", line: 4)
        let promise = try env.CALC.makeCounter.start(10)
        total += try await promise.increment(2) as Int
        promise.dispose()

        runtime.step("A callback: the callee calls back into the caller", line: 5)
        total += try await env.CALC.callBack(.function(RpcFunction(name: "double") { (x: Int) in x * 2 }), 21) as Int

        runtime.step("dup() and dispose()", line: 6)
        let copy = try counter.dup()
        total += try await copy(1) as Int
        copy.dispose()
        counter.dispose()

        runtime.step("waitUntil keeps working after the response", line: 7)
        let answer: String = try await env.CALC.signup("ada@example.com")
        await runtime.settle()
        return sum + total + answer.utf8.count
    }
}

let eventsPerReplay = BenchmarkMetric.custom("events per replay", polarity: .prefersSmaller, useScalingFactor: false)

func registerReplay() {
    Benchmark(
        "Replay: representative tour (00-tour.scenario absent) + transcript",
        configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal, eventsPerReplay], timeUnits: .microseconds,
                             warmupIterations: 3, maxDuration: .seconds(2))
    ) { benchmark in
        let runtime = makeRuntime(log: true)
        blackHole(try tour(runtime))
        let text = runtime.log.text
        benchmark.stopMeasurement()
        benchmark.measurement(eventsPerReplay, runtime.log.count)
        blackHole(text)
    }
}
