/// Finds where every key and value of a TOML header is written, and in which order.
///
/// TOMLKit gives values but neither positions nor declaration order (its tables are sorted). This
/// light scanner walks the same text and records, for every path, the range of the key that
/// first mentions it and the range of its value. It runs only on text TOMLKit accepted, but it
/// is written to be safe on any input: every loop advances at least one scalar per iteration,
/// and value nesting is capped (TOML parsers cap it too).
///
/// A class so that debug builds do not copy the scanner's state on every helper call; it is
/// only mutated during `init` and read afterwards, by one checker on one thread.
final class HeaderLocator {
    /// Where a path is first mentioned, as scalar offsets.
    struct Mention {
        var keyStart: Int
        var keyEnd: Int
        var valueStart: Int?
        var valueEnd: Int?
    }

    private let file: SourceFile
    private let scalars: [Unicode.Scalar]
    private let end: Int
    private var position = 0
    private var arrayTableCounts: [HeaderPath: Int] = [:]
    private(set) var mentions: [HeaderPath: Mention] = [:]
    /// The keys directly under each path, in order of first mention.
    private var children: [HeaderPath: [String]] = [:]
    /// A spot where toml++ (inside TOMLKit) would break one of its own preconditions: an
    /// assertion failure in debug builds, undefined behaviour in release builds (see
    /// tomlplusplus pull request 301). The checker never hands toml++ such text: it replaces the
    /// character with `replacement`, which toml++ rejects normally at the same position.
    struct UnsafeSpot {
        /// Scalar offset of the offending character.
        var offset: Int
        /// A character toml++ reports as an ordinary error in that position.
        var replacement: Unicode.Scalar
        /// What the diagnostic says.
        var message: String
        /// The diagnostic's hint.
        var hint: String
    }

    /// Every unsafe spot found, in order.
    private(set) var unsafeSpots: [UnsafeSpot] = []

    private static let maximumDepth = 300

    /// Scans the header: the scalars of `file` before offset `end`.
    init(file: SourceFile, end: Int) {
        self.file = file
        self.scalars = file.scalars
        self.end = Swift.min(end, file.scalars.count)
        scanDocument()
    }

    // MARK: Queries

    /// The range of the key that first mentions `path`.
    func keyRange(_ path: HeaderPath) -> SourceRange? {
        mentions[path].map { file.range(fromOffset: $0.keyStart, toOffset: $0.keyEnd) }
    }

    /// The range of the value of `path` (for a table header: the header).
    func valueRange(_ path: HeaderPath) -> SourceRange? {
        guard let mention = mentions[path] else { return nil }
        guard let start = mention.valueStart, let end = mention.valueEnd else {
            return file.range(fromOffset: mention.keyStart, toOffset: mention.keyEnd)
        }
        return file.range(fromOffset: start, toOffset: end)
    }

    /// The key and value ranges of `path`, if it was found.
    func field(_ path: HeaderPath) -> HeaderField? {
        guard let key = keyRange(path), let value = valueRange(path) else { return nil }
        return HeaderField(key: key, value: value)
    }

    /// The source text of the value of `path`.
    func valueText(_ path: HeaderPath) -> String? {
        guard let mention = mentions[path], let start = mention.valueStart, let end = mention.valueEnd else {
            return nil
        }
        return file.string(from: start, to: end)
    }

    /// The keys directly under `path`, in order of first mention.
    func childKeys(of path: HeaderPath) -> [String] { children[path] ?? [] }

