import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The runtime's notion of time, in milliseconds since the runtime started.
///
/// Worker code never reads the system clock or calls `Task.sleep`: it asks the runtime's clock,
/// so that tests and replays run on virtual time and live demos on (optionally scaled) wall time
/// with the same code.
public final class RuntimeClock: Sendable {
    /// How time passes.
    public enum Mode: Sendable, Equatable {
        /// Time moves only when the loop is idle, jumping to the earliest sleeper's deadline.
        /// Sleeps are instant but ordered by (deadline, order of the `sleep` calls).
        case virtual
        /// Real time divided by `slowMotion` (1 = real time, 4 = four times slower).
        case wall(slowMotion: Double)
    }

    private struct Sleeper {
        let deadline: Int
        let order: Int
        let continuation: CheckedContinuation<Void, any Error>
    }
    private struct State {
        var now = 0
        var order = 0
        var sleepers: [Int: Sleeper] = [:]
        var cancelled: Set<Int> = []
    }
    private let state = Mutex(State())
    public let mode: Mode
    private let startNanos: UInt64

    public init(_ mode: Mode = .virtual) {
        self.mode = mode
        self.startNanos = RuntimeClock.monotonicNanos()
    }

    /// Milliseconds since the runtime started, on this clock.
    public var now: Int {
        switch mode {
        case .virtual: return state.withLock { $0.now }
        case .wall(let factor): return wallNow(factor)
        }
    }

    private func wallNow(_ factor: Double) -> Int {
        let elapsed = Double(RuntimeClock.monotonicNanos() - startNanos) / 1_000_000
        return Int(elapsed / max(factor, 0.0001))
    }

    /// Suspends the calling task for `ms` milliseconds of this clock's time. Throws
    /// `CancellationError` if the task is cancelled while it sleeps.
    public func sleep(ms: Int) async throws {
        try Task.checkCancellation()
        let base = now
        let token = state.withLock { s -> Int in s.order += 1; return s.order }
        try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
                let wasCancelled = state.withLock { s -> Bool in
                    if s.cancelled.remove(token) != nil { return true }
                    s.sleepers[token] = Sleeper(deadline: base + max(ms, 0), order: token, continuation: c)
                    return false
                }
                if wasCancelled { c.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let sleeper = state.withLock { s -> Sleeper? in
                if let found = s.sleepers.removeValue(forKey: token) { return found }
                s.cancelled.insert(token)
                return nil
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Sleepers not yet woken.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// The earliest deadline among sleepers, if any.
    public var nextDeadline: Int? {
        state.withLock { $0.sleepers.values.map(\.deadline).min() }
    }

    /// Called by the driver when the loop is idle. On the virtual clock, moves time to the
    /// earliest deadline and wakes every sleeper due then (in the order they slept); on the
    /// wall clock, wakes the sleepers already due. Returns whether any sleeper woke.
    @discardableResult
    public func wakeDue() -> Bool {
        let current = (mode == .virtual) ? nil : now
        let due = state.withLock { s -> [Sleeper] in
            guard let earliest = s.sleepers.values.map(\.deadline).min() else { return [] }
            let limit: Int
            if let current {
                limit = current
            } else {
                s.now = max(s.now, earliest)
                limit = s.now
            }
            let ready = s.sleepers.values.filter { $0.deadline <= limit }
                .sorted { ($0.deadline, $0.order) < ($1.deadline, $1.order) }
            for sleeper in ready { s.sleepers.removeValue(forKey: sleeper.order) }
            return ready
        }
        for sleeper in due { sleeper.continuation.resume() }
        return !due.isEmpty
    }

    static func monotonicNanos() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
