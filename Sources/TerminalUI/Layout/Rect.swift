/// A rectangle of cells: the origin is its top-left cell, and it covers columns
/// `minX ..< maxX` and rows `minY ..< maxY`.
///
/// Width and height are never negative (they are clamped when the rectangle is created), and
/// every operation returns a valid, possibly empty, rectangle: insetting a small rectangle or
/// intersecting disjoint ones gives an empty rectangle, never a crash.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    /// The leftmost column.
    public var x: Int
    /// The top row.
    public var y: Int
    /// The number of columns; at least 0.
    public var width: Int { didSet { width = max(0, width) } }
    /// The number of rows; at least 0.
    public var height: Int { didSet { height = max(0, height) } }

    /// Creates a rectangle; a negative width or height becomes 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// Creates a rectangle from its top-left corner and size.
    public init(origin: Point, size: Size) {
        self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }

    /// Creates the rectangle at the origin covering `size`, as a whole grid or screen does.
    public init(size: Size) {
        self.init(x: 0, y: 0, width: size.width, height: size.height)
    }

    /// The empty rectangle at the origin.
    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    /// The top-left cell.
    public var origin: Point { Point(x: x, y: y) }
    /// The width and height.
    public var size: Size { Size(width: width, height: height) }
    /// The leftmost column (same as `x`).
    public var minX: Int { x }
    /// The top row (same as `y`).
    public var minY: Int { y }
    /// The column just past the right edge (exclusive).
    public var maxX: Int { x.adding(saturating: width) }
    /// The row just below the bottom edge (exclusive).
    public var maxY: Int { y.adding(saturating: height) }
    /// Whether the rectangle covers no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// Whether `point` is one of the rectangle's cells.
    public func contains(_ point: Point) -> Bool {
        point.x >= minX && point.x < maxX && point.y >= minY && point.y < maxY
    }

    /// Whether every cell of `other` is inside this rectangle (an empty `other` always is).
    public func contains(_ other: Rect) -> Bool {
        other.isEmpty
            || (other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY)
    }

    /// The cells both rectangles cover; empty (at a clamped origin) when they do not overlap.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(minX, other.minX)
        let top = max(minY, other.minY)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right.subtracting(saturating: left), height: bottom.subtracting(saturating: top))
    }

    /// The rectangle shrunk by `amount` cells on every side (empty if it was too small).
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// The rectangle shrunk by the given number of cells on each side (empty if too small).
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let width = max(0, self.width - left - right)
        let height = max(0, self.height - top - bottom)
        return Rect(x: x + min(left, self.width), y: y + min(top, self.height), width: width, height: height)
    }

    /// The rectangle moved by `dx` columns and `dy` rows.
    public func offsetBy(dx: Int, dy: Int) -> Rect {
        Rect(x: x.adding(saturating: dx), y: y.adding(saturating: dy), width: width, height: height)
    }

    /// `"(x,y) w×h"`.
    public var description: String { "(\(x),\(y)) \(width)×\(height)" }
}
