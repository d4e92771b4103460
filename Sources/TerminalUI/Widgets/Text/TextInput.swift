/// A one-line text field with readline-style editing, history and Tab completion.
///
/// Pure state: feed it keys with ``handle(_:complete:)`` and draw it with
/// ``render(into:in:prompt:focused:placeholder:)``. The cursor is a character index
/// (`0 ... count`), so editing never splits a grapheme.
///
/// Keys: characters insert; ←/→ and Ctrl-B/Ctrl-F move; Home/End and Ctrl-A/Ctrl-E jump;
/// Alt-b/Alt-f and Ctrl-←/Ctrl-→ move by word; Backspace deletes left, Del and Ctrl-D right;
/// Ctrl-U deletes to the start, Ctrl-K to the end, Ctrl-W the word before the cursor (these
/// three keep the deleted text for Ctrl-Y); ↑/↓ and Ctrl-P/Ctrl-N walk the history; Tab
/// completes; Enter submits.
public struct TextInput: Hashable, Sendable {
    /// What a key did.
    public enum Outcome: Hashable, Sendable {
        /// The key edited the text or moved the cursor.
        case handled
        /// Enter: the text was submitted, added to the history, and the field cleared.
        case submitted(String)
        /// The key means nothing to a text field (Esc, F-keys, ...); the app may use it.
        case ignored
    }

    private var characters: [Character]
    /// The cursor position, in characters from the start (`0 ... text.count`).
    public private(set) var cursor: Int
    /// Submitted lines, oldest first, without consecutive duplicates.
    public private(set) var history: [String]
    /// The most recent lines kept in ``history``.
    public var historyLimit: Int
    /// The text last deleted by Ctrl-U, Ctrl-K or Ctrl-W (what Ctrl-Y inserts).
    public private(set) var killBuffer: String = ""
    /// The candidates of the last Tab press when it was ambiguous (for the app to list them);
    /// cleared by any other key.
    public private(set) var completions: [String] = []
    /// Characters that end the token Tab completes (besides whitespace). With the default,
    /// `env.COUNTER.ne` is one token and `f(env.CO` completes `env.CO`.
    public var completionSeparators: Set<Character> = Set("()[]{},;=+-*/<>!&|\"'`")

    private var historyIndex: Int?
    private var draft: [Character] = []

    /// Creates a field holding `text` with the cursor at its end.
    public init(text: String = "", history: [String] = [], historyLimit: Int = 500) {
        self.characters = TextInput.sanitized(text)
        self.cursor = characters.count
        self.historyLimit = max(0, historyLimit)
        self.history = Array(history.suffix(max(0, historyLimit)))
    }

    /// The text. Setting it moves the cursor to the end and stops browsing the history.
    public var text: String {
        get { String(characters) }
        set {
            characters = TextInput.sanitized(newValue)
            cursor = characters.count
            historyIndex = nil
        }
    }

    /// The text before the cursor.
    public var textBeforeCursor: String { String(characters[..<cursor]) }

    /// Handles a key. `complete` provides Tab completion: it receives the token before the
    /// cursor and returns candidates for it; see ``complete(using:)``.
    public mutating func handle(_ key: Key, complete: ((String) -> [String])? = nil) -> Outcome {
        if key != .tab { completions = [] }
        switch key {
        case .character(let c): insert(String(c))
        case .left, .ctrl("b"): moveLeft()
        case .right, .ctrl("f"): moveRight()
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .alt("b"), .ctrlLeft: moveWordLeft()
        case .alt("f"), .ctrlRight: moveWordRight()
        case .backspace: deleteBackward()
        case .delete, .ctrl("d"): deleteForward()
        case .ctrl("u"): deleteToStart()
        case .ctrl("k"): deleteToEnd()
        case .ctrl("w"): deleteWordBackward()
        case .ctrl("y"): insert(killBuffer)
        case .up, .ctrl("p"): historyPrevious()
        case .down, .ctrl("n"): historyNext()
        case .tab:
            guard let complete else { return .ignored }
            self.complete(using: complete)
        case .enter: return .submitted(submit())
        default: return .ignored
        }
        return .handled
    }

    /// Inserts `text` at the cursor (control characters are dropped: the field is one line).
    public mutating func insert(_ text: String) {
        let new = TextInput.sanitized(text)
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    /// Moves the cursor one character left.
    public mutating func moveLeft() { cursor = max(0, cursor - 1) }

    /// Moves the cursor one character right.
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }

    /// Moves to the start of the word before the cursor (words are letters, digits and `_`).
    public mutating func moveWordLeft() {
        while cursor > 0 && !TextInput.isWordCharacter(characters[cursor - 1]) { cursor -= 1 }
        while cursor > 0 && TextInput.isWordCharacter(characters[cursor - 1]) { cursor -= 1 }
    }

    /// Moves to the end of the word after the cursor.
    public mutating func moveWordRight() {
        while cursor < characters.count && !TextInput.isWordCharacter(characters[cursor]) { cursor += 1 }
        while cursor < characters.count && TextInput.isWordCharacter(characters[cursor]) { cursor += 1 }
    }

