/// A console line that starts with `:`: an instruction to the inspector rather than a statement.
public enum ConsoleCommand: Hashable, Sendable {
    /// `:save FILE`
    case save(String)
    /// `:load FILE`
    case load(String)
    /// `:new-request`
    case newRequest
    /// `:export perfetto FILE`
    case exportPerfetto(String)
    /// `:q`, `:quit`
    case quit
    /// `:help`
    case help

    /// The command names, for completion.
    public static let names = [":save ", ":load ", ":new-request", ":export perfetto ", ":quit", ":help"]

    /// Parses a line starting with `:`. Returns `nil` for a line that is not a command, and
    /// throws a one-line usage message for a malformed one.
    public static func parse(_ line: String) throws(ConsoleCommandError) -> ConsoleCommand? {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.hasPrefix(":") else { return nil }
        let words = trimmed.dropFirst().split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let name = words.first else { throw ConsoleCommandError("empty command; try :help") }
        let rest = Array(words.dropFirst())
        switch name {
        case "save":
            guard rest.count == 1 else { throw ConsoleCommandError("usage: :save FILE") }
            return .save(rest[0])
        case "load":
            guard rest.count == 1 else { throw ConsoleCommandError("usage: :load FILE") }
            return .load(rest[0])
        case "new-request":
            guard rest.isEmpty else { throw ConsoleCommandError("usage: :new-request") }
            return .newRequest
        case "export":
            guard rest.count == 2, rest[0] == "perfetto" else { throw ConsoleCommandError("usage: :export perfetto FILE") }
            return .exportPerfetto(rest[1])
        case "q", "quit":
            return .quit
        case "help", "h":
            return .help
        default:
            throw ConsoleCommandError("unknown command :\(name); commands: :save :load :new-request :export perfetto :quit :help")
        }
    }
}
