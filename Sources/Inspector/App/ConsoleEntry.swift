/// One line of the console transcript: what was typed (or done with a key) and what it produced.
public struct ConsoleEntry: Hashable, Sendable {
    /// The line as typed, or the action (`dispose stub3`).
    public var input: String
    /// Its output; `.running` until the host reports the result.
    public var output: ConsoleOutput
    /// Whether it is an inspector command (`:save`, a key's dispose or dup), whose result comes
    /// back as ``EffectResult/done(_:)`` or ``EffectResult/failed(_:)``, rather than a statement
    /// whose result comes back as ``EffectResult/console(_:)``.
    public var isCommand: Bool

    /// Creates an entry.
    public init(input: String, output: ConsoleOutput, isCommand: Bool = false) {
        self.input = input
        self.output = output
        self.isCommand = isCommand
    }
}
