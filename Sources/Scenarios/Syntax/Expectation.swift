/// What an `expect` statement checks.
public enum Expectation: Sendable, Hashable {
    /// `expect EXPR`: holds when the value is truthy.
    case truthy(Expression)
    /// `expect A OP B`: a top-level comparison, kept apart so the transcript can show the
    /// expected and actual values. `expect (a == b)` is the same statement: parentheses leave
    /// no trace in the tree.
    case comparison(Expression, ComparisonOperator, Expression)
    /// `expect EXPR throws [NAME ["text"]]`: holds when evaluating EXPR throws or rejects, with
    /// the error name `name` when given, and a message containing `messageContains` when given
    /// (a message is only accepted after a name).
    case throwsError(Expression, name: Identifier?, messageContains: String?)
}
