import Inspector
import RPCEngine

/// The inspector's host for a finished log, for the benchmarks and the profiling driver:
/// nothing to pump, no console, nothing to change — the frames measure the fold and the
/// render alone.
public final class LogHost: InspectorHost {
    public let log: EventLog
    public let title = "bench"
    public let isReplay: Bool

    public init(log: EventLog, isReplay: Bool = false) {
        self.log = log
        self.isReplay = isReplay
    }

    /// Every operation that would change the session.
    public struct Unsupported: Error {}

    public func pump() -> [ConsoleOutput] { [] }
    public func run(consoleLine: String) -> ConsoleOutput { .error("no console") }
    public func newRequest() throws { throw Unsupported() }
    public func save(path: String) throws { throw Unsupported() }
    public func load(path: String) throws { throw Unsupported() }
    public func exportPerfetto(path: String) throws { throw Unsupported() }
    public func dispose(stub: StubID) throws { throw Unsupported() }
    public func dup(stub: StubID) throws { throw Unsupported() }
}
