/// Operators and punctuation of the script language. Some exist only so that the parser can
/// explain why they are not accepted (`===`, `++`).
enum Punctuator: String, Sendable, CaseIterable {
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}", comma = ",", semicolon = ";", colon = ":", dot = "."
    case arrow = "=>", assign = "=", plusAssign = "+=", minusAssign = "-="
    case equal = "==", notEqual = "!=", strictEqual = "===", strictNotEqual = "!=="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%", bang = "!"
    case and = "&&", or = "||", increment = "++", decrement = "--"
}
