/// The pretty-printer behind `description` of expressions and statements.
enum Printer {
    /// Precedence levels: arrows 1, binary operators 2...7 (``BinaryOperator/precedence``),
    /// prefix operators 8, member/index/call 9, primaries 10.
    static let lowest = 1
    static let prefix = 8
    static let postfix = 9
    static let primary = 10

    static func precedence(of expression: Expression) -> Int {
        switch expression.kind {
        case .arrow: lowest
        case .binary(let op, _, _): op.precedence
        case .unary, .await: prefix
        case .number(let n) where n.value.sign == .minus && !n.value.isNaN: prefix
        case .bigint(let digits) where digits.hasPrefix("-"): prefix
        case .member, .index, .call, .new: postfix
        default: primary
        }
    }

    /// `expression`, in parentheses when it binds more loosely than `minimum`.
    static func expression(_ expression: Expression, minimum: Int) -> String {
        let text = bare(expression)
        return precedence(of: expression) < minimum ? "(\(text))" : text
    }

    private static func list(_ expressions: [Expression]) -> String {
        expressions.map { self.expression($0, minimum: lowest) }.joined(separator: ", ")
    }

    private static func bare(_ e: Expression) -> String {
        switch e.kind {
        case .number(let n): return n.description
        case .bigint(let digits): return digits + "n"
        case .string(let text): return quoted(text)
        case .boolean(let value): return value ? "true" : "false"
        case .null: return "null"
        case .undefined: return "undefined"
        case .identifier(let name): return name
        case .array(let elements): return "[" + list(elements) + "]"
        case .object(let properties):
            guard !properties.isEmpty else { return "{}" }
            let body = properties.map { key($0.key) + ": " + expression($0.value, minimum: lowest) }
            return "{ " + body.joined(separator: ", ") + " }"
        case .new(let constructor, let arguments): return "new \(constructor)(" + list(arguments) + ")"
        case .bytes(let bytes):
            let digits = "0123456789abcdef".map { $0 }
            return "bytes(\"" + String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }) + "\")"
        case .rpcTarget(let target): return "rpcTarget(" + expression(target, minimum: lowest) + ")"
        case .sameValue(let a, let b): return "Object.is(" + list([a, b]) + ")"
        case .member(let base, let name):
            let object = postfixBase(base)
            return Lexer.isIdentifier(name.name) ? object + "." + name.name : object + "[" + quoted(name.name) + "]"
        case .index(let base, let key): return postfixBase(base) + "[" + expression(key, minimum: lowest) + "]"
        case .call(let callee, let arguments): return postfixBase(callee) + "(" + list(arguments) + ")"
        case .await(let operand): return "await " + expression(operand, minimum: prefix)
        case .unary(let op, let operand):
            let text = expression(operand, minimum: prefix)
            switch op {
            case .typeof: return "typeof " + text
            case .negate: return text.hasPrefix("-") || isFoldable(operand) ? "-(" + text + ")" : "-" + text
            case .not: return "!" + text
            }
        case .binary(let op, let lhs, let rhs):
            return expression(lhs, minimum: op.precedence) + " \(op) " + expression(rhs, minimum: op.precedence + 1)
        case .arrow(let parameters, let body):
            let head = "(" + parameters.map(\.name).joined(separator: ", ") + ") => "
            switch body {
            case .expression(let value):
                if case .object = value.kind { return head + "(" + bare(value) + ")" }
                return head + expression(value, minimum: lowest)
            case .block(let statements):
                return head + Printer.block(statements)
            }
        }
    }

    /// A minus before a number literal written with digits would be folded into it on
    /// reparsing (`NaN` and `Infinity` are words, which the parser does not fold).
    private static func isFoldable(_ operand: Expression) -> Bool {
        switch operand.kind {
        case .number(let n): n.value.isFinite
        case .bigint: true
        default: false
        }
    }

    /// The object of a member access, index or call: number literals get parentheses too, so
    /// `(1).x` is not read as a decimal point.
    private static func postfixBase(_ base: Expression) -> String {
        switch base.kind {
        case .number, .bigint: return "(" + bare(base) + ")"
        default: return expression(base, minimum: postfix)
        }
    }

    /// An object key: bare when it is a valid name, else quoted.
    static func key(_ key: String) -> String { Lexer.isIdentifier(key) ? key : quoted(key) }

    /// A string literal in double quotes, with `\"`, `\\`, `\n`, `\t`, `\r` and `\u{...}` for
    /// other control characters.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// `{ a; b }` on one line (`{}` when empty).
    static func block(_ statements: [Statement]) -> String {
        statements.isEmpty ? "{}" : "{ " + statements.map(\.description).joined(separator: "; ") + " }"
    }
}
