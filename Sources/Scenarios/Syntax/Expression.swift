/// An expression of the script language, with the source range it was parsed from.
///
/// The tree is immutable and `Sendable`. Parentheses leave no node (precedence is already in
/// the tree's shape). Every node knows its ``height``, which the parser caps, so any recursive
/// walk over a parsed tree (interpreting, printing, comparing) has a bounded depth.
///
/// Equality compares kinds *and* ranges; compare ``erasingSourceInfo()`` to compare shapes only.
public struct Expression: Sendable, Hashable, CustomStringConvertible {
    /// What the expression is.
    public let kind: Kind
    /// Where it was written, from its first to its last character. Parentheses around a node
    /// are not part of its range but are part of the enclosing node's: in `(a + b) * c` the sum
    /// spans `a + b` and the product spans the whole text.
    public let range: SourceRange
    /// The number of nodes on the longest path from this node down to a leaf (a leaf is 1),
    /// counting expressions and the statements of arrow bodies.
    public let height: Int

    /// Creates an expression node.
    public init(_ kind: Kind, range: SourceRange = .zero) {
        self.kind = kind
        self.range = range
        self.height = 1 + kind.childHeight
    }

    /// The forms of expression.
    public indirect enum Kind: Sendable, Hashable {
        /// A number: `1`, `2.5`, `-0` (the parser folds a minus directly before a literal),
        /// `NaN`, `Infinity`.
        case number(NumberLiteral)
        /// A bigint literal such as `10n`: decimal digits without leading zeros, with a leading
        /// `-` when negated in the source (`-10n`). No `n` suffix.
        case bigint(String)
        /// A string literal, escapes decoded.
        case string(String)
        /// `true` or `false`.
        case boolean(Bool)
        /// `null`.
        case null
        /// `undefined`.
        case undefined
        /// A name to look up: a variable, a parameter, or a global (`env`, `runtime`, `console`).
        case identifier(String)
        /// `[a, b]`.
        case array([Expression])
        /// `{ a: 1, "b c": 2 }`, properties in source order (keys are unique).
        case object([ObjectProperty])
        /// `new Date(0)`, `new Map(...)`, `new Error("m")`, ...
        case new(Constructor, arguments: [Expression])
        /// `bytes("68656c6c6f")`, decoded from hex by the parser.
        case bytes([UInt8])
        /// `rpcTarget(x)`: a local `RpcTarget` whose methods are the object's arrow functions;
        /// a `dispose` member, if present, is its `[Symbol.dispose]`.
        case rpcTarget(Expression)
        /// `Object.is(a, b)`: SameValue, which tells `-0` from `0` and `NaN` equals `NaN`.
        case sameValue(Expression, Expression)
        /// `object.name` (also `stub.dup`: `x.dup()` is a call of this member).
        case member(Expression, Identifier)
        /// `object[key]`.
        case index(Expression, Expression)
        /// `callee(arguments...)`. Without an `await` around it, a call on a stub yields the
        /// RPC promise itself, which is what makes pipelining work.
        case call(Expression, arguments: [Expression])
        /// `await e`.
        case await(Expression)
        /// `-e`, `!e`, `typeof e`.
        case unary(UnaryOperator, Expression)
        /// `a OP b`; `&&` and `||` short-circuit.
        case binary(BinaryOperator, Expression, Expression)
        /// `(a, b) => body` (also `x => body` and `async (a) => body`: every function may await,
        /// so `async` adds nothing and is not kept). Parameter names are unique.
        case arrow(parameters: [Identifier], body: ArrowBody)

        /// The greatest height among the node's direct children (0 for a leaf).
        var childHeight: Int {
            switch self {
            case .number, .bigint, .string, .boolean, .null, .undefined, .identifier, .bytes:
                return 0
            case .array(let elements):
                return Expression.maximumHeight(elements)
            case .object(let properties):
                var result = 0
                for property in properties where property.value.height > result { result = property.value.height }
                return result
            case .new(_, let arguments):
                return Expression.maximumHeight(arguments)
            case .rpcTarget(let e), .await(let e), .unary(_, let e), .member(let e, _):
                return e.height
            case .sameValue(let a, let b), .index(let a, let b), .binary(_, let a, let b):
                return Swift.max(a.height, b.height)
            case .call(let callee, let arguments):
                return Swift.max(callee.height, Expression.maximumHeight(arguments))
            case .arrow(_, let body):
                switch body {
                case .expression(let e): return e.height
                case .block(let statements): return Statement.maximumHeight(statements)
                }
            }
        }
    }

    /// The greatest height in `expressions` (0 when empty).
    static func maximumHeight(_ expressions: [Expression]) -> Int {
        var result = 0
        for expression in expressions where expression.height > result { result = expression.height }
        return result
    }

    /// The body of an arrow function.
    public enum ArrowBody: Sendable, Hashable {
        /// `x => EXPR`: the value of the expression is returned.
        case expression(Expression)
        /// `x => { statements }`: runs the statements; a `return` ends it (no `return`:
        /// `undefined`). `using` declarations are disposed when the body ends.
        case block([Statement])
    }
}
