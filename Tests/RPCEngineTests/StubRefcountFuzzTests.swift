import Testing
@testable import RPCEngine

/// §4.5, §4.8, §4.9, §4.10, §6: random interleavings of call, dup, dispose and end of context
/// on a handful of stubs, checked against a reference model of refcounts: no crash, no leak,
/// no double dispose, every value and error as the model predicts.
@Suite struct StubRefcountFuzzTests {
    /// SplitMix64, so every run draws the same programs.
    struct Rng {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    enum Op: Sendable { case make, call(Int), dup(Int), dispose(Int), passAndKeep(Int) }

    /// The reference model: handles point at lineages; a lineage is disposed when its last
    /// live handle goes.
    struct Model {
        var handleLineage: [Int] = []
        var handleLive: [Bool] = []
        var lineageValue: [Int] = []
        var lineageLive: [Int] = []
        var disposed: [Int] = []

        mutating func release(_ h: Int) {
            guard handleLive[h] else { return }
            handleLive[h] = false
            let l = handleLineage[h]
            lineageLive[l] -= 1
            if lineageLive[l] == 0 { disposed.append(l) }
        }
    }

    /// Runs one random request and returns what the runtime did, next to what the model says.
    func runProgram(seed: UInt64) throws -> (expected: [String], actual: [String], disposedModel: [Int], disposedLog: [String], runtime: Runtime) {
        var rng = Rng(state: seed)
        let ops: [Op] = (0..<(8 + rng.next(16))).map { _ in
            switch rng.next(10) {
            case 0, 1: .make
            case 2, 3, 4: .call(rng.next(6))
            case 5, 6: .dup(rng.next(6))
            case 7: .passAndKeep(rng.next(6))
            default: .dispose(rng.next(6))
            }
        }
        var model = Model()
        var expected: [String] = []
        for op in ops {
            switch op {
            case .make:
                model.lineageValue.append(0)
                model.lineageLive.append(1)
                model.handleLineage.append(model.lineageValue.count - 1)
                model.handleLive.append(true)
                expected.append("make")
            case .call(let i), .passAndKeep(let i):
                guard !model.handleLineage.isEmpty else { expected.append("skip"); continue }
                let h = i % model.handleLineage.count
                if model.handleLive[h] {
                    model.lineageValue[model.handleLineage[h]] += 1
                    expected.append("\(model.lineageValue[model.handleLineage[h]])")
                } else {
                    expected.append("disposed")
                }
            case .dup(let i):
                guard !model.handleLineage.isEmpty else { expected.append("skip"); continue }
                let h = i % model.handleLineage.count
                if model.handleLive[h] {
                    model.handleLineage.append(model.handleLineage[h])
                    model.handleLive.append(true)
                    model.lineageLive[model.handleLineage[h]] += 1
                    expected.append("dup")
                } else {
                    expected.append("disposed")
                }
            case .dispose(let i):
                guard !model.handleLineage.isEmpty else { expected.append("skip"); continue }
                model.release(i % model.handleLineage.count)
                expected.append("ok")
            }
        }
        // The end of the request disposes the stubs still held, in creation order (§4.10).
        for h in model.handleLineage.indices { model.release(h) }

        let runtime = try makeProbeRuntime()
        let actual: [String] = try runtime.run { env, _ in
            var handles: [Stub] = []
            var lineage = 0
            var out: [String] = []
            for op in ops {
                switch op {
                case .make:
                    lineage += 1
                    handles.append(try await env.PROBE.makeCounter(lineage * 1000))
                    out.append("make")
                case .call(let i), .passAndKeep(let i):
                    guard !handles.isEmpty else { out.append("skip"); continue }
                    let stub = handles[i % handles.count]
                    do {
                        let v: Int
                        if case .passAndKeep = op {
                            v = try Int(rpc: try await env.PROBE.incrementVia(.stub(stub)))
                        } else {
                            v = try await stub.increment()
                        }
                        out.append("\(v % 1000)")
                    } catch let e as RpcError where e.message == RpcError.Message.usedAfterDispose {
                        out.append("disposed")
                    }
                case .dup(let i):
                    guard !handles.isEmpty else { out.append("skip"); continue }
                    do {
                        handles.append(try handles[i % handles.count].dup())
                        out.append("dup")
                    } catch let e as RpcError where e.message == RpcError.Message.usedAfterDispose {
                        out.append("disposed")
                    }
                case .dispose(let i):
                    guard !handles.isEmpty else { out.append("skip"); continue }
                    handles[i % handles.count].dispose()
                    out.append("ok")
                }
            }
            return out
        }
        return (expected, actual, model.disposed, logLines(runtime).filter { $0.hasPrefix("Counter#") }, runtime)
    }

    @Test func randomInterleavingsMatchTheModel() throws {
        for seed in UInt64(1)...1500 {
            let (expected, actual, disposedModel, disposedLog, runtime) = try runProgram(seed: seed)
            #expect(actual == expected, "seed \(seed)")
            // Each lineage's target disposed exactly once, in the order the model predicts.
            #expect(disposedLog == disposedModel.map { "Counter#\(($0 + 1) * 1000) disposed" }, "seed \(seed)")
            let stats = runtime.query { $0.stats }
            #expect(stats == Runtime.Stats(liveStubs: 0, pendingCalls: 0, pendingTasks: 0, liveContexts: 0, pendingDisposers: 0), "seed \(seed)")
            if actual != expected || stats.liveStubs != 0 { break }
        }
    }
}
