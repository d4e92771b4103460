import Benchmark
import CHeapInfo
import BenchSupport
import RPCEngine

#if canImport(Glibc)
import Glibc
#endif

/// Carries a non-`Sendable` value into a loop task. Safe here because the loop is drained on
/// the benchmark's own thread (`Runtime.run` drives it synchronously), so the value is only
/// ever touched by that one thread.
struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Time configurations. `scalingFactor: .kilo` means one sample is 1,000 operations and the
/// results are reported per operation.
enum Config {
    static let timeMetrics: [BenchmarkMetric] = [.wallClock, .throughput]
    /// Time per operation plus the allocations behind it.
    static let callMetrics: [BenchmarkMetric] = timeMetrics + [.mallocCountTotal]

    static func calls(
        _ metrics: [BenchmarkMetric] = callMetrics, maxDuration: Duration = .seconds(2), maxIterations: Int = 100_000
    ) -> Benchmark.Configuration {
        .init(metrics: metrics, timeUnits: .nanoseconds, warmupIterations: 3, scalingFactor: .kilo,
              maxDuration: maxDuration, maxIterations: maxIterations)
    }
}

/// The benchmark as loop code sees it: start and stop the measurement, report custom metrics.
struct Measure: @unchecked Sendable {
    let benchmark: Benchmark
    let runtime: Runtime
    let iterations: Range<Int>
    init(_ benchmark: Benchmark, _ runtime: Runtime) {
        self.benchmark = benchmark
        self.runtime = runtime
        iterations = benchmark.scaledIterations
    }
    func start() { benchmark.startMeasurement() }
    func stop() { benchmark.stopMeasurement() }
    func report(_ metric: BenchmarkMetric, _ value: Int) { benchmark.measurement(metric, value) }
}

/// Runs `body` as one request to the primary worker of a fresh runtime, on its loop. `body`
/// brackets what it measures with `m.start()` / `m.stop()`, so setup inside the request, the
/// runtime's creation, and the request's end (disposal of what it held) stay outside.
func measureRequest(
    _ benchmark: Benchmark, log: Bool = true,
    _ body: @escaping @Sendable (Env, ExecutionContext, Measure) async throws -> Void
) throws {
    let runtime = makeRuntime(log: log)
    let m = Measure(benchmark, runtime)
    try runtime.run { env, ctx in try await body(env, ctx, m) }
}

/// Runs `body` as one request and measures all of it (the common case).
func measureCalls(
    _ benchmark: Benchmark, log: Bool = true,
    _ body: @escaping @Sendable (Env, Range<Int>) async throws -> Void
) throws {
    try measureRequest(benchmark, log: log) { env, _, m in
        m.start()
        try await body(env, m.iterations)
        m.stop()
    }
}

/// Monotonic nanoseconds (vDSO `clock_gettime`, about 20 ns).
@inline(__always)
func nowNanos() -> Int {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

/// The process's resident set size in bytes.
func residentBytes() -> Int { Int(cheapinfo_resident_bytes()) }
