extension Rect {
    /// Splits the rectangle into consecutive pieces along `axis`, one per constraint.
    ///
    /// Pieces never overlap, stay inside the rectangle and keep its full extent across the
    /// other axis; see ``LayoutConstraint`` for how space is shared. An empty or too-small
    /// rectangle gives empty pieces, never a crash.
    public func split(_ axis: Axis, _ constraints: [LayoutConstraint]) -> [Rect] {
        let total = axis == .horizontal ? width : height
        var position = axis == .horizontal ? x : y
        return LayoutConstraint.lengths(for: constraints, total: total).map { length in
            defer { position += length }
            switch axis {
            case .horizontal: return Rect(x: position, y: y, width: length, height: height)
            case .vertical: return Rect(x: x, y: position, width: width, height: length)
            }
        }
    }

    /// Pieces side by side, left to right: `split(.horizontal, constraints)`.
    public func columns(_ constraints: LayoutConstraint...) -> [Rect] {
        split(.horizontal, constraints)
    }

    /// Pieces stacked top to bottom: `split(.vertical, constraints)`.
    public func rows(_ constraints: LayoutConstraint...) -> [Rect] {
        split(.vertical, constraints)
    }

    /// The top `rows` rows (fewer if the rectangle is shorter) and the rest below them.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let n = Swift.min(Swift.max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: n), Rect(x: x, y: y + n, width: width, height: height - n))
    }

    /// The bottom `rows` rows (fewer if the rectangle is shorter) and the rest above them.
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let n = Swift.min(Swift.max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: height - n), Rect(x: x, y: maxY - n, width: width, height: n))
    }

    /// The left `columns` columns (fewer if the rectangle is narrower) and the rest to their right.
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let n = Swift.min(Swift.max(0, columns), width)
        return (Rect(x: x, y: y, width: n, height: height), Rect(x: x + n, y: y, width: width - n, height: height))
    }
}
