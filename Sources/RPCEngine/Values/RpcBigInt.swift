/// A JavaScript `bigint`, kept as its canonical decimal text (no leading zeros, `-` only for
/// negative values), which is also how Cap'n Web sends it (`["bigint","<decimal>"]`).
public struct RpcBigInt: Sendable, Hashable, CustomStringConvertible {
    public let decimal: String

    /// Parses an optionally signed decimal integer; nil for anything else.
    public init?(_ text: String) {
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" { negative = true; digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let trimmed = digits.drop { $0 == "0" }
        if trimmed.isEmpty {
            decimal = "0"
        } else {
            decimal = (negative ? "-" : "") + trimmed
        }
    }

    public init(_ value: Int) { decimal = String(value) }

    public var isZero: Bool { decimal == "0" }
    public var description: String { decimal }
}
