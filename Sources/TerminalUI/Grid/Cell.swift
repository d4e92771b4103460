/// One cell of a ``Grid``: a character (a whole grapheme cluster), its ``Style``, and how many
/// columns it covers.
///
/// A wide character (日, ⏳) is stored as a *lead* cell of width 2 followed by a *continuation*
/// cell of width 0 that carries the same style and draws nothing. ``Grid`` keeps that pairing
/// intact: overwriting either half of a wide character turns the other half into a space.
public struct Cell: Hashable, Sendable {
    /// The character shown. A continuation cell holds a space.
    public private(set) var character: Character
    /// The style of the cell.
    public var style: Style
    /// Columns covered: 1 or 2 for a lead cell, 0 for the continuation of a wide character.
    public var width: Int { Int(storedWidth) }

    private var storedWidth: UInt8

    /// Creates a cell for `character`. Control characters and zero-width characters, which
    /// cannot stand in a cell of their own, become a space; the width comes from ``DisplayWidth``.
    public init(_ character: Character, style: Style = .normal) {
        let width = DisplayWidth.of(character)
        if DisplayWidth.isControl(character) || width == 0 {
            self.character = " "
            self.storedWidth = 1
        } else {
            self.character = character
            self.storedWidth = UInt8(width)
        }
        self.style = style
    }

    private init(character: Character, style: Style, width: UInt8) {
        self.character = character
        self.style = style
        self.storedWidth = width
    }

    /// A space in the `.normal` style: what a new grid is filled with.
    public static let blank = Cell(" ")

    /// The right half of a wide character whose lead cell is just to the left.
    static func continuation(_ style: Style) -> Cell {
        Cell(character: " ", style: style, width: 0)
    }

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { storedWidth == 0 }

    /// Whether this is the left half of a wide character.
    public var isWide: Bool { storedWidth == 2 }
}
