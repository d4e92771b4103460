/// A span of a scenario file: from `start` (inclusive) to `end` (exclusive).
///
/// Every syntax node and every header key carries one, so the interpreter can point at the
/// exact text a runtime error concerns. A zero-width range (`start == end`) marks a point, for
/// example "the `)` is missing here".
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    /// The first position inside the range.
    public var start: SourceLocation
    /// The position just after the last character of the range.
    public var end: SourceLocation

    /// Creates a range; `end` is exclusive.
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// A zero-width range at `location`.
    public static func point(_ location: SourceLocation) -> SourceRange {
        SourceRange(start: location, end: location)
    }

    /// The range 1:1-1:1, used where location does not matter (for example after
    /// ``Expression/erasingLocations()``).
    public static let zero = SourceRange.point(SourceLocation(line: 1, column: 1))

    /// The smallest range covering both `self` and `other`.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }

    /// `start-end`, e.g. `3:5-3:9`.
    public var description: String { "\(start)-\(end)" }
}
