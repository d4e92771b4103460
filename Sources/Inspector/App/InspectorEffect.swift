import RPCEngine

/// What `update` asks the host to do. The core never performs I/O itself: the driver carries
/// effects out and feeds their results back as ``InspectorInput/effectResult(_:)``.
public enum InspectorEffect: Hashable, Sendable {
    /// Run a statement of the script language in the primary worker's current request.
    case runConsole(String)
    /// End the current request (auto-disposal, waitUntil drain) and start another.
    case newRequest
    /// Write the session so far as a scenario.
    case save(path: String)
    /// Replace the log with the scenario or log at `path`.
    case load(path: String)
    /// Export the log as a Perfetto / Chrome trace.
    case exportPerfetto(path: String)
    /// Dispose a stub as its holder would.
    case dispose(StubID)
    /// Dup a stub.
    case dup(StubID)
    /// Repaint the whole screen.
    case redraw
    /// Quit.
    case quit
}
