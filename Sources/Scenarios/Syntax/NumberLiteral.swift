/// The value of a number literal (`1`, `2.5`, `1e3`, `0xff`, `NaN`, `Infinity`, `-0`).
///
/// A thin wrapper over `Double` whose equality compares bit patterns, so that an AST holding
/// `NaN` equals itself (Double's `==` would make the AST violate `Equatable`), and `-0` is kept
/// apart from `0`. All NaNs are stored as the one canonical `Double.nan`.
public struct NumberLiteral: Sendable, Hashable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
    CustomStringConvertible
{
    /// The number.
    public let value: Double

    /// Wraps `value` (any NaN becomes `Double.nan`).
    public init(_ value: Double) {
        self.value = value.isNaN ? .nan : value
    }

    /// `1.5` in an expression written as a Swift literal.
    public init(floatLiteral value: Double) { self.init(value) }
    /// `2` in an expression written as a Swift literal.
    public init(integerLiteral value: Int) { self.init(Double(value)) }

    /// Bitwise equality: `NaN == NaN`, `-0 != 0`.
    public static func == (lhs: NumberLiteral, rhs: NumberLiteral) -> Bool {
        lhs.value.bitPattern == rhs.value.bitPattern
    }

    /// Hashes the bit pattern, consistently with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(value.bitPattern) }

    /// The number as the script would write it: `NaN`, `Infinity`, `-Infinity`, integers
    /// without a fraction (`3`, `-0`), others in Swift's shortest round-trip form (`0.1`, `1e-07`).
    public var description: String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == value.rounded(), Swift.abs(value) < 1e18 {
            let integer = Int64(value)
            return integer == 0 && value.sign == .minus ? "-0" : String(integer)
        }
        return String(value)
    }
}
