/// How much slower than real time the inspector's live work runs (`--slow-motion FACTOR`).
///
/// Why: in a live session console statements run on the runtime's wall clock divided by the
/// factor, so `sleep 1000` with a factor of 4 takes four real seconds, long enough to watch
/// calls and tasks be pending in the panes. A replay never uses it (it runs on virtual time).
///
/// Guarantees: a value of this type is always in ``allowed`` (finite and positive), so the
/// clock never divides by zero, goes backwards or stands still. Factors below 1 are allowed for
/// fast-forwarding through long drains (0.25 = four times faster than real time); above 100
/// a one-second sleep would take minutes, which teaches nothing.
public struct SlowMotion: Hashable, Sendable, CustomStringConvertible {
    /// The factors accepted: from 4× faster to 100× slower than real time.
    public static let allowed: ClosedRange<Double> = 0.25...100

    /// Real time is divided by this (4 = four times slower).
    public let factor: Double

    /// A factor that is not in ``allowed``, with a sentence saying what is.
    public struct Invalid: Error, Hashable, Sendable, CustomStringConvertible {
        /// What was wrong and what to give instead.
        public let description: String

        /// An error saying `description`.
        public init(description: String) { self.description = description }
    }

    /// Checks `factor`; throws ``Invalid`` (NaN, infinities, zero, negatives, out of range).
    public init(_ factor: Double) throws(Invalid) {
        guard factor.isFinite, SlowMotion.allowed.contains(factor) else {
            throw Invalid(
                description: "--slow-motion must be a number from \(SlowMotion.format(SlowMotion.allowed.lowerBound)) to "
                    + "\(SlowMotion.format(SlowMotion.allowed.upperBound)) (4 runs four times slower than real time), not \(SlowMotion.format(factor))")
        }
        self.factor = factor
    }

    /// `×4`, `×0.5`.
    public var description: String { "×" + SlowMotion.format(factor) }

    /// A factor as a person writes it: `4`, `0.25`, `nan`.
    static func format(_ value: Double) -> String {
        if value.isFinite && value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
