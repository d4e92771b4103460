extension Int {
    /// `self + other`, clamped to `Int.min ... Int.max` instead of trapping.
    ///
    /// Geometry adds caller-supplied numbers (positions, offsets, page sizes); absurd values
    /// must clip like any other out-of-range drawing rather than crash the process.
    func adding(saturating other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// `self - other`, clamped instead of trapping.
    func subtracting(saturating other: Int) -> Int {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other > 0 ? .min : .max
    }
}