    /// Deletes the character before the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the character under the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Deletes from the start to the cursor (Ctrl-U).
    public mutating func deleteToStart() {
        kill(0..<cursor)
    }

    /// Deletes from the cursor to the end (Ctrl-K).
    public mutating func deleteToEnd() {
        kill(cursor..<characters.count)
    }

    /// Deletes the whitespace-delimited word before the cursor, and the spaces after it (Ctrl-W).
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        kill(start..<cursor)
    }

    /// Replaces the text with the previous history entry, remembering the line being edited.
    public mutating func historyPrevious() {
        guard !history.isEmpty else { return }
        let index: Int
        if let current = historyIndex {
            index = max(0, current - 1)
        } else {
            draft = characters
            index = history.count - 1
        }
        historyIndex = index
        characters = Array(history[index])
        cursor = characters.count
    }

    /// Replaces the text with the next history entry, or with the line being edited before the
    /// history was entered when there is no newer entry.
    public mutating func historyNext() {
        guard let current = historyIndex else { return }
        if current + 1 < history.count {
            historyIndex = current + 1
            characters = Array(history[current + 1])
        } else {
            historyIndex = nil
            characters = draft
        }
        cursor = characters.count
    }

    /// Completes the token before the cursor.
    ///
    /// The token runs back from the cursor to whitespace or a ``completionSeparators``
    /// character. `provider` returns candidates for it; those that do not start with the token
    /// are ignored. One candidate replaces the token; several extend it to their longest common
    /// prefix and are kept in ``completions`` for the app to show.
    public mutating func complete(using provider: (String) -> [String]) {
        var start = cursor
        while start > 0, !characters[start - 1].isWhitespace, !completionSeparators.contains(characters[start - 1]) {
            start -= 1
        }
        let token = String(characters[start..<cursor])
        var seen = Set<String>()
        let candidates = provider(token).filter { $0.hasPrefix(token) && seen.insert($0).inserted }
        guard let first = candidates.first else {
            completions = []
            return
        }
        let replacement: [Character]
        if candidates.count == 1 {
            replacement = Array(first)
            completions = []
        } else {
            replacement = TextInput.commonPrefix(candidates)
            completions = candidates
        }
        let sanitized = TextInput.sanitized(String(replacement))
        characters.replaceSubrange(start..<cursor, with: sanitized)
        cursor = start + sanitized.count
    }

    /// Returns the text, records it in the history (unless empty or equal to the newest entry)
    /// and clears the field.
    public mutating func submit() -> String {
        let line = String(characters)
        if !line.isEmpty && history.last != line && historyLimit > 0 {
            history.append(line)
            if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
        }
        characters = []
        cursor = 0
        historyIndex = nil
        draft = []
        completions = []
        return line
    }

    /// Draws `prompt` and the text on the first row of `rect`, scrolled sideways so the cursor
    /// is visible. When `focused`, sets `grid.cursor` to the cursor's cell. An empty field shows
    /// `placeholder` in the `.muted` role.
    public func render(into grid: inout Grid, in rect: Rect, prompt: Line = "> ", focused: Bool = true, placeholder: String? = nil) {
        let area = rect.intersection(grid.bounds)
        guard !area.isEmpty else {
            if focused { grid.cursor = nil }
            return
        }
        let row = Rect(x: rect.minX, y: rect.minY, width: rect.width, height: 1).intersection(area)
        grid.fill(row)
        let textX = grid.put(prompt, at: rect.origin, clip: row)
        let available = rect.maxX - textX
        guard available > 0 else {
            if focused { grid.cursor = nil }
            return
        }
        if characters.isEmpty, let placeholder {
            grid.put(placeholder, at: Point(x: textX, y: rect.minY), style: .muted, clip: row)
        }
        let cursorColumn = DisplayWidth.of(String(characters[..<cursor]))
        let start = max(0, cursorColumn - available + 1)
        let visible = Line(String(characters)).slice(fromColumn: start, width: available)
        grid.put(visible, at: Point(x: textX, y: rect.minY), clip: row)
        if focused {
            let point = Point(x: textX + cursorColumn - start, y: rect.minY)
            grid.cursor = row.contains(point) ? point : nil
        }
    }

    // MARK: - Internals

    private mutating func kill(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        killBuffer = String(characters[range])
        characters.removeSubrange(range)
        cursor = range.lowerBound
    }

    private static func sanitized(_ text: String) -> [Character] {
        text.filter { !DisplayWidth.isControl($0) }.map { $0 }
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_"
    }

    private static func commonPrefix(_ strings: [String]) -> [Character] {
        guard var prefix = strings.first.map(Array.init) else { return [] }
        for string in strings.dropFirst() {
            var length = 0
            for (a, b) in zip(prefix, string) {
                if a != b { break }
                length += 1
            }
            prefix = Array(prefix.prefix(length))
        }
        return prefix
    }
}
