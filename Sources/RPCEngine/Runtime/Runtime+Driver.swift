import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Runtime {
    /// Drives the loop on the calling thread until nothing can make progress: runs jobs, moves
    /// the clock to the next sleeper when idle, then releases `settle()` waiters, and last
    /// rejects calls stuck in `hang()` with Workers' hang error (§1.10). On a wall clock it
    /// waits (blocking the calling thread) until each sleeper is due; a caller that must stay
    /// responsive meanwhile uses ``pump(maximumJobs:)`` instead.
    ///
    /// Must not be called from inside the loop.
    public nonisolated func runUntilIdle() {
        while true {
            switch pump() {
            case .idle:
                return
            case .busy:
                continue
            case .sleeping(let deadline):
                let wait = deadline - clock.now
                if wait > 0 { usleep(useconds_t(min(wait, 50) * 1000)) }
            }
        }
    }

    /// Drives the loop on the calling thread as far as it can go *now*, without ever waiting
    /// for time to pass: runs queued jobs (at most `maximumJobs` of them), wakes the sleepers
    /// that are due, and, once nothing is queued or sleeping, releases `settle()` waiters and
    /// rejects calls stuck in `hang()` — the same steps in the same order as ``runUntilIdle()``,
    /// which is a loop of pumps.
    ///
    /// On the virtual clock "now" jumps to the next deadline whenever the loop is idle, so a
    /// pump never returns ``PumpResult/sleeping(until:)``. On a wall clock a pump returns as
    /// soon as only sleepers that are not yet due remain: a user interface pumps between frames
    /// and stays responsive while a statement sleeps in slow motion. Which jobs run, and in
    /// which order, does not depend on how the work is sliced into pumps.
    ///
    /// Must not be called from inside the loop.
    @discardableResult
    public nonisolated func pump(maximumJobs: Int = .max) -> PumpResult {
        var budget = maximumJobs
        while true {
            budget -= loop.drain(maximumJobs: budget)
            if loop.pendingJobs > 0 {
                if budget <= 0 { return .busy }
                continue
            }
            if clock.sleeperCount > 0 {
                if clock.wakeDue() { continue }
                if let deadline = clock.nextDeadline { return .sleeping(until: deadline) }
                continue  // the last sleeper was cancelled between the two reads
            }
            let settlers = idleWaiters.withLock { w -> [CheckedContinuation<Void, Never>] in
                defer { w.removeAll() }
                return w
            }
            if !settlers.isEmpty {
                for s in settlers { s.resume() }
                continue
            }
            let stuck = hangs.withLock { h -> [CheckedContinuation<Void, Never>] in
                defer { h.removeAll() }
                return h
            }
            if !stuck.isEmpty {
                for s in stuck { s.resume() }
                continue
            }
            return .idle
        }
    }

    /// Runs `body` as a request to the primary worker and drives the loop until everything has
    /// settled (calls, waitUntil drains, disposers). Returns what `body` returned.
    ///
    /// For tests and embedding programs: `try runtime.run { env, ctx in try await env.B.add(1, 2) }`.
    public nonisolated func run<T: Sendable>(
        worker: String? = nil, _ body: @escaping @Sendable (Env, ExecutionContext) async throws -> T
    ) throws -> T {
        let box = OutcomeBox<T>()
        start { box.set(await Result(catching: { try await self.request(worker: worker, body) })) }
        runUntilIdle()
        guard let outcome = box.get() else { throw RpcError.error(RpcError.Message.hung) }
        return try outcome.get()
    }

    /// Reads runtime state from outside the loop: runs `body` on the loop, drives the loop until
    /// idle, and returns what `body` returned. For tests and tools, between runs.
    public nonisolated func query<T: Sendable>(_ body: @escaping @Sendable (isolated Runtime) -> T) -> T {
        let box = OutcomeBox<T>()
        start { box.set(.success(await self.perform(body))) }
        runUntilIdle()
        guard case .success(let value)? = box.get() else { preconditionFailure("the loop ran the query to completion") }
        return value
    }

    /// Like ``query(_:)``, but drives the loop only as one ``pump(maximumJobs:)`` does: `body`
    /// runs at once, and so does whatever can run right after it, but the call never waits for
    /// sleepers on a wall clock. Work `body` starts (disposers that sleep, say) goes on at later
    /// pumps. For a user interface on a wall clock, between frames.
    public nonisolated func queryNow<T: Sendable>(_ body: @escaping @Sendable (isolated Runtime) -> T) -> T {
        let box = OutcomeBox<T>()
        start { box.set(.success(await self.perform(body))) }
        pump()
        // The query is a synchronous body on the loop's own actor: the first drain runs it.
        guard case .success(let value)? = box.get() else { preconditionFailure("the loop ran the query in one pump") }
        return value
    }

    private func perform<T: Sendable>(_ body: @Sendable (isolated Runtime) -> T) -> T { body(self) }

    /// Starts `body` as a task on the loop (it runs when the loop is driven).
    public nonisolated func start(_ body: @escaping @Sendable () async -> Void) {
        Task(executorPreference: loop) { await body() }
    }
}

/// What ``Runtime/pump(maximumJobs:)`` left for later.
public enum PumpResult: Sendable, Equatable {
    /// Nothing can make progress any more: no job is queued, nothing sleeps, `settle()` waiters
    /// were released and hung calls rejected. Only new work (a console line) changes that.
    case idle
    /// Only sleepers remain, the earliest due at `until` (runtime milliseconds). Wall clock only.
    case sleeping(until: Int)
    /// The job budget ran out with jobs still queued: pump again.
    case busy
}

/// A result handed from a loop task to the thread driving the loop.
final class OutcomeBox<T: Sendable>: Sendable {
    private let value = Mutex<Result<T, any Error>?>(nil)
    func set(_ result: Result<T, any Error>) { value.withLock { $0 = result } }
    func get() -> Result<T, any Error>? { value.withLock { $0 } }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
