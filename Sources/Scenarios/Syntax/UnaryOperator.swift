/// A prefix operator of the script language. `await` is not one: it has its own node,
/// ``Expression/Kind/await(_:)``, because it suspends.
public enum UnaryOperator: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `-x`: numeric negation (`-0` is negative zero). A minus directly before a number literal
    /// is folded into the literal by the parser, so `-2.5` is ``Expression/Kind/number(_:)``.
    case negate = "-"
    /// `!x`: logical not of the value's truthiness.
    case not = "!"
    /// `typeof x`: the JavaScript type name as a string (`"function"` for a function stub).
    case typeof = "typeof"

    /// The operator as written.
    public var description: String { rawValue }
}
