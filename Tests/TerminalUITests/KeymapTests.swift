import Testing
import TerminalUI

struct KeymapTests {
    enum Action: Hashable, Sendable {
        case quit, help, down, nextPane
    }

    @Test func one_table_drives_lookup_and_help() throws {
        let keymap = Keymap<Action>([
            try #require(KeyBinding(["q", "Ctrl-C"], .quit, help: "quit")),
            try #require(KeyBinding(["?"], .help, help: "help")),
            KeyBinding([.character("j"), .down], .down, help: "move down"),
            KeyBinding([.tab], .nextPane, help: "next pane"),
        ])
        #expect(keymap.action(for: .ctrl("c")) == .quit)
        #expect(keymap.action(for: .down) == .down)
        #expect(keymap.action(for: .character("x")) == nil)
        #expect(keymap.keys(for: .quit) == [.character("q"), .ctrl("c")])
        #expect(keymap.conflicts == [])
        let help = keymap.helpEntries.map { "\($0.keys) \($0.help)" }
        #expect(help == ["q/Ctrl-C quit", "? help", "j/↓ move down", "Tab next pane"])
    }

    @Test func conflicts_are_reported_and_the_first_binding_wins() {
        let keymap = Keymap<Action>([
            KeyBinding([.character("q")], .quit, help: "quit"),
            KeyBinding([.character("q"), .character("?")], .help, help: "help"),
            KeyBinding([.character("?")], .down, help: "oops"),
        ])
        #expect(keymap.action(for: .character("q")) == .quit)
        #expect(keymap.conflicts == [.character("q"), .character("?")])
    }

    @Test func a_misspelt_key_name_is_caught() {
        #expect(KeyBinding<Action>(["q", "Ctlr-C"], .quit, help: "quit") == nil)
    }

    @Test func keys_shared_with_another_scope_are_found() {
        let global = Keymap<Action>([KeyBinding([.character("q")], .quit, help: "quit")])
        let local = Keymap<Action>([KeyBinding([.character("j"), .character("q")], .down, help: "down")])
        #expect(local.sharedKeys(with: global) == [.character("q")])
    }
}
