/// Terminal text attributes that a cell may carry on top of its role.
///
/// These survive in every theme, including `NO_COLOR`, so they are the way to show state
/// without relying on colour.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    /// The raw bits.
    public let rawValue: UInt8

    /// Creates attributes from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Bold (or bright) text.
    public static let bold = TextAttributes(rawValue: 1 << 0)
    /// Foreground and background swapped.
    public static let reverse = TextAttributes(rawValue: 1 << 1)
    /// Underlined text.
    public static let underline = TextAttributes(rawValue: 1 << 2)
    /// Faint text (not every terminal shows it).
    public static let dim = TextAttributes(rawValue: 1 << 3)
}
