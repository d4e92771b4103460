/// One cell that differs between two frames: where it is and what it holds now.
///
/// Produced by ``Grid/changes(from:)``; backends write only these cells to the terminal.
public struct CellChange: Hashable, Sendable {
    /// The cell's position.
    public var point: Point
    /// The cell's new content.
    public var cell: Cell

    /// Creates a change.
    public init(point: Point, cell: Cell) {
        self.point = point
        self.cell = cell
    }
}
