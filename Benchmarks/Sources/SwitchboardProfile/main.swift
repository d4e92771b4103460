import BenchSupport
import RPCEngine

#if canImport(Glibc)
import Glibc
#endif

/// A driver for profilers: `SwitchboardProfile WORKLOAD [N] [log|nolog]` runs one workload N
/// times inside one request and prints the time per operation. Under
/// `valgrind --tool=callgrind` the instruction counts are repeatable; divide by N.
///
/// Workloads: typed, dynamic, stubcall, callback, pipelined, dup, target, empty; `layout` prints
/// the sizes of the event and value types; `scale N` times stub calls with N live stubs;
/// `fold N`, `frame N`, `step N` time the inspector's fold and frames with a log of N events.
let args = CommandLine.arguments
let workload = args.count > 1 ? args[1] : "typed"
let n = args.count > 2 ? Int(args[2]) ?? 10_000 : 10_000
let log = args.count > 3 ? args[3] != "nolog" : true

if workload == "fold" || workload == "frame" || workload == "step" {
    // `fold N`: fold an engine-made log of N events (Timeline.ingest), ns per event.
    // `frame N` / `step N`: 200 frames of 200×60 after j/k (or after a time step) with a log of
    // N events, µs per frame. The log is made first (outside the timing).
    try InspectorProfile.run(workload, events: n)
    exit(0)
}

if workload == "scale" {
    // `scale N`: N live RpcTarget stubs in one session (log off while building), then 31
    // batches of 1,000 stub calls with the log on; prints each batch's median ns per call.
    try Profile.scale(stubs: n)
    exit(0)
}

let runtime = makeRuntime(log: log)
let clock = ContinuousClock()
let start = clock.now
let result = try Profile.run(runtime, workload, n)
let elapsed = clock.now - start
let ns = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
print("\(workload) n=\(n) log=\(log): \(Int(ns / Double(n))) ns/op, \(runtime.log.count) events, result \(result)")
