import Benchmark
import BenchSupport
import RPCEngine

/// Switchboard's calls, each as a worker writes it, inside one request of the primary worker.
/// Every call is faithful unless the name says otherwise: the binding is looked up by name, a
/// new session and callee context open and close, arguments and results are copied across,
/// the import/export tables are kept, and (log on) every event is recorded.

let eventsPerCall = BenchmarkMetric.custom("events per op", polarity: .prefersSmaller, useScalingFactor: false)
let latency = BenchmarkMetric.custom("latency per call (ns)", polarity: .prefersSmaller, useScalingFactor: false)

/// Runs `body` and reports the events it appended per iteration.
func countingEvents(_ m: Measure, _ body: () async throws -> Void) async rethrows {
    let before = m.runtime.log.count
    m.start()
    try await body()
    m.stop()
    if m.runtime.log.isEnabled { m.report(eventsPerCall, (m.runtime.log.count - before) / max(m.iterations.count, 1)) }
}

func registerEngine() {
    for log in [true, false] {
        let suffix = log ? "log on" : "log off"
        let metrics = Config.callMetrics + (log ? [eventsPerCall] : [])

        Benchmark("Switchboard: typed call env.CALC.add(1, 2) → Int, \(suffix)", configuration: Config.calls(metrics)) { benchmark in
            try measureRequest(benchmark, log: log) { env, _, m in
                try await countingEvents(m) {
                    var sum = 0
                    for _ in m.iterations {
                        let n: Int = try await env.CALC.add(1, 2)
                        sum &+= n
                    }
                    blackHole(sum)
                }
            }
        }

        Benchmark("Switchboard: dynamic call add(RpcValue, RpcValue) → RpcValue, \(suffix)", configuration: Config.calls(metrics)) { benchmark in
            try measureRequest(benchmark, log: log) { env, _, m in
                let args: [RpcValue] = [.number(1), .number(2)]
                let calc = env.CALC
                try await countingEvents(m) {
                    for _ in m.iterations {
                        blackHole(try await calc.add.dynamicallyCall(withArguments: args) as RpcValue)
                    }
                }
            }
        }
    }

    Benchmark("Switchboard: typed call latency, log on", configuration: Config.calls([.wallClock, latency])) { benchmark in
        try measureRequest(benchmark) { env, _, m in
            var samples: [Int] = []
            samples.reserveCapacity(m.iterations.count)
            m.start()
            for _ in m.iterations {
                let t0 = nowNanos()
                let n: Int = try await env.CALC.add(1, 2)
                samples.append(nowNanos() - t0)
                blackHole(n)
            }
            m.stop()
            for s in samples { m.report(latency, s) }
        }
    }

    let withEvents = Config.calls(Config.callMetrics + [eventsPerCall])

    Benchmark("Switchboard: function stub call f(1), log on", configuration: withEvents) { benchmark in
        try measureRequest(benchmark) { env, _, m in
            let f = try Stub(rpc: try await env.CALC.newCounter())
            try await countingEvents(m) {
                var sum = 0
                for _ in m.iterations {
                    let n: Int = try await f(1)
                    sum &+= n
                }
                blackHole(sum)
            }
            f.dispose()
        }
    }

    Benchmark("Switchboard: callback round trip CALC.callBack(fn, 1) → fn(1), log on", configuration: withEvents) { benchmark in
        try measureRequest(benchmark) { env, _, m in
            let fn = RpcValue.function(RpcFunction(name: "plusOne") { (x: Int) in x + 1 })
            try await countingEvents(m) {
                var sum = 0
                for _ in m.iterations {
                    let n: Int = try await env.CALC.callBack(fn, 1)
                    sum &+= n
                }
                blackHole(sum)
            }
        }
    }

    Benchmark("Switchboard: pipelined call makeCounter.start(1).increment(1), log on", configuration: withEvents) { benchmark in
        try measureRequest(benchmark) { env, _, m in
            try await countingEvents(m) {
                var sum = 0
                for _ in m.iterations {
                    let counter = try env.CALC.makeCounter.start(1)
                    let n: Int = try await counter.increment(1)
                    counter.dispose()
                    sum &+= n
                }
                // The tasks the calls started (delivery, the target's dispose) run before the
                // measurement stops.
                await m.runtime.settle()
                blackHole(sum)
            }
        }
    }

    Benchmark("Switchboard: stub create + dispose (dup, dispose), log on", configuration: withEvents) { benchmark in
        try measureRequest(benchmark) { env, _, m in
            let f = try Stub(rpc: try await env.CALC.newCounter())
            try await countingEvents(m) {
                for _ in m.iterations {
                    let copy = try f.dup()
                    copy.dispose()
                }
            }
            f.dispose()
        }
    }

    Benchmark("Switchboard: call returning an RpcTarget makeCounter(1), then dispose, log on", configuration: withEvents) { benchmark in
        try measureRequest(benchmark) { env, _, m in
            try await countingEvents(m) {
                for _ in m.iterations {
                    let counter = try Stub(rpc: try await env.CALC.makeCounter(1))
                    counter.dispose()
                }
                await m.runtime.settle()  // the counters' dispose callbacks run inside the measurement
            }
        }
    }
}
