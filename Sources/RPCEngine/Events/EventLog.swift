import Synchronization

/// The append-only, sequence-numbered log of everything a runtime does.
///
/// Appends come from the runtime's loop; readers (the inspector, exporters) may read from any
/// thread. A mutex guards the storage, so the log is `Sendable` without assumptions.
public final class EventLog: Sendable {
    private struct Storage {
        var events: [Event] = []
        var enabled = true
    }
    private let storage = Mutex(Storage())

    public init() {}

    /// Whether events are recorded (benchmarks measure the call path with the log off).
    public var isEnabled: Bool {
        get { storage.withLock { $0.enabled } }
        set { storage.withLock { $0.enabled = newValue } }
    }

    /// Appends an event stamped with the next sequence number and `time`. The payload is built
    /// only when the log is enabled.
    @discardableResult
    public func append(time: Int, _ payload: @autoclosure () -> Event.Payload) -> Event? {
        storage.withLock { s -> Event? in
            guard s.enabled else { return nil }
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
