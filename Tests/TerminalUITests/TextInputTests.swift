import Testing
import TerminalUI

struct TextInputTests {
    private func type(_ text: String, into input: inout TextInput) {
        for character in text { _ = input.handle(.character(character)) }
    }

    @Test func typing_inserts_at_the_cursor() {
        var input = TextInput()
        type("helo", into: &input)
        let outcome1 = input.handle(.left)
        #expect(outcome1 == .handled)
        type("l", into: &input)
        #expect(input.text == "hello")
        #expect(input.cursor == 4)
        _ = input.handle(.home)
        type(">", into: &input)
        _ = input.handle(.ctrl("e"))
        type("!", into: &input)
        #expect(input.text == ">hello!")
        #expect(input.cursor == 7)
    }

    @Test func deleting_never_goes_past_the_ends() {
        var input = TextInput(text: "日本")
        _ = input.handle(.left)
        _ = input.handle(.backspace)
        #expect(input.text == "本")
        #expect(input.cursor == 0)
        _ = input.handle(.backspace)
        #expect(input.text == "本")
        _ = input.handle(.delete)
        #expect(input.text == "")
        _ = input.handle(.ctrl("d"))
        #expect(input.text == "")
        #expect(input.cursor == 0)
    }

    @Test func word_movement() {
        var input = TextInput(text: "foo bar_baz qux")
        _ = input.handle(.alt("b"))
        #expect(input.cursor == 12)
        _ = input.handle(.ctrlLeft)
        #expect(input.cursor == 4)
        _ = input.handle(.alt("f"))
        #expect(input.cursor == 11)
        _ = input.handle(.ctrlRight)
        #expect(input.cursor == 15)
    }

    @Test func kill_keys_delete_and_remember_for_yank() {
        var input = TextInput(text: "hello world")
        for _ in 0..<5 { _ = input.handle(.left) }
        _ = input.handle(.ctrl("u"))
        #expect(input.text == "world")
        #expect(input.cursor == 0)
        #expect(input.killBuffer == "hello ")
        _ = input.handle(.ctrl("y"))
        #expect(input.text == "hello world")
        #expect(input.cursor == 6)
        _ = input.handle(.left)
        _ = input.handle(.ctrl("k"))
        #expect(input.text == "hello")
        #expect(input.killBuffer == " world")

        var words = TextInput(text: "foo bar  ")
        _ = words.handle(.ctrl("w"))
        #expect(words.text == "foo ")
        #expect(words.killBuffer == "bar  ")
        _ = words.handle(.ctrl("w"))
        #expect(words.text == "")
    }

    @Test func enter_submits_records_history_and_clears() {
        var input = TextInput()
        type("a", into: &input)
        let outcome2 = input.handle(.enter)
        #expect(outcome2 == .submitted("a"))
        #expect(input.text == "")
        type("b", into: &input)
        _ = input.handle(.enter)
        type("b", into: &input)
        _ = input.handle(.enter)
        let outcome3 = input.handle(.enter)
        #expect(outcome3 == .submitted(""))
        #expect(input.history == ["a", "b"])
        let outcome4 = input.handle(.escape)
        #expect(outcome4 == .ignored)
        let outcome5 = input.handle(.function(1))
        #expect(outcome5 == .ignored)
    }

    @Test func history_walks_back_and_forth_and_restores_the_draft() {
        var input = TextInput(history: ["a", "b"])
        type("dr", into: &input)
        _ = input.handle(.up)
        #expect(input.text == "b")
        _ = input.handle(.ctrl("p"))
        #expect(input.text == "a")
        _ = input.handle(.up)
        #expect(input.text == "a")
        _ = input.handle(.down)
        #expect(input.text == "b")
        _ = input.handle(.ctrl("n"))
        #expect(input.text == "dr")
        #expect(input.cursor == 2)
        _ = input.handle(.down)
        #expect(input.text == "dr")
    }

    @Test func history_keeps_only_the_newest_entries() {
        var input = TextInput(historyLimit: 2)
        for line in ["a", "b", "c"] {
            input.text = line
            _ = input.submit()
        }
        #expect(input.history == ["b", "c"])
    }

    @Test func tab_completes_to_the_common_prefix_then_to_the_single_candidate() {
        var input = TextInput()
        var asked: [String] = []
        let names = ["env", "envelope", "exit"]
        let provider: (String) -> [String] = { prefix in
            asked.append(prefix)
            return names.filter { $0.hasPrefix(prefix) }
        }
        type("en", into: &input)
        let outcome6 = input.handle(.tab, complete: provider)
        #expect(outcome6 == .handled)
        #expect(input.text == "env")
        #expect(input.completions == ["env", "envelope"])
        type("e", into: &input)
        #expect(input.completions == [])
        _ = input.handle(.tab, complete: provider)
        #expect(input.text == "envelope")
        #expect(input.cursor == 8)
        #expect(asked == ["en", "enve"])
        let outcome7 = input.handle(.tab)
        #expect(outcome7 == .ignored)
    }

    @Test func completion_works_on_the_token_before_the_cursor() {
        var input = TextInput(text: "await f(env.CO) + 1")
        for _ in 0..<5 { _ = input.handle(.left) }
        var asked: [String] = []
        _ = input.handle(.tab) { token in
            asked.append(token)
            return ["env.COUNTER", "env.COUNT_B", "other"]
        }
        #expect(asked == ["env.CO"])
        #expect(input.text == "await f(env.COUNT) + 1")
        #expect(input.cursor == 17)
        #expect(input.completions == ["env.COUNTER", "env.COUNT_B"])
    }

    @Test func rendering_scrolls_to_keep_the_cursor_visible() {
        var grid = Grid(width: 10, height: 1)
        TextInput(text: "hello").render(into: &grid, in: grid.bounds)
        #expect(grid.rows() == ["> hello"])
        #expect(grid.cursor == Point(x: 7, y: 0))

        TextInput(text: "abcdefghijkl").render(into: &grid, in: grid.bounds)
        #expect(grid.rows() == ["> fghijkl"])
        #expect(grid.cursor == Point(x: 9, y: 0))

        var start = TextInput(text: "abcdefghijkl")
        _ = start.handle(.home)
        start.render(into: &grid, in: grid.bounds, focused: false)
        #expect(grid.rows() == ["> abcdefgh"])
        #expect(grid.cursor == Point(x: 9, y: 0))  // unfocused fields leave the cursor alone

        var empty = Grid(width: 14, height: 1)
        TextInput().render(into: &empty, in: empty.bounds, placeholder: "type here")
        #expect(empty.rows() == ["> type here"])
        #expect(empty.cursor == Point(x: 2, y: 0))
        #expect(empty[2, 0].style.role == .muted)
    }

    @Test func pasted_control_characters_are_dropped() {
        var input = TextInput()
        input.insert("a\nb\tc")
        #expect(input.text == "abc")
    }
}
