/// Why a terminal backend could not start.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (output is piped or redirected).
    case notATerminal
    /// Another curses backend is running in this process; ncurses has one global screen state.
    case alreadyActive
    /// curses could not initialise the screen; the text says what was tried.
    case initializationFailed(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .notATerminal: return "standard input and output must be a terminal"
        case .alreadyActive: return "another curses backend is already running in this process"
        case .initializationFailed(let detail): return "curses initialisation failed: \(detail)"
        }
    }
}
