/// How much of a split one piece asks for; see ``Rect/split(_:_:)``.
///
/// Space is handed out in a fixed order so that the result is predictable:
/// 1. `fixed` pieces get their size, in order, while space remains;
/// 2. `fraction` pieces get their share of the *whole* length (at least their `min`), in order,
///    while space remains; shares are rounded so that fractions adding up to 1 use the whole length;
/// 3. `fill` pieces first get their `min`, then split what is left by `weight` (remainders go
///    one cell at a time to the first fill pieces).
///
/// Without any `fill` piece, space left over stays unused at the end.
public enum LayoutConstraint: Hashable, Sendable {
    /// Exactly `n` cells (fewer if the rectangle is too small).
    case fixed(Int)
    /// A share (0...1) of the whole length, but at least `min` cells when there is room.
    case fraction(Double, min: Int = 0)
    /// Whatever is left, shared by weight with the other `fill` pieces, at least `min` cells when
    /// there is room.
    case fill(min: Int = 0, weight: Int = 1)

    /// Whatever is left, but at least `n` cells when there is room: `fill(min: n)`.
    public static func min(_ n: Int) -> LayoutConstraint { .fill(min: n) }

    /// The lengths of the pieces for `constraints` along a length of `total` cells.
    ///
    /// Guarantees: one length per constraint, each ≥ 0, and their sum ≤ `max(total, 0)`
    /// (equal to it whenever a `fill` piece is present; totals beyond 2⁴⁰ are treated as 2⁴⁰).
    public static func lengths(for constraints: [LayoutConstraint], total: Int) -> [Int] {
        // Capped so that fraction arithmetic in Double stays exact and converts back safely.
        let total = Swift.min(Swift.max(0, total), 1 << 40)
        var lengths = [Int](repeating: 0, count: constraints.count)
        var remaining = total

        for (index, constraint) in constraints.enumerated() {
            if case .fixed(let n) = constraint {
                let length = Swift.min(Swift.max(0, n), remaining)
                lengths[index] = length
                remaining -= length
            }
        }

        var cumulative = 0.0
        for (index, constraint) in constraints.enumerated() {
            if case .fraction(let share, let minimum) = constraint {
                let share = share.isFinite ? Swift.min(Swift.max(share, 0), 1) : 0
                let start = Int((cumulative * Double(total)).rounded(.down))
                cumulative = Swift.min(cumulative + share, 1)
                let end = Int((cumulative * Double(total)).rounded(.down))
                let length = Swift.min(Swift.max(end - start, minimum, 0), remaining)
                lengths[index] = length
                remaining -= length
            }
        }

        var fillIndices: [Int] = []
        var weights: [Int] = []
        for (index, constraint) in constraints.enumerated() {
            if case .fill(let minimum, let weight) = constraint {
                let length = Swift.min(Swift.max(0, minimum), remaining)
                lengths[index] = length
                remaining -= length
                fillIndices.append(index)
                weights.append(Swift.min(Swift.max(0, weight), 1 << 20))  // keeps `remaining * weight` in range
            }
        }
        if !fillIndices.isEmpty && remaining > 0 {
            if weights.allSatisfy({ $0 == 0 }) { weights = weights.map { _ in 1 } }
            let totalWeight = weights.reduce(0, +)
            var handedOut = 0
            for (slot, index) in fillIndices.enumerated() {
                let share = remaining * weights[slot] / totalWeight
                lengths[index] += share
                handedOut += share
            }
            var leftover = remaining - handedOut
            for (slot, index) in fillIndices.enumerated() where leftover > 0 && weights[slot] > 0 {
                lengths[index] += 1
                leftover -= 1
            }
        }
        return lengths
    }
}
