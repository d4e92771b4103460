/// What the host reports after carrying out an ``InspectorEffect``.
public enum EffectResult: Hashable, Sendable {
    /// The output of a console line (possibly arriving later, for a line that was still running).
    case console(ConsoleOutput)
    /// The effect worked; the text says what happened (`saved session.scenario`).
    case done(String)
    /// The effect failed; the text says why.
    case failed(String)
}
