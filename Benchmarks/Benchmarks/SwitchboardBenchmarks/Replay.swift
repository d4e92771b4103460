import Benchmark
import BenchSupport
import Foundation
import RPCEngine
import Scenarios

// MARK: scenarios/00-tour.scenario through the interpreter

/// The repository's `scenarios/` folder, found from this source file's path (the benchmark
/// runs from wherever the plugin starts it).
let scenariosFolder: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    // …/Benchmarks/Benchmarks/SwitchboardBenchmarks/Replay.swift → the repository root.
    parts.removeLast(4)
    return parts.joined(separator: "/") + "/scenarios"
}()

/// The guided tour's text, read once.
let tourText: String = (try? String(contentsOfFile: scenariosFolder + "/00-tour.scenario", encoding: .utf8)) ?? ""

// MARK: the same features through the engine's API, no interpreter

/// The tour's features written against the engine's API: a binding call, a function returned by
/// reference, an RpcTarget, pipelining, a callback, dup/dispose, waitUntil with a virtual sleep,
/// each step narrated with a `step` event. Measures the engine's share of a replay.
func apiTour(_ runtime: Runtime) throws -> Int {
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
    let config = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal, eventsPerReplay], timeUnits: .microseconds,
        warmupIterations: 3, maxDuration: .seconds(2))

    // One sample is one replay, as `switchboard run --trace` does it: parse and check the file,
    // build the runtime from its header, interpret the script, settle, and render the
    // transcript and the event log's text.
    Benchmark("Replay: scenarios/00-tour.scenario (parse, run, transcript, trace)", configuration: config) { benchmark in
        guard !tourText.isEmpty else {
            benchmark.error("scenarios/00-tour.scenario not found under \(scenariosFolder)")
            return
        }
        let run = ScenarioRunner.run(fileName: "00-tour.scenario", text: tourText)
        let transcript = run.transcript.text
        let trace = run.trace
        benchmark.stopMeasurement()
        guard case .passed = run.status else {
            benchmark.error("the tour did not pass: \(run.status)")
            return
        }
        benchmark.measurement(eventsPerReplay, run.runtime?.log.count ?? 0)
        blackHole(transcript)
        blackHole(trace)
    }

    Benchmark("Replay: the tour's features through the engine API (no interpreter) + trace", configuration: config) { benchmark in
        let runtime = makeRuntime(log: true)
        blackHole(try apiTour(runtime))
        let text = runtime.log.text
        benchmark.stopMeasurement()
        benchmark.measurement(eventsPerReplay, runtime.log.count)
        blackHole(text)
    }
}
