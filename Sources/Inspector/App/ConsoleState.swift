import TerminalUI

/// The console: the line being edited (with history and completion, from ``TextInput``) and the
/// transcript of what was run.
///
/// Results come back in order: statements' results resolve the oldest running statement,
/// commands' results the oldest running command (commands finish at once; statements may run on).
public struct ConsoleState: Hashable, Sendable {
    /// The line being edited.
    public var input = TextInput()
    /// Lines run so far, oldest first (at most ``transcriptLimit``).
    public private(set) var transcript: [ConsoleEntry] = []
    /// How many transcript entries are kept.
    public let transcriptLimit = 500

    /// Creates an empty console.
    public init() {}

    /// Records a line that was sent to the host (or handled as a command).
    public mutating func record(_ line: String, output: ConsoleOutput, isCommand: Bool = false) {
        transcript.append(ConsoleEntry(input: line, output: output, isCommand: isCommand))
        if transcript.count > transcriptLimit { transcript.removeFirst(transcript.count - transcriptLimit) }
    }

    /// Gives the oldest running entry of the same sort its output; records the output on its
    /// own when none is running.
    public mutating func resolve(_ output: ConsoleOutput, isCommand: Bool) {
        if let index = transcript.firstIndex(where: { $0.output == .running && $0.isCommand == isCommand }) {
            transcript[index].output = output
        } else {
            record("", output: output, isCommand: isCommand)
        }
    }

    /// Whether a statement is still running.
    public var hasRunningLine: Bool { transcript.contains { $0.output == .running && !$0.isCommand } }
}
