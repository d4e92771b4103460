/// A key press, as a value.
///
/// Backends translate terminal input into keys; apps match on them (`case .character("q")`,
/// `case .ctrl("c")`) and keymaps list them. ``description`` is the name shown in help screens
/// (`"Ctrl-C"`, `"PgDn"`, `"?"`), and ``init(_:)`` parses such names back, so a keymap table can
/// be written as text and every key round-trips (`Key(k.description) == k`).
///
/// Conventions: `ctrl` and `alt` carry the character as typed, with `ctrl` letters in lower
/// case (`.ctrl("c")` is Ctrl-C); a shifted letter is just its capital (`.character("G")`).
/// Tab, Enter, Backspace and Esc are their own cases, never `.ctrl`.
public enum Key: Hashable, Sendable {
    /// A printable character, including any UTF-8 text (`"q"`, `"G"`, `"?"`, `" "`, `"日"`).
    case character(Character)
    /// Control plus a character: `.ctrl("c")` is Ctrl-C. Letters are lower case.
    case ctrl(Character)
    /// Alt (Meta) plus a character: what terminals send as Esc followed by the character.
    case alt(Character)
    /// Enter / Return.
    case enter
    /// Esc.
    case escape
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Backspace.
    case backspace
    /// Delete (forward).
    case delete
    /// Insert.
    case insert
    /// Up arrow.
    case up
    /// Down arrow.
    case down
    /// Left arrow.
    case left
    /// Right arrow.
    case right
    /// Ctrl plus left arrow (word left in text fields).
    case ctrlLeft
    /// Ctrl plus right arrow (word right in text fields).
    case ctrlRight
    /// Home.
    case home
    /// End.
    case end
    /// Page Up.
    case pageUp
    /// Page Down.
    case pageDown
    /// Function key `n` (F1 is `.function(1)`).
    case function(Int)

    /// The key a terminal sends for `character` when it is typed.
    ///
    /// Control codes become the keys they are: CR or LF → Enter, HT → Tab, ESC → Esc,
    /// DEL or BS → Backspace, 1–26 → Ctrl-A…Ctrl-Z, NUL → Ctrl-@, 28–31 → Ctrl-\ Ctrl-] Ctrl-^
    /// Ctrl-_. Anything else is `.character`.
    public init(typed character: Character) {
        if character == "\r\n" {
            self = .enter
            return
        }
        guard character.unicodeScalars.count == 1, let value = character.unicodeScalars.first?.value,
            value < 0x20 || value == 0x7F
        else {
            self = .character(character)
            return
        }
        switch value {
        case 0x0D, 0x0A: self = .enter
        case 0x09: self = .tab
        case 0x1B: self = .escape
        case 0x7F, 0x08: self = .backspace
        case 0x00: self = .ctrl("@")
        case 0x01...0x1A: self = .ctrl(Character(Unicode.Scalar(value + 0x60)!))
        default: self = .ctrl(Character(Unicode.Scalar(value + 0x40)!))  // 0x1C–0x1F: \ ] ^ _
        }
    }
}
