/// Where text sits in a space wider than itself.
public enum TextAlignment: Hashable, Sendable {
    /// Flush left.
    case left
    /// Centred; an odd leftover column goes to the right.
    case center
    /// Flush right.
    case right

    /// The column offset at which text of `textWidth` columns starts inside `space` columns
    /// (0 when the text does not fit).
    public func offset(textWidth: Int, in space: Int) -> Int {
        let free = max(0, space - textWidth)
        switch self {
        case .left: return 0
        case .center: return free / 2
        case .right: return free
        }
    }
}
