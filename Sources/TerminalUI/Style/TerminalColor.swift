/// A terminal colour: the terminal's own default, or an index into its palette.
///
/// Indices 0–7 are the basic ANSI colours, 8–15 their bright variants, 16–255 the extended
/// palette. A backend whose terminal has fewer colours maps an index down (bright to basic,
/// anything else it cannot show to the default) rather than failing.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's default foreground or background.
    case `default`
    /// A palette index.
    case indexed(UInt8)

    /// ANSI black (0).
    public static let black = TerminalColor.indexed(0)
    /// ANSI red (1).
    public static let red = TerminalColor.indexed(1)
    /// ANSI green (2).
    public static let green = TerminalColor.indexed(2)
    /// ANSI yellow (3).
    public static let yellow = TerminalColor.indexed(3)
    /// ANSI blue (4).
    public static let blue = TerminalColor.indexed(4)
    /// ANSI magenta (5).
    public static let magenta = TerminalColor.indexed(5)
    /// ANSI cyan (6).
    public static let cyan = TerminalColor.indexed(6)
    /// ANSI white (7).
    public static let white = TerminalColor.indexed(7)
    /// Bright black, usually grey (8).
    public static let gray = TerminalColor.indexed(8)
}
