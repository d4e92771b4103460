import RPCEngine

/// What the inspector needs from the program that embeds it: the log to show and a handful of
/// synchronous operations on the runtime behind it.
///
/// The inspector never touches the runtime itself. Everything it draws comes from ``log``; every
/// change it asks for goes through one of these calls, made on the driver's thread between
/// frames. Calls must return promptly: a statement that has to wait (wall-clock sleeps, slow
/// calls) returns ``ConsoleOutput/running`` and reports its output later from ``pump()``.
///
/// Conventions the console relies on:
/// * a console line may name a stub by its id (`await stub4.increment(1)`): the `c` key on a
///   stub pre-fills such a line, so the host's interpreter should resolve `stubN` names;
/// * ``load(path:)`` may replace ``log`` with a new `EventLog` object; the driver notices the new
///   identity and starts over on it.
public protocol InspectorHost: AnyObject {
    /// The event log to show (append-only; replaced only by ``load(path:)``).
    var log: EventLog { get }
    /// The scenario's title, for the status bar.
    var title: String { get }
    /// Whether ``log`` is a finished recording to step through (replay) rather than a live
    /// session that grows as the console runs statements.
    var isReplay: Bool { get }
    /// Whether the runtime has work in progress; while it does the driver calls ``pump()``
    /// often (every frame) instead of waiting for keys.
    var isBusy: Bool { get }
    /// How much slower than real time live work runs (`--slow-motion`), for the status bar;
    /// nil when live work runs on the virtual clock.
    var slowMotion: SlowMotion? { get }

    /// Drives the runtime for a short slice (never long enough to be seen), and returns the
    /// outputs of console lines that finished since the last call, oldest first.
    func pump() -> [ConsoleOutput]
    /// Runs one statement of the script language in the primary worker's current request.
    func run(consoleLine: String) -> ConsoleOutput
    /// Ends the current request (auto-disposal, waitUntil drain) and starts another.
    func newRequest() throws
    /// Writes the session so far as a scenario, with an `expect` for each result.
    func save(path: String) throws
    /// Loads a scenario (or log) and replaces ``log``.
    func load(path: String) throws
    /// Writes the log as a Perfetto / Chrome trace.
    func exportPerfetto(path: String) throws
    /// Disposes a stub as its holder would.
    func dispose(stub: StubID) throws
    /// Dups a stub; the new stub appears in the log.
    func dup(stub: StubID) throws
}

extension InspectorHost {
    /// A host without background work is never busy.
    public var isBusy: Bool { false }
    /// A host without slow motion.
    public var slowMotion: SlowMotion? { nil }
}
