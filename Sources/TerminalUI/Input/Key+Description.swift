extension Key: CustomStringConvertible {
    /// The name shown in help screens and status-bar hints.
    ///
    /// Characters show as themselves (`"q"`, `"?"`, `"G"`), except the space, which is
    /// `"Space"`. Others: `"Ctrl-C"`, `"Alt-b"`, `"Enter"`, `"Esc"`, `"Tab"`, `"Shift-Tab"`,
    /// `"Backspace"`, `"Del"`, `"Ins"`, `"↑"`, `"↓"`, `"←"`, `"→"`, `"Ctrl-←"`, `"Ctrl-→"`,
    /// `"Home"`, `"End"`, `"PgUp"`, `"PgDn"`, `"F1"`.
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .alt(" "): return "Alt-Space"
        case .alt(let c): return "Alt-" + String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .ctrlLeft: return "Ctrl-←"
        case .ctrlRight: return "Ctrl-→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        }
    }

    /// Parses a key name as written in help screens and keymap tables; `nil` if it names no key.
    ///
    /// Accepts every ``description`` (so names round-trip) and common spellings, case-insensitive
    /// for named keys: `Ctrl-x`, `Ctrl+X`, `C-x`, `^X`; `Alt-x`, `Alt+x`, `M-x`, `Meta-x`;
    /// `Return`, `Escape`, `BackTab`, `S-Tab`, `Delete`, `Insert`, `Up`/`Down`/`Left`/`Right`,
    /// `PageUp`/`PageDown`, `Space`, `F0`–`F63`. A single character is that character, with one
    /// exception: the arrows `↑ ↓ ← →` name the arrow keys.
    public init?(_ name: String) {
        if name.count == 1, let c = name.first {
            switch c {
            case "↑": self = .up
            case "↓": self = .down
            case "←": self = .left
            case "→": self = .right
            default: self = Key(typed: c)
            }
            return
        }
        if let modified = Key.parseModified(name) {
            self = modified
            return
        }
        let lower = name.lowercased()
        if let named = Key.names[lower] {
            self = named
            return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (0...63).contains(n), !lower.dropFirst().hasPrefix("+") {
            self = .function(n)
            return
        }
        return nil
    }

    private static let names: [String: Key] = [
        "space": .character(" "), "enter": .enter, "return": .enter, "ret": .enter, "esc": .escape,
        "escape": .escape, "tab": .tab, "shift-tab": .backTab, "shift+tab": .backTab, "s-tab": .backTab,
        "backtab": .backTab, "backspace": .backspace, "bs": .backspace, "del": .delete, "delete": .delete,
        "ins": .insert, "insert": .insert, "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown,
        "pagedown": .pageDown, "pgdown": .pageDown,
    ]

    private static func parseModified(_ name: String) -> Key? {
        let lower = name.lowercased()
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) && name.count > prefix.count {
            let rest = String(name.dropFirst(prefix.count))
            switch rest.lowercased() {
            case "←", "left": return .ctrlLeft
            case "→", "right": return .ctrlRight
            case "space": return .ctrl("@")
            default: break
            }
            guard rest.count == 1, let c = rest.first else { return nil }
            return .ctrl(Character(String(c).lowercased()))
        }
        for prefix in ["alt-", "alt+", "m-", "meta-", "meta+"] where lower.hasPrefix(prefix) && name.count > prefix.count {
            let rest = String(name.dropFirst(prefix.count))
            if rest.lowercased() == "space" { return .alt(" ") }
            guard rest.count == 1, let c = rest.first else { return nil }
            return .alt(c)
        }
        return nil
    }
}
