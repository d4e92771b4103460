import BenchSupport
import Inspector
import RPCEngine
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// The inspector's workloads for profilers: the fold of a log, and frames of 200×60.
enum InspectorProfile {
    static func run(_ workload: String, events n: Int) throws {
        let log = InspectorLog.prefix(of: try InspectorLog.generate(atLeast: n), n)
        let clock = ContinuousClock()
        func ns(_ d: Duration) -> Double { Double(d.components.seconds) * 1e9 + Double(d.components.attoseconds) / 1e9 }
        if workload == "fold" {
            var timeline = Timeline(log: log)
            let start = clock.now
            timeline.ingest()
            let elapsed = ns(clock.now - start)
            print("fold n=\(n): \(Int(elapsed / Double(n))) ns/event, \(Int(Double(n) / elapsed * 1e9)) events/s")
            return
        }
        let backend = MemoryBackend(size: Size(width: 200, height: 60))
        let app = InspectorApp(host: LogHost(log: log), backend: backend)
        try app.processPendingInput()
        let keys = workload == "step" ? [",", "."] : ["j", "k"]
        let frames = Int(getenv("FRAMES").map { String(cString: $0) } ?? "200") ?? 200
        let start = clock.now
        for i in 0..<frames {
            backend.enqueue(keyNames: [keys[i % 2]])
            try app.processPendingInput()
        }
        let elapsed = ns(clock.now - start)
        print("\(workload) n=\(n): \(Int(elapsed / Double(frames) / 1000)) µs/frame")
    }
}
