/// One cell as curses holds it, read back by ``CursesBackend/screenCell(at:)``: what tests of
/// the real curses path compare against.
public struct CursesScreenCell: Hashable, Sendable {
    /// The cell's characters (a space for an empty cell).
    public var text: String
    /// The attributes curses will show.
    public var attributes: TextAttributes
    /// The curses colour pair number (0 when the cell has no colour).
    public var colorPair: Int

    /// Creates a read-back cell.
    public init(text: String, attributes: TextAttributes, colorPair: Int) {
        self.text = text
        self.attributes = attributes
        self.colorPair = colorPair
    }
}
