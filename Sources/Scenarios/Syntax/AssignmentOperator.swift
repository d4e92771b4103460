/// The operator of an assignment statement.
public enum AssignmentOperator: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `x = e`.
    case assign = "="
    /// `x += e`: `x = x + e` (so it concatenates strings).
    case add = "+="
    /// `x -= e`: `x = x - e`.
    case subtract = "-="

    /// The operator as written.
    public var description: String { rawValue }
}
