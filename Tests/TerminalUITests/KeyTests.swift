import Testing
import TerminalUI

struct KeyTests {
    @Test func descriptions_are_what_help_screens_show() {
        #expect(Key.ctrl("c").description == "Ctrl-C")
        #expect(Key.pageDown.description == "PgDn")
        #expect(Key.pageUp.description == "PgUp")
        #expect(Key.character("?").description == "?")
        #expect(Key.character("G").description == "G")
        #expect(Key.character(" ").description == "Space")
        #expect(Key.backTab.description == "Shift-Tab")
        #expect(Key.function(5).description == "F5")
        #expect(Key.alt("b").description == "Alt-b")
        #expect(Key.up.description == "↑")
        #expect(Key.ctrlLeft.description == "Ctrl-←")
        #expect(Key.escape.description == "Esc")
        #expect(Key.enter.description == "Enter")
        #expect(Key.delete.description == "Del")
    }

    static let everyKindOfKey: [Key] =
        [
            .character("q"), .character("G"), .character("?"), .character("日"), .character("-"), .character("^"),
            .character("+"), .character(" "), .character("1"), .alt("b"), .alt("B"), .alt(" "), .enter, .escape,
            .tab, .backTab, .backspace, .delete, .insert, .up, .down, .left, .right, .ctrlLeft, .ctrlRight, .home,
            .end, .pageUp, .pageDown, .ctrl("@"), .ctrl("\\"), .ctrl("]"), .ctrl("^"), .ctrl("_"),
        ] + "abcdefghijklmnopqrstuvwxyz".map { Key.ctrl($0) } + (1...12).map { Key.function($0) }

    @Test(arguments: everyKindOfKey)
    func descriptions_parse_back_to_the_same_key(key: Key) {
        #expect(Key(key.description) == key)
    }

    @Test func common_spellings_parse() {
        #expect(Key("C-x") == .ctrl("x"))
        #expect(Key("^C") == .ctrl("c"))
        #expect(Key("ctrl+w") == .ctrl("w"))
        #expect(Key("Ctrl-Left") == .ctrlLeft)
        #expect(Key("Return") == .enter)
        #expect(Key("escape") == .escape)
        #expect(Key("pagedown") == .pageDown)
        #expect(Key("S-Tab") == .backTab)
        #expect(Key("M-f") == .alt("f"))
        #expect(Key("Up") == .up)
        #expect(Key("F13") == .function(13))
        #expect(Key("space") == .character(" "))
    }

    @Test func names_that_are_not_keys_do_not_parse() {
        #expect(Key("") == nil)
        #expect(Key("Ctrlx") == nil)
        #expect(Key("Ctrl-xy") == nil)
        #expect(Key("F64") == nil)
        #expect(Key("F+1") == nil)
        #expect(Key("Foo") == nil)
        #expect(Key("Alt-") == nil)
    }

    @Test func typed_control_codes_become_their_keys() {
        #expect(Key(typed: "\r") == .enter)
        #expect(Key(typed: "\n") == .enter)
        #expect(Key(typed: "\r\n") == .enter)
        #expect(Key(typed: "\t") == .tab)
        #expect(Key(typed: "\u{1B}") == .escape)
        #expect(Key(typed: "\u{7F}") == .backspace)
        #expect(Key(typed: "\u{8}") == .backspace)
        #expect(Key(typed: "\u{3}") == .ctrl("c"))
        #expect(Key(typed: "\u{1A}") == .ctrl("z"))
        #expect(Key(typed: "\u{0}") == .ctrl("@"))
        #expect(Key(typed: "\u{1C}") == .ctrl("\\"))
        #expect(Key(typed: "é") == .character("é"))
    }

    @Test func wheel_events_have_no_button() {
        #expect(MouseEvent(.wheelUp, button: .left, at: .zero).button == .none)
        #expect(MouseEvent(.click, at: Point(x: 3, y: 4)) == MouseEvent(.click, button: .left, at: Point(x: 3, y: 4)))
    }
}
