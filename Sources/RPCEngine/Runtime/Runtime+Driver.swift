import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Runtime {
    /// Drives the loop on the calling thread until nothing can make progress: runs jobs, moves
    /// the clock to the next sleeper when idle, then releases `settle()` waiters, and last
    /// rejects calls stuck in `hang()` with Workers' hang error (§1.10).
    ///
    /// Must not be called from inside the loop.
    public nonisolated func runUntilIdle() {
        while true {
            loop.drain()
            if loop.pendingJobs > 0 { continue }
            if clock.sleeperCount > 0 {
                if case .wall = clock.mode, let deadline = clock.nextDeadline {
                    let wait = deadline - clock.now
                    if wait > 0 { usleep(useconds_t(min(wait, 50) * 1000)) }
                }
                clock.wakeDue()
                continue
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
            return
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

    private func perform<T: Sendable>(_ body: @Sendable (isolated Runtime) -> T) -> T { body(self) }

    /// Starts `body` as a task on the loop (it runs when the loop is driven).
    public nonisolated func start(_ body: @escaping @Sendable () async -> Void) {
        Task(executorPreference: loop) { await body() }
    }
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
