/// Why a console command could not be parsed: a one-line usage message.
public struct ConsoleCommandError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The message.
    public let message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
