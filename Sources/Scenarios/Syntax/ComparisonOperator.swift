/// The operator of an `expect A OP B` statement; see ``Expectation/comparison(_:_:_:)``.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `==`: deep equality.
    case equal = "=="
    /// `!=`: not deeply equal.
    case notEqual = "!="
    /// `<`.
    case less = "<"
    /// `<=`.
    case lessOrEqual = "<="
    /// `>`.
    case greater = ">"
    /// `>=`.
    case greaterOrEqual = ">="

    /// The operator as written.
    public var description: String { rawValue }

    /// The same operator as a ``BinaryOperator``.
    public var binaryOperator: BinaryOperator {
        switch self {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        }
    }
}
