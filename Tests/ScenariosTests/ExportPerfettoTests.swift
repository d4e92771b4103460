import Foundation
import RPCEngine
import Testing

@testable import Scenarios

/// `PerfettoExporter`: Chrome trace-event JSON with a process per worker, a thread per context,
/// async slices for calls and waitUntil tasks, flow arrows from caller to callee, and instants
/// for disposals.
@Suite struct ExportPerfettoTests {
    /// One trace event, as Foundation parsed it.
    struct TraceEvent {
        let raw: [String: Any]
        var ph: String { raw["ph"] as? String ?? "" }
        var name: String { raw["name"] as? String ?? "" }
        var cat: String? { raw["cat"] as? String }
        var pid: Int? { raw["pid"] as? Int }
        var tid: Int? { raw["tid"] as? Int }
        var id: Int? { raw["id"] as? Int }
        var ts: Double { (raw["ts"] as? NSNumber)?.doubleValue ?? -1 }
        var args: [String: Any] { raw["args"] as? [String: Any] ?? [:] }
        var seq: Int? { args["seq"] as? Int }
    }

    /// The trace of `events`, parsed; records an issue unless it is `{"traceEvents":[...]}`.
    func trace(_ events: [Event], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [TraceEvent] {
        let text = PerfettoExporter.export(events)
        guard let root = ExportFixtures.json(text, sourceLocation: sourceLocation) as? [String: Any],
            let list = root["traceEvents"] as? [[String: Any]]
        else {
            Issue.record("no traceEvents array", sourceLocation: sourceLocation)
            return []
        }
        return list.map(TraceEvent.init)
    }

    @Test func isJSONWithTraceEvents() throws {
        let events = try ExportFixtures.richLog()
        let text = PerfettoExporter.export(events)
        #expect(text.hasPrefix("{\"traceEvents\":[\n"))
        #expect(text.hasSuffix("\n]}\n"))
        let parsed = trace(events)
        #expect(!parsed.isEmpty)
        for event in parsed {
            #expect(["M", "B", "E", "b", "e", "s", "f", "i"].contains(event.ph), "\(event.raw)")
            #expect(event.pid != nil, "\(event.raw)")
            #expect(event.raw["ts"] != nil, "\(event.raw)")
        }
        #expect(PerfettoExporter.export(events) == text, "a pure function of the log")
        #expect(trace([]).isEmpty)
    }

    @Test func oneProcessPerWorker() throws {
        let parsed = trace(try ExportFixtures.richLog())
        let names = parsed.filter { $0.ph == "M" && $0.name == "process_name" }
        #expect(names.map { $0.args["name"] as? String } == ["client", "counter-service", "greeter", "toolkit"])
        #expect(names.map(\.pid) == [1, 2, 3, 4])
    }

    @Test func oneThreadPerContext() throws {
        let events = try ExportFixtures.richLog()
        let parsed = trace(events)
        let threads = parsed.filter { $0.ph == "M" && $0.name == "thread_name" }
        let began = events.compactMap { event -> ContextBegan? in
            if case .contextBegan(let e) = event.payload { return e }
            return nil
        }
        #expect(threads.count == began.count)
        #expect(Set(threads.compactMap(\.tid)).count == began.count)
        #expect(threads.first?.args["name"] as? String == "ctx1 request")
        #expect(threads.dropFirst().first?.args["name"] as? String == "ctx2 rpc session CounterService")
        let pids = Set(parsed.filter { $0.name == "process_name" }.compactMap(\.pid))
        #expect(pids.isDisjoint(with: threads.compactMap(\.tid)), "a tid never equals a pid")
        // Each context's life is one B/E thread slice on its own thread.
        for e in began {
            let slices = parsed.filter { ($0.ph == "B" || $0.ph == "E") && $0.args["ctx"] as? String == e.ctx.description }
            #expect(slices.count == 1, "\(e.ctx)")
        }
        #expect(parsed.filter { $0.ph == "B" }.count == began.count)
        #expect(parsed.filter { $0.ph == "E" }.count == began.count)
    }

    @Test func everyFinishedCallIsAnAsyncSlicePair() throws {
        let events = try ExportFixtures.richLog()
        let parsed = trace(events)
        let finished = events.compactMap { event -> CallID? in
            switch event.payload {
            case .callReturned(let call, _, _), .callThrew(let call, _, _): return call
            default: return nil
            }
        }
        #expect(finished.count == 7)
        for call in finished {
            let begins = parsed.filter { $0.ph == "b" && $0.cat == "call" && $0.id == call.raw }
            let ends = parsed.filter { $0.ph == "e" && $0.cat == "call" && $0.id == call.raw }
            #expect(begins.count == 1 && ends.count == 1, "\(call)")
            guard let b = begins.first, let e = ends.first else { continue }
            #expect(b.name == e.name)
            #expect(b.pid == e.pid)
            #expect(b.ts < e.ts)
        }
        let names = parsed.filter { $0.ph == "b" && $0.cat == "call" }.map(\.name)
        #expect(names == [
            "COUNTER.newCounter()", "stub1()", "stub1()", "GREETER.signup()", "TOOLKIT.makeCounter()",
            "stub2.increment()", "TOOLKIT.fail()",
        ])
        let failed = parsed.first { $0.ph == "e" && $0.name == "TOOLKIT.fail()" }
        #expect(failed?.args["error"] as? String == "TypeError: bad")
    }

    /// Flow arrows start on the caller's context thread and end on the callee's: the context a
    /// call opened, or the other end of the session a stub call travels on.
    @Test func flowsGoFromCallerToCallee() throws {
        let events = try ExportFixtures.richLog()
        let parsed = trace(events)
        let threadOf = Dictionary(
            parsed.filter { $0.ph == "M" && $0.name == "thread_name" }.map {
                (String(($0.args["name"] as? String ?? "").split(separator: " ")[0]), $0.tid ?? -1)
            }, uniquingKeysWith: { a, _ in a })
        let starts = parsed.filter { $0.ph == "s" }
        let ends = parsed.filter { $0.ph == "f" }
        #expect(!starts.isEmpty)
        #expect(starts.map(\.id) == ends.map(\.id))
        for end in ends { #expect(end.raw["bp"] as? String == "e") }
        func flow(_ call: Int) -> (from: Int?, to: Int?) {
            (starts.first { $0.id == call }?.tid, ends.first { $0.id == call }?.tid)
        }
        // call1 COUNTER.newCounter() opens ctx2; call2 and call3 are calls of the returned
        // function stub on the same session: all three go from ctx1 to ctx2.
        for call in [1, 2, 3] {
            #expect(flow(call).from == threadOf["ctx1"])
            #expect(flow(call).to == threadOf["ctx2"], "call\(call)")
        }
        // Every flow ends after it starts.
        for start in starts {
            let end = ends.first { $0.id == start.id }
            #expect((end?.ts ?? -1) > start.ts)
        }
    }

    @Test func disposalsAreInstants() throws {
        let parsed = trace(try ExportFixtures.richLog())
        let stubDisposals = parsed.filter { $0.ph == "i" && $0.name.hasPrefix("dispose stub") }
        #expect(stubDisposals.map(\.name) == ["dispose stub1", "dispose stub2"])
        for instant in stubDisposals {
            #expect(instant.raw["s"] as? String == "t")
            #expect(instant.args["reason"] as? String == "explicit")
        }
        let targetDisposals = parsed.filter { $0.ph == "i" && $0.cat == "target" }
        #expect(targetDisposals.map(\.name) == ["dispose Counter"])
        #expect(targetDisposals.first?.raw["s"] as? String == "p")
        #expect(targetDisposals.first?.pid == 4)
    }

    @Test func waitUntilTasksAreAsyncSlices() throws {
        let parsed = trace(try ExportFixtures.richLog())
        let tasks = parsed.filter { $0.cat == "waitUntil" }
        #expect(tasks.map(\.ph) == ["b", "e"])
        #expect(tasks.map(\.name) == ["sendEvent signup", "sendEvent signup"])
        #expect(tasks.map(\.pid) == [3, 3])
        #expect(tasks.last?.args["outcome"] as? String == "resolved")
        // The task settles at 50 ms on the virtual clock.
        #expect(tasks.last.map { $0.ts >= 50_000 && $0.ts < 50_001 } == true)
    }

    @Test func stepsAndLogsAreInstants() throws {
        let parsed = trace(try ExportFixtures.richLog())
        let step = parsed.first { $0.cat == "step" }
        #expect(step?.name == "Count")
        #expect(step?.pid == 1)
        #expect(step?.args["line"] as? Int == 7)
        let logs = parsed.filter { $0.cat == "log" }.map(\.name)
        #expect(logs == ["Counter#1 disposed", "event signup a@b.c"])
    }

    /// `ts` is non-decreasing on every thread — in fact strictly increasing over the whole trace,
    /// also after Perfetto's conversion to whole nanoseconds.
    @Test func timestampsIncreasePerThread() throws {
        let events = try ExportFixtures.richLog()
        let timed = trace(events).filter { $0.ph != "M" }
        var lastByThread: [String: Double] = [:]
        for event in timed {
            let key = "\(event.pid ?? -1)/\(event.tid ?? -1)"
            if let last = lastByThread[key] { #expect(event.ts >= last, "\(event.raw)") }
            lastByThread[key] = event.ts
        }
        let nanoseconds = timed.map { Int64($0.ts * 1000.0) }
        #expect(zip(nanoseconds, nanoseconds.dropFirst()).allSatisfy { $0 < $1 })
        // ts = time × 1000 + a sub-µs offset: each event stays inside its millisecond.
        let timeOfSeq = Dictionary(uniqueKeysWithValues: events.map { ($0.seq, $0.time) })
        for event in timed {
            guard let seq = event.seq, let time = timeOfSeq[seq] else { continue }
            #expect(event.ts >= Double(time * 1000) && event.ts < Double(time * 1000 + 1000), "\(event.raw)")
        }
    }

    @Test func microsecondsAreExactDecimals() {
        #expect(PerfettoExporter.microseconds(ticks: 0) == "0")
        #expect(PerfettoExporter.microseconds(ticks: 1) == "0.001953125")
        #expect(PerfettoExporter.microseconds(ticks: 256) == "0.5")
        #expect(PerfettoExporter.microseconds(ticks: 512) == "1")
        #expect(PerfettoExporter.microseconds(ticks: 50 * 512_000 + 3) == "50000.005859375")
        for ticks in [1, 7, 511, 513, 512_000 * 86_400_000 + 511] {
            let text = PerfettoExporter.microseconds(ticks: ticks)
            #expect(Double(text)! * 512 == Double(ticks), "\(text)")
        }
    }

    /// More trace events in one millisecond than it has slots: order is kept (ts strictly
    /// increasing), at the price of spilling into the next millisecond.
    @Test func crowdedMillisecondsKeepTheirOrder() {
        var events = (1...600).map { Event(seq: $0, time: 0, payload: .log(ctx: nil, worker: "w", level: .info, text: "x")) }
        events.insert(Event(seq: 0, time: 0, payload: .workerDeclared(try! declared("w"))), at: 0)
        events.append(Event(seq: 601, time: 1, payload: .log(ctx: nil, worker: "w", level: .info, text: "late")))
        let timed = trace(events).filter { $0.ph != "M" }
        #expect(timed.count == 601)
        #expect(zip(timed, timed.dropFirst()).allSatisfy { $0.ts < $1.ts })
        #expect(timed.last?.ts == 1000)
    }

    /// A `workerDeclared` payload from a real runtime (its initializer is the engine's).
    private func declared(_ name: String) throws -> WorkerDeclared {
        let runtime = try Runtime(configuration: RuntimeConfiguration(workers: [WorkerConfig(name: name)]), modules: [])
        guard case .workerDeclared(let w)? = runtime.log.events().first?.payload else { throw RpcError.error("none") }
        return w
    }
}
