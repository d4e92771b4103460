import Testing
import TerminalUI

struct LineTests {
    @Test func truncation_ends_with_an_ellipsis() {
        #expect(Line("hello world").truncated(toWidth: 8).text == "hello w…")
        #expect(Line("hello").truncated(toWidth: 5).text == "hello")
        #expect(Line("hello").truncated(toWidth: 0).text == "")
        #expect(Line("hello").truncated(toWidth: -3).text == "")
        #expect(Line("hello").truncated(toWidth: 1).text == "…")
        #expect(Line("日本語").truncated(toWidth: 4).text == "日…")
        #expect(Line("日本語").truncated(toWidth: 4, ellipsis: nil).text == "日本")
    }

    @Test func truncation_keeps_styles_and_gives_the_ellipsis_the_cut_style() {
        let line = Line("ab", style: .ok) + Line("cdef", style: .error)
        #expect(line.truncated(toWidth: 4) == Line("ab", style: .ok) + Line("c…", style: .error))
    }

    @Test func slices_cut_wide_characters_into_spaces() {
        #expect(Line("a日b").slice(fromColumn: 2, width: 2).text == " b")
        #expect(Line("a日b").slice(fromColumn: 0, width: 2).text == "a ")
        #expect(Line("a日b").slice(fromColumn: 1, width: 9).text == "日b")
        #expect(Line("abc").slice(fromColumn: 5, width: 2).text == "")
    }

    @Test func wrapping_breaks_after_spaces() {
        #expect(Line("the quick brown fox").wrapped(toWidth: 10).map(\.text) == ["the quick", "brown fox"])
        #expect(Line("one two three four five six").wrapped(toWidth: 9).map(\.text) == ["one two", "three", "four five", "six"])
    }

    @Test func wrapping_breaks_long_words_and_never_splits_wide_characters() {
        #expect(Line("abcdefghij").wrapped(toWidth: 4).map(\.text) == ["abcd", "efgh", "ij"])
        #expect(Line("日本語").wrapped(toWidth: 5).map(\.text) == ["日本", "語"])
        #expect(Line("日").wrapped(toWidth: 1).map(\.text) == ["日"])
    }

    @Test func wrapping_keeps_styles_and_newlines_and_empty_lines() {
        let line = Line("ab ", style: .ok) + Line("cd", style: .error)
        #expect(line.wrapped(toWidth: 3) == [Line("ab", style: .ok), Line("cd", style: .error)])
        #expect(Line("a\n\nb").wrapped(toWidth: 5).map(\.text) == ["a", "", "b"])
        #expect(Line().wrapped(toWidth: 5) == [Line()])
        #expect(Line("abc").wrapped(toWidth: 0) == [])
    }

    @Test func alignment_offsets() {
        #expect(TextAlignment.left.offset(textWidth: 3, in: 10) == 0)
        #expect(TextAlignment.center.offset(textWidth: 3, in: 10) == 3)
        #expect(TextAlignment.right.offset(textWidth: 3, in: 10) == 7)
        #expect(TextAlignment.right.offset(textWidth: 12, in: 10) == 0)
    }
}
