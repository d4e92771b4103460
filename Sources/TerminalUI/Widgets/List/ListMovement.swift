/// A selection movement in a list, table or tree, independent of the key that asks for it.
///
/// Apps whose keymap drives help screens bind keys to movements; ``ListState/movement(for:)``
/// gives the default bindings.
public enum ListMovement: Hashable, Sendable {
    /// One row up.
    case up
    /// One row down.
    case down
    /// One page up.
    case pageUp
    /// One page down.
    case pageDown
    /// The first row.
    case first
    /// The last row.
    case last
}
