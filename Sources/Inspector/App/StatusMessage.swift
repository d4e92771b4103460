/// A short notice shown on the console row until the next one (`saved x.scenario`, or why a
/// key did nothing).
public struct StatusMessage: Hashable, Sendable {
    /// The text.
    public var text: String
    /// Whether it reports a failure (drawn with ✗ in the error role).
    public var isError: Bool

    /// Creates a message.
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}
