/// A coarse classification of a terminal size, for choosing between layouts.
///
/// Layout changes at breakpoints rather than continuously: a wide terminal shows every pane,
/// a regular one shows some panes as tabs, a compact one shows one pane at a time. A size
/// reaches a class only when *both* its width and height reach the breakpoint.
public enum SizeClass: Int, Hashable, Sendable, Comparable, CaseIterable {
    /// Smaller than the regular breakpoint (down to 0×0).
    case compact
    /// At least the regular breakpoint, smaller than the wide one.
    case regular
    /// At least the wide breakpoint.
    case wide

    /// The class of `size` given the two breakpoints (defaults: 80×24 and 120×32).
    public init(_ size: Size, regular: Size = Size(width: 80, height: 24), wide: Size = Size(width: 120, height: 32)) {
        if size.covers(wide) {
            self = .wide
        } else if size.covers(regular) {
            self = .regular
        } else {
            self = .compact
        }
    }

    /// Orders classes from compact to wide.
    public static func < (lhs: SizeClass, rhs: SizeClass) -> Bool { lhs.rawValue < rhs.rawValue }
}
