import Synchronization

/// The append-only, sequence-numbered log of everything a runtime does.
///
/// Appends come from the runtime's loop; readers (the inspector, exporters) may read from any
/// thread. A mutex guards the storage, so the log is `Sendable` without assumptions.
public final class EventLog: Sendable {
    private struct Storage {
        var events: [Event] = []
    }
    private let storage = Mutex(Storage())
    /// Read on every append and by the engine before it formats message text, so it is an
    /// atomic rather than a field under the lock: a disabled log costs one load, not a lock.
    private let enabled = Atomic<Bool>(true)

    public init() {}

    /// Whether events are recorded (benchmarks measure the call path with the log off).
    public var isEnabled: Bool {
        get { enabled.load(ordering: .acquiring) }
        set { enabled.store(newValue, ordering: .releasing) }
    }

    /// Appends an event stamped with the next sequence number and `time`. The payload is built
    /// only when the log is enabled.
    @discardableResult
    public func append(time: Int, _ payload: @autoclosure () -> Event.Payload) -> Event? {
        guard isEnabled else { return nil }
        return storage.withLock { s -> Event? in
            let event = Event(seq: s.events.count + 1, time: time, payload: payload())
            s.events.append(event)
            return event
        }
    }

    public var count: Int { storage.withLock { $0.events.count } }

    /// The events with seq in `range` (1-based, inclusive of lower, exclusive of upper).
    public func events(from start: Int = 1, to end: Int? = nil) -> [Event] {
        storage.withLock { s in
            let lo = max(start - 1, 0)
            let hi = min((end ?? s.events.count + 1) - 1, s.events.count)
            return lo < hi ? Array(s.events[lo..<hi]) : []
        }
    }

    /// Every event as its text line, joined with newlines (with a final newline).
    public var text: String {
        events().map { $0.text + "\n" }.joined()
    }
}
