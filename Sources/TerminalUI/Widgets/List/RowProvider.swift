/// The rows of a virtualised widget: a count and a closure that makes row `i` on demand.
///
/// Widgets ask only for the rows they show, so a million rows cost the same to draw as ten.
/// The closure is called during rendering only, for indices in `0 ..< count`, at most once per
/// shown row per render.
public struct RowProvider<Row> {
    /// The number of rows; at least 0.
    public let count: Int
    private let make: (Int) -> Row

    /// Creates a provider of `count` rows (negative counts become 0).
    public init(count: Int, row: @escaping (Int) -> Row) {
        self.count = max(0, count)
        self.make = row
    }

    /// Creates a provider over an array.
    public init(_ rows: [Row]) {
        self.init(count: rows.count) { rows[$0] }
    }

    /// Row `index`; call only with `0 ..< count`.
    public subscript(index: Int) -> Row {
        make(index)
    }
}
