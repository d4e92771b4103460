/// What running one console line produced.
public enum ConsoleOutput: Hashable, Sendable {
    /// The value, printed as the transcript prints it.
    case value(String)
    /// A statement without a value (a `let`, a `dispose`).
    case done
    /// The error, on one line (`TypeError: ...`, or a syntax error with its column).
    case error(String)
    /// The statement is still running (it awaits something on the wall clock); its output comes
    /// later from ``InspectorHost/pump()``.
    case running
}
