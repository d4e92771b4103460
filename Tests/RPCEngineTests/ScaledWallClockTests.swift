import Synchronization
import Testing
@testable import RPCEngine

/// Wall time a test moves by hand: the scaled wall clock reads it, so nothing here sleeps and
/// every time is exact.
final class ManualTime: Sendable {
    private let nanos = Mutex<UInt64>(7_000_000_000)  // any origin: the clock counts from its first reading
    var source: WallTimeSource { WallTimeSource { self.nanos.withLock { $0 } } }
    func advance(ms: UInt64) { nanos.withLock { $0 += ms * 1_000_000 } }
}

/// The runtime clock leaving virtual time for scaled wall time (the inspector's
/// `--slow-motion`), and `pump()` driving the loop without ever waiting for time to pass.
@Suite struct ScaledWallClockTests {
    func contextEnds(_ runtime: Runtime) -> [String] {
        runtime.log.events().compactMap { e in
            if case .contextEnded(let ctx, _, let reason) = e.payload { return "\(e.time)ms \(ctx) \(reason.rawValue)" }
            return nil
        }
    }

    @Test func theSwitchContinuesFromTheVirtualTimeReached() throws {
        let runtime = try makeProbeRuntime()
        let result: RpcValue = try runtime.run { env, _ in try await env.PROBE.signup("ada@example.com") }
        #expect(result == "Success")
        #expect(runtime.clock.mode == .virtual)
        #expect(runtime.clock.now == 50, "the waitUntil task slept 50 ms of virtual time")

        let time = ManualTime()
        runtime.clock.switchToWall(slowMotion: 4, source: time.source)
        #expect(runtime.clock.mode == .wall(slowMotion: 4))
        #expect(runtime.clock.now == 50, "no jump at the switch")
        time.advance(ms: 3)
        #expect(runtime.clock.now == 50, "3 real ms are 0.75 ms at a quarter speed")
        time.advance(ms: 1)
        #expect(runtime.clock.now == 51)
        time.advance(ms: 4_000)
        #expect(runtime.clock.now == 1_051)
    }

    @Test func aFactorBelowOneRunsFaster() {
        let time = ManualTime()
        let clock = RuntimeClock(.virtual)
        clock.switchToWall(slowMotion: 0.25, source: time.source)
        time.advance(ms: 10)
        #expect(clock.now == 40)
    }

    @Test func pumpWakesSleepersOnlyWhenTheWallTimeSaysSo() throws {
        let runtime = try makeProbeRuntime()
        let time = ManualTime()
        runtime.clock.switchToWall(slowMotion: 4, source: time.source)
        let woke = Mutex<[String]>([])
        runtime.start {
            try? await runtime.clock.sleep(ms: 1_000)
            woke.withLock { $0.append("a at \(runtime.clock.now)") }
        }
        runtime.start {
            try? await runtime.clock.sleep(ms: 500)
            woke.withLock { $0.append("b at \(runtime.clock.now)") }
        }
        #expect(runtime.pump() == .sleeping(until: 500))
        #expect(runtime.clock.sleeperCount == 2)

        time.advance(ms: 1_999)  // 499.75 ms of runtime time
        #expect(runtime.pump() == .sleeping(until: 500))
        #expect(woke.withLock { $0 }.isEmpty)

        time.advance(ms: 1)
        #expect(runtime.pump() == .sleeping(until: 1_000))
        #expect(woke.withLock { $0 } == ["b at 500"])

        time.advance(ms: 2_100)
        #expect(runtime.pump() == .idle)
        #expect(woke.withLock { $0 } == ["b at 500", "a at 1025"], "a sleeper wakes at the first pump past its deadline")
    }

    @Test func liveWorkLogsWallTimesAfterTheVirtualOnes() throws {
        let runtime = try makeProbeRuntime()
        _ = try runtime.run { env, _ in try await env.PROBE.signup("ada@example.com") }
        let time = ManualTime()
        runtime.clock.switchToWall(slowMotion: 4, source: time.source)

        let answer = Mutex<RpcValue?>(nil)
        runtime.start {
            let value = try? await runtime.request { env, _ in try await env.PROBE.signup("bo@example.com") }
            answer.withLock { $0 = value }
        }
        #expect(runtime.pump() == .sleeping(until: 100), "the second signup's event is due 50 ms after 50")
        #expect(answer.withLock { $0 } == "Success", "the call itself answers at once")
        #expect(contextEnds(runtime) == ["0ms ctx1 returned", "50ms ctx2 drained", "50ms ctx3 returned"])

        time.advance(ms: 199)
        #expect(runtime.pump() == .sleeping(until: 100))
        time.advance(ms: 1)
        #expect(runtime.pump() == .idle)
        #expect(contextEnds(runtime) == ["0ms ctx1 returned", "50ms ctx2 drained", "50ms ctx3 returned", "100ms ctx4 drained"])
        let times = runtime.log.events().map(\.time)
        #expect(times == times.sorted(), "times in the log never go backwards")
        expectNoLeaks(runtime)
    }

    /// Slicing the loop's work into pumps of one job changes nothing: same jobs, same order,
    /// same log, byte for byte.
    @Test func pumpingOneJobAtATimeGivesTheSameLog() throws {
        func program(_ runtime: Runtime) {
            runtime.start {
                _ = try? await runtime.request { env, _ in
                    let a = try await env.PROBE.signup("ada@example.com")
                    let b = try await env.PROBE.add(1, 2)
                    return [a, b] as RpcValue
                }
            }
        }
        let whole = try makeProbeRuntime()
        program(whole)
        whole.runUntilIdle()

        let sliced = try makeProbeRuntime()
        program(sliced)
        var pumps = 0
        while sliced.pump(maximumJobs: 1) != .idle { pumps += 1 }
        #expect(pumps > 10)
        #expect(sliced.log.text == whole.log.text)
    }

    @Test func queryNowNeverWaitsForSleepers() throws {
        let runtime = try makeProbeRuntime()
        let time = ManualTime()
        runtime.clock.switchToWall(slowMotion: 4, source: time.source)
        runtime.start { _ = try? await runtime.request { env, _ in try await env.PROBE.lingers() } }
        #expect(runtime.pump() == .sleeping(until: 30_000), "the drain limit comes before the task's own 100 s")
        let stats = runtime.queryNow { $0.stats }
        #expect(stats.pendingTasks == 1)
        #expect(runtime.clock.sleeperCount == 2)
        time.advance(ms: 120_000)
        #expect(runtime.pump() == .idle, "30 s of runtime time later the drain limit cancels the task")
        #expect(logLines(runtime) == [RpcError.Message.waitUntilCancelled])
    }
}
