/// An infix operator, with JavaScript's precedence.
///
/// `&&` and `||` are here too; the interpreter must short-circuit them (evaluate the right
/// side only when the left side does not decide) and yield an operand, as JavaScript does.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `a + b`: addition, or concatenation when either side is a string.
    case add = "+"
    /// `a - b`.
    case subtract = "-"
    /// `a * b`.
    case multiply = "*"
    /// `a / b`.
    case divide = "/"
    /// `a % b`.
    case remainder = "%"
    /// `a == b`: deep equality (SameValueZero for numbers, contents for objects, identity for stubs).
    case equal = "=="
    /// `a != b`: the negation of `==`.
    case notEqual = "!="
    /// `a < b`.
    case less = "<"
    /// `a <= b`.
    case lessOrEqual = "<="
    /// `a > b`.
    case greater = ">"
    /// `a >= b`.
    case greaterOrEqual = ">="
    /// `a && b` (short-circuit).
    case and = "&&"
    /// `a || b` (short-circuit).
    case or = "||"

    /// The operator as written.
    public var description: String { rawValue }

    /// Binding strength, higher binds tighter: `||` 2, `&&` 3, `== !=` 4, `< <= > >=` 5,
    /// `+ -` 6, `* / %` 7. All are left-associative.
    public var precedence: Int {
        switch self {
        case .or: 2
        case .and: 3
        case .equal, .notEqual: 4
        case .less, .lessOrEqual, .greater, .greaterOrEqual: 5
        case .add, .subtract: 6
        case .multiply, .divide, .remainder: 7
        }
    }

    /// The comparison this operator performs, when it is one (`==`, `!=`, `<`, `<=`, `>`, `>=`).
    public var comparison: ComparisonOperator? { ComparisonOperator(rawValue: rawValue) }
}
