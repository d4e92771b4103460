import Inspector
import RPCEngine

/// An ``InspectorHost`` for tests: it shows a given log and records every request. Console
/// lines are answered from a table (default: `.value("ok")`), and each operation can be made to
/// throw or to append events to the log, so a test sees the log grow as a live session would.
final class FakeHost: InspectorHost {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    var log: EventLog
    var title: String
    var isReplay: Bool
    var isBusy = false

    /// What each console line answers.
    var answers: [String: ConsoleOutput] = [:]
    /// Events appended to the log when a line runs.
    var eventsForLine: [String: [Event.Payload]] = [:]
    /// Outputs `pump()` hands back (then forgets).
    var lateOutputs: [ConsoleOutput] = []
    /// Set to make save, load, export, dispose and dup throw.
    var failure: String?
    /// The log `load(path:)` switches to.
    var logToLoad: EventLog?

    private(set) var linesRun: [String] = []
    private(set) var requests: [String] = []
    private(set) var pumps = 0

    init(log: EventLog = EventLog(), title: String = "fake", isReplay: Bool = false) {
        self.log = log
        self.title = title
        self.isReplay = isReplay
    }

    func pump() -> [ConsoleOutput] {
        pumps += 1
        defer { lateOutputs = [] }
        return lateOutputs
    }

    func run(consoleLine: String) -> ConsoleOutput {
        linesRun.append(consoleLine)
        for payload in eventsForLine[consoleLine] ?? [] { log.append(time: 0, payload) }
        return answers[consoleLine] ?? .value("ok")
    }

    private func request(_ text: String) throws {
        requests.append(text)
        if let failure { throw Failure(description: failure) }
    }

    func newRequest() throws { try request("newRequest") }
    func save(path: String) throws { try request("save \(path)") }
    func exportPerfetto(path: String) throws { try request("export \(path)") }
    func load(path: String) throws {
        try request("load \(path)")
        if let logToLoad { log = logToLoad }
    }
    func dispose(stub: StubID) throws {
        try request("dispose \(stub)")
        log.append(time: 0, .stubDisposed(stub: stub, reason: .explicit, by: "console"))
    }
    func dup(stub: StubID) throws { try request("dup \(stub)") }
}