    // MARK: Scanning

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let index = position + ahead
        return index < end ? scalars[index] : nil
    }

    private func mention(_ path: HeaderPath, keyStart: Int, keyEnd: Int) {
        guard mentions[path] == nil else { return }
        mentions[path] = Mention(keyStart: keyStart, keyEnd: keyEnd)
        if case .key(let key) = path.last {
            children[Array(path.dropLast()), default: []].append(key)
        }
    }

    private func setValue(_ path: HeaderPath, start: Int, end: Int) {
        guard var existing = mentions[path], existing.valueStart == nil else { return }
        existing.valueStart = start
        existing.valueEnd = end
        mentions[path] = existing
    }

    /// Skips spaces and tabs (and, when asked, newlines and comments).
    private func skipBlank(newlines: Bool) {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\r" || c == "\u{FEFF}" {
                position += 1
            } else if newlines && c == "\n" {
                position += 1
            } else if newlines && c == "#" {
                while let next = peek(), next != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    private func skipLine() {
        while let c = peek(), c != "\n" { position += 1 }
    }

    private func scanDocument() {
        var table: HeaderPath = []
        while position < end {
            let before = position
            skipBlank(newlines: true)
            guard let c = peek() else { break }
            if c == "[" {
                table = scanTableHeader()
            } else {
                let keys = scanKey()
                skipBlank(newlines: false)
                if !keys.isEmpty, peek() == "=" {
                    position += 1
                    skipBlank(newlines: false)
                    var path = table
                    for key in keys {
                        path.append(.key(key.name))
                        mention(path, keyStart: key.start, keyEnd: key.end)
                    }
                    scanValue(path, depth: 0)
                } else {
                    skipLine()
                }
            }
            skipBlank(newlines: false)
            if peek() == "#" { skipLine() }
            if position <= before { position = before + 1 }
        }
    }

    /// `[a.b]` or `[[a.b]]`; returns the path of the table it opens.
    private func scanTableHeader() -> HeaderPath {
        let headerStart = position
        noteUnsafeTableHeader()
        let isArray = peek(1) == "["
        position += isArray ? 2 : 1
        let keys = scanKey()
        skipBlank(newlines: false)
        if peek() == "]" { position += 1 }
        if isArray, peek() == "]" { position += 1 }
        var path: HeaderPath = []
        for (offset, key) in keys.enumerated() {
            path.append(.key(key.name))
            mention(path, keyStart: key.start, keyEnd: key.end)
            if isArray, offset == keys.count - 1 {
                let count = arrayTableCounts[path, default: 0]
                arrayTableCounts[path] = count + 1
                path.append(.index(count))
                mention(path, keyStart: headerStart, keyEnd: position)
            } else if let count = arrayTableCounts[path], count > 0 {
                path.append(.index(count - 1))
            }
        }
        return path
    }

    /// Mirrors toml++'s `parse_table_header` up to its call of `parse_key`: after `[`, blanks,
    /// an optional second `[` (only if no blank came before it) and blanks, the next character
    /// must start a key or be `]` (which toml++ reports itself); anything else is unsafe.
    private func noteUnsafeTableHeader() {
        var lineStart = position
        while lineStart > 0, scalars[lineStart - 1] == " " || scalars[lineStart - 1] == "\t" { lineStart -= 1 }
        guard lineStart == 0 || scalars[lineStart - 1] == "\n" else { return }  // toml++ never gets here
        var p = position + 1
        var blank = false
        while p < end, scalars[p] == " " || scalars[p] == "\t" {
            p += 1
            blank = true
        }
        if p < end, scalars[p] == "[" {
            if blank { return }  // toml++ rejects "[ [" itself
            p += 1
            while p < end, scalars[p] == " " || scalars[p] == "\t" { p += 1 }
        }
        guard p < end else { return }
        let c = scalars[p]
        if Self.isBareKeyCharacter(c) || c == "\"" || c == "'" || c == "]" { return }
        unsafeSpots.append(
            UnsafeSpot(
                offset: p, replacement: "]", message: "expected a table name after '['",
                hint: "table headers look like [[workers]] or [workers.vars]"))
    }

    /// Mirrors toml++'s `parse_array` before its call of `parse_value`: a character that ends a
    /// value cannot start an element.
    private func noteUnsafeArrayElement() {
        guard let c = peek(), c == "}" || c == "\u{2028}" || c == "\u{2029}" || c == "\u{85}" else { return }
        unsafeSpots.append(
            UnsafeSpot(
                offset: position, replacement: "=", message: "expected a value or ']' in the array",
                hint: "separate array elements with ',' and close the array with ']'"))
    }

    /// A dotted key: bare, "basic" or 'literal' parts separated by dots.
    private func scanKey() -> [(name: String, start: Int, end: Int)] {
        var keys: [(name: String, start: Int, end: Int)] = []
        while true {
            skipBlank(newlines: false)
            let start = position
            guard let c = peek() else { return keys }
            let name: String
            if c == "\"" || c == "'" {
                name = scanQuotedKey(quote: c)
            } else if Self.isBareKeyCharacter(c) {
                while let next = peek(), Self.isBareKeyCharacter(next) { position += 1 }
                name = file.string(from: start, to: position)
            } else {
                return keys
            }
            keys.append((name, start, position))
            skipBlank(newlines: false)
            guard peek() == "." else { return keys }
            position += 1
        }
    }

    private static func isBareKeyCharacter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
    }

    private func scanQuotedKey(quote: Unicode.Scalar) -> String {
        position += 1
        var name = String.UnicodeScalarView()
        while let c = peek(), c != "\n" {
            position += 1
            if c == quote { return String(name) }
            if quote == "\"", c == "\\", let e = peek() {
                position += 1
                switch e {
                case "n": name.append("\n")
                case "t": name.append("\t")
                case "r": name.append("\r")
                case "b": name.append("\u{08}")
                case "f": name.append("\u{0C}")
                case "e": name.append("\u{1B}")
                case "u", "U":
                    let count = e == "u" ? 4 : 8
                    var code: UInt32 = 0
                    var digits = 0
                    while digits < count, let d = peek(), let value = Lexer.digitValue(d), value < 16 {
                        code = code &* 16 &+ UInt32(value)
                        digits += 1
                        position += 1
                    }
                    if let scalar = Unicode.Scalar(code) { name.append(scalar) }
                default: name.append(e)
                }
            } else {
                name.append(c)
            }
        }
        return String(name)
    }

    private func scanValue(_ path: HeaderPath, depth: Int) {
        let start = position
        guard depth < Self.maximumDepth, let c = peek() else {
            skipLine()
            return
        }
        switch c {
        case "\"", "'":
            scanString(quote: c)
        case "[":
            position += 1
            var count = 0
            while position < end {
                let before = position
                skipBlank(newlines: true)
                if peek() == "]" {
                    position += 1
                    break
                }
                noteUnsafeArrayElement()
                let elementStart = position
                let element = path + [.index(count)]
                mention(element, keyStart: elementStart, keyEnd: elementStart)
                scanValue(element, depth: depth + 1)
                if var m = mentions[element] {
                    m.keyEnd = position
                    mentions[element] = m
                }
                count += 1
                skipBlank(newlines: true)
                if peek() == "," { position += 1 }
                if position <= before { position = before + 1 }
            }
        case "{":
            position += 1
            while position < end {
                let before = position
                skipBlank(newlines: true)
                if peek() == "}" {
                    position += 1
                    break
                }
                let keys = scanKey()
                skipBlank(newlines: false)
                if !keys.isEmpty, peek() == "=" {
                    position += 1
                    skipBlank(newlines: false)
                    var member = path
                    for key in keys {
                        member.append(.key(key.name))
                        mention(member, keyStart: key.start, keyEnd: key.end)
                    }
                    scanValue(member, depth: depth + 1)
                }
                skipBlank(newlines: true)
                if peek() == "," { position += 1 }
                if position <= before { position = before + 1 }
            }
        default:
            while let next = peek(), !",]}#\n".unicodeScalars.contains(next) { position += 1 }
            var trimmed = position
            while trimmed > start, [" ", "\t", "\r"].contains(scalars[trimmed - 1]) { trimmed -= 1 }
            setValue(path, start: start, end: trimmed)
            return
        }
        setValue(path, start: start, end: position)
    }

    /// A basic, literal or multi-line string; stops at the closing quote (or the line's end for
    /// single-line strings).
    private func scanString(quote: Unicode.Scalar) {
        let multiline = peek(1) == quote && peek(2) == quote
        position += multiline ? 3 : 1
        while let c = peek() {
            if !multiline && c == "\n" { return }
            if quote == "\"" && c == "\\" {
                position += 2
                continue
            }
            position += 1
            if c == quote {
                if !multiline { return }
                if peek() == quote && peek(1) == quote {
                    position += 2
                    // Up to two more quotes may belong to the content ("""a"""" is `a"`).
                    while peek() == quote { position += 1 }
                    return
                }
            }
        }
        position = Swift.min(position, end)
    }
}
