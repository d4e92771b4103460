import Benchmark
import BenchSupport
import Inspector
import RPCEngine
import TerminalUI

// MARK: the logs

/// One engine-made log of a little over 1,000,000 events (`InspectorLog.generate`), built once
/// per process, and its prefixes of 10 and 10,000 events.
let inspectorBigLog: EventLog = try! InspectorLog.generate(atLeast: 1_000_000)
nonisolated(unsafe) var inspectorLogs: [Int: EventLog] = [:]
func inspectorLog(_ count: Int) -> EventLog {
    if let log = inspectorLogs[count] { return log }
    let log = InspectorLog.prefix(of: inspectorBigLog, count)
    inspectorLogs[count] = log
    return log
}

let frameSize = Size(width: 200, height: 60)

func registerInspector() {
    // MARK: fold

    // One sample folds the first 1,000,000 events of the log into a fresh timeline, as the
    // inspector does when it opens a log (`Timeline.ingest`: the head model, an undo record per
    // event, snapshots for time travel). Reported per event.
    let fold = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .nanoseconds, warmupIterations: 1,
        scalingFactor: .mega, maxDuration: .seconds(10), maxIterations: 10)
    Benchmark("Inspector: fold the log (Timeline.ingest), per event", configuration: fold) { benchmark in
        let log = inspectorBigLog
        let count = benchmark.scaledIterations.count
        var timeline = Timeline(log: log)
        benchmark.startMeasurement()
        timeline.ingest(upTo: count)
        benchmark.stopMeasurement()
        precondition(timeline.known == count)
        blackHole(timeline)
    }
    // The model alone (`InspectorModel.apply`: no undo records kept, no snapshots).
    Benchmark("Inspector: fold the log (InspectorModel.apply only), per event", configuration: fold) { benchmark in
        let events = inspectorBigLog.events(from: 1, to: benchmark.scaledIterations.count + 1)
        var model = InspectorModel()
        benchmark.startMeasurement()
        for event in events { model.apply(event) }
        benchmark.stopMeasurement()
        blackHole(model)
    }

    // MARK: frames

    let frame = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .microseconds, warmupIterations: 10,
        maxDuration: .seconds(2), maxIterations: 2_000)
    for count in [10, 10_000, 1_000_000] {
        let label = [10: "10", 10_000: "10,000", 1_000_000: "1,000,000"][count]!
        // The state is made (and the log folded) in the setup, outside the measurement; a
        // sample is one frame.

        // A frame after a key that moves the selection (`j`/`k` in the Calls pane), through
        // the real driver: the update, the render of the whole 200×60 screen, the backend's
        // diff against the previous frame. Live mode: the panes show the newest records.
        frameBenchmark("Inspector: frame 200×60 after j/k, \(label) events", count: count, keys: ("j", "k"), frame)

        // A frame after a step in time (`,` / `.`): the time cursor moves a step back or
        // forward (undoing or folding that step's events), every pane's rows follow, redraw.
        frameBenchmark("Inspector: frame 200×60 after a time step, \(label) events", count: count, keys: (",", "."), frame)

        // The render alone: `InspectorRenderer.render` of an unchanged state into a new grid.
        Benchmark("Inspector: render 200×60 (renderer only), \(label) events", configuration: frame) { benchmark in
            let state = InspectorState(log: inspectorLog(count), title: "bench", mode: .live, size: frameSize)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(InspectorRenderer.render(state, size: frameSize))
            }
            benchmark.stopMeasurement()
        }
    }
}

/// One frame per sample through the real driver on a `MemoryBackend` of 200×60: the two keys
/// alternate, so the state goes back and forth instead of running off an end.
func frameBenchmark(_ name: String, count: Int, keys: (String, String), _ configuration: Benchmark.Configuration) {
    Benchmark(name, configuration: configuration) { benchmark in
        let backend = MemoryBackend(size: frameSize)
        let app = InspectorApp(host: LogHost(log: inspectorLog(count)), backend: backend)
        try app.processPendingInput()
        var first = true
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            backend.enqueue(keyNames: [first ? keys.0 : keys.1])
            first.toggle()
            try app.processPendingInput()
        }
        benchmark.stopMeasurement()
        blackHole(backend.frameCount)
    }
}
