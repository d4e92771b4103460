import Testing
import TerminalUI

struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("日", 2), ("한", 2), ("Ａ", 2), ("ｱ", 1), ("✓", 1), ("✗", 1), ("●", 1), ("▸", 1),
        ("─", 1), ("⏳", 2), ("✅", 2), ("🙂", 2), ("🇫🇷", 2), ("❤", 1), ("❤️", 2), ("e\u{301}", 1),
        ("\u{200B}", 0), ("\u{FE0F}", 0), ("\t", 1), ("\u{7F}", 1),
    ] as [(Character, Int)])
    func character_widths(character: Character, width: Int) {
        #expect(DisplayWidth.of(character) == width)
    }

    @Test func a_string_is_as_wide_as_its_characters() {
        #expect(DisplayWidth.of("日本a") == 5)
        #expect(DisplayWidth.of("") == 0)
        #expect(Line("ab", style: .ok).width + Line("日").width == 4)
    }
}
