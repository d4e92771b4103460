/// A statement of the script language, with its range and its original text.
///
/// ``text`` is the statement exactly as written (comments and line breaks inside it included),
/// which is what a transcript prints; ``description`` is the normalised form.
public struct Statement: Sendable, Hashable, CustomStringConvertible {
    /// What the statement is.
    public let kind: Kind
    /// From the statement's first token to its last (the separator is not included).
    public let range: SourceRange
    /// The source text of ``range``.
    public let text: String
    /// The longest path of nodes from this statement to a leaf (see ``Expression/height``).
    public let height: Int

    /// Creates a statement node.
    public init(_ kind: Kind, range: SourceRange = .zero, text: String = "") {
        self.kind = kind
        self.range = range
        self.text = text
        self.height = 1 + kind.childHeight
    }

    /// The greatest height in `statements` (0 when empty).
    static func maximumHeight(_ statements: [Statement]) -> Int {
        var result = 0
        for statement in statements where statement.height > result { result = statement.height }
        return result
    }

    /// The forms of statement.
    public enum Kind: Sendable, Hashable {
        /// `let x = EXPR`, `const x = EXPR`, `using x = EXPR`.
        case declaration(DeclarationKind, Identifier, Expression)
        /// `let e = catch EXPR` (or `const`): EXPR must throw or reject, and the name is bound
        /// to the error; if it does not throw, the statement fails like an expectation.
        case catchDeclaration(DeclarationKind, Identifier, Expression)
        /// `x = EXPR`, `x += EXPR`, `x -= EXPR`. Only a plain name can be assigned.
        case assignment(Identifier, AssignmentOperator, Expression)
        /// `EXPR`: evaluate; the transcript shows the value.
        case expression(Expression)
        /// `expect ...`.
        case expect(Expectation)
        /// `dispose EXPR`: `value[Symbol.dispose]()`.
        case dispose(Expression)
        /// `sleep 250ms`, `sleep 2s`: a whole number of milliseconds.
        case sleep(Duration)
        /// `settle`: wait until nothing is pending anywhere.
        case settle
        /// `step "text"`: a narration boundary.
        case step(String)
        /// `log EXPR` (one argument) or `console.log(a, b, ...)` (any number).
        case log([Expression])
        /// `{ ... }`: a lexical scope; its `using` values are disposed at `}`.
        case block([Statement])
        /// `request "label" { ... }`: the body runs as a new request to the primary worker.
        /// Never nested in another request or inside a function.
        case request(label: String, body: [Statement])
        /// `return` / `return EXPR`: only inside the block body of an arrow function.
        case `return`(Expression?)

        /// The greatest height among the statement's direct children (0 for none).
        var childHeight: Int {
            switch self {
            case .declaration(_, _, let e), .catchDeclaration(_, _, let e), .assignment(_, _, let e),
                .expression(let e), .dispose(let e):
                return e.height
            case .expect(.truthy(let e)), .expect(.throwsError(let e, _, _)):
                return e.height
            case .expect(.comparison(let a, _, let b)):
                return Swift.max(a.height, b.height)
            case .sleep, .settle, .step:
                return 0
            case .log(let arguments):
                return Expression.maximumHeight(arguments)
            case .block(let statements), .request(_, let statements):
                return Statement.maximumHeight(statements)
            case .return(let e):
                return e?.height ?? 0
            }
        }
    }
}
