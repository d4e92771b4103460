/// The size of a terminal, grid or region in cells.
///
/// Both dimensions are clamped to be at least 0 when the size is created, so a zero-size
/// terminal is a valid (empty) size rather than an error.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a size; negative dimensions become 0.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// A size with no cells.
    public static let zero = Size(width: 0, height: 0)

    /// Whether the size holds no cell at all.
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The number of cells, `width × height`.
    public var area: Int { width * height }

    /// Whether this size is at least `other` in both dimensions (how breakpoints are tested).
    public func covers(_ other: Size) -> Bool { width >= other.width && height >= other.height }

    /// `"80×24"`.
    public var description: String { "\(width)×\(height)" }
}
