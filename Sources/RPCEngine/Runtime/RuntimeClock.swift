import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a wall clock reads real time: monotonic nanoseconds from an arbitrary origin.
///
/// The runtime never reads the system clock directly; a ``RuntimeClock`` in wall mode asks its
/// source. Production code uses ``monotonic``; tests hand in a source they move by hand, so that
/// code running on (scaled) wall time can be tested exactly, without sleeping.
public struct WallTimeSource: Sendable {
    private let read: @Sendable () -> UInt64

    /// A source that answers `nanoseconds()` with `read()`. `read` must never go backwards.
    public init(_ read: @escaping @Sendable () -> UInt64) {
        self.read = read
    }

    /// The current reading, in nanoseconds.
    public func nanoseconds() -> UInt64 { read() }

    /// The system's monotonic clock (`CLOCK_MONOTONIC`): unaffected by changes of the date.
    public static let monotonic = WallTimeSource {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}

/// The runtime's notion of time, in milliseconds since the runtime started.
///
/// Worker code never reads the system clock or calls `Task.sleep`: it asks the runtime's clock,
/// so that tests and replays run on virtual time and live demos on (optionally scaled) wall time
/// with the same code.
///
/// A clock can go from virtual to wall time once a replay is over (``switchToWall(slowMotion:source:)``):
/// the inspector replays a scenario on virtual time, so its log is the one `switchboard run`
/// prints, then lets the console's statements run in slow motion. Time continues from the
/// virtual time reached, so the times in the log never go backwards.
public final class RuntimeClock: Sendable {
    /// How time passes.
    public enum Mode: Sendable, Equatable {
        /// Time moves only when the loop is idle, jumping to the earliest sleeper's deadline.
        /// Sleeps are instant but ordered by (deadline, order of the `sleep` calls).
        case virtual
        /// Real time divided by `slowMotion` (1 = real time, 4 = four times slower, 0.5 twice
        /// as fast). `slowMotion` must be positive and finite.
        case wall(slowMotion: Double)
    }

    private struct Sleeper {
        let deadline: Int
        let order: Int
        let continuation: CheckedContinuation<Void, any Error>
    }
    /// Where wall time is read from, and where it started counting: in wall mode the clock
    /// reads `base + (source now - origin) / slowMotion`.
    private struct Wall {
        let slowMotion: Double
        let source: WallTimeSource
        let origin: UInt64
        let base: Int
    }
    private struct State {
        /// Virtual time (in wall mode unused: time is read from `wall`).
        var now = 0
        var wall: Wall?
        var order = 0
        var sleepers: [Int: Sleeper] = [:]
        var cancelled: Set<Int> = []
    }
    private let state: Mutex<State>

    /// Creates a clock at time 0. A wall clock reads `source` (the system's monotonic clock
    /// unless a test hands in its own).
    public init(_ mode: Mode = .virtual, source: WallTimeSource = .monotonic) {
        var initial = State()
        if case .wall(let factor) = mode {
            RuntimeClock.check(factor)
            initial.wall = Wall(slowMotion: factor, source: source, origin: source.nanoseconds(), base: 0)
        }
        state = Mutex(initial)
    }

    /// How time passes now.
    public var mode: Mode {
        state.withLock { s in s.wall.map { .wall(slowMotion: $0.slowMotion) } ?? .virtual }
    }

    /// Milliseconds since the runtime started, on this clock.
    public var now: Int {
        let (virtual, wall) = state.withLock { ($0.now, $0.wall) }
        guard let wall else { return virtual }
        return RuntimeClock.read(wall)
    }

    /// From now on, time is `source`'s time divided by `slowMotion`, counted from the time this
    /// clock has reached: `now` right after the switch equals `now` right before it, and never
    /// decreases afterwards. Sleepers keep their deadlines and wake when wall time reaches them
    /// (``wakeDue()``). Calling it on a wall clock restarts the count with the new factor.
    ///
    /// `slowMotion` must be positive and finite (the CLI validates `--slow-motion` before).
    public func switchToWall(slowMotion: Double, source: WallTimeSource = .monotonic) {
        RuntimeClock.check(slowMotion)
        let reached = now
        let origin = source.nanoseconds()
        state.withLock { s in
            s.now = reached
            s.wall = Wall(slowMotion: slowMotion, source: source, origin: origin, base: reached)
        }
    }

    private static func check(_ factor: Double) {
        precondition(factor.isFinite && factor > 0, "RuntimeClock: the slow-motion factor must be positive and finite")
    }

    private static func read(_ wall: Wall) -> Int {
        let reading = wall.source.nanoseconds()
        let elapsed = reading > wall.origin ? Double(reading - wall.origin) / 1_000_000 : 0
        return wall.base + Int(elapsed / wall.slowMotion)
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
    /// wall clock, wakes the sleepers already due (in deadline order, then the order they
    /// slept). Returns whether any sleeper woke.
    @discardableResult
    public func wakeDue() -> Bool {
        let wall = state.withLock { $0.wall }
        let current = wall.map(RuntimeClock.read)
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
}
