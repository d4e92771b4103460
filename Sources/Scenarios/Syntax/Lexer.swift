/// Turns the script part of a scenario file into tokens.
///
/// Never throws and never stops early except at an error: the token list always ends with
/// `.end` or `.invalid` (after which nothing follows). Every step of the main loop consumes at
/// least one scalar, so lexing terminates on any input.
/// A class rather than a struct: the state is mutated on every character, and a class keeps
/// debug builds from copying the whole state (and retaining its arrays) in accessor calls.
final class Lexer {
    private let file: SourceFile
    private let scalars: [Unicode.Scalar]
    private var position: Int
    private var tokens: [Token] = []
    private var lastSignificantEnd: Int
    /// The 0-based index of the line being lexed, where it starts, and whether it is ASCII.
    /// Tokens never span lines (strings and comments end at a newline), so every location the
    /// lexer needs is on this line.
    private var line: Int
    private var lineStart: Int
    private var lineIsASCII: Bool

    /// A lexer over `file` starting at scalar offset `start`.
    init(file: SourceFile, start: Int) {
        self.file = file
        self.scalars = file.scalars
        self.position = Swift.min(Swift.max(0, start), file.scalars.count)
        self.lastSignificantEnd = self.position
        self.line = file.lineIndex(ofOffset: self.position)
        self.lineStart = file.lineStarts[line]
        self.lineIsASCII = file.lineIsASCII[line]
    }

    /// Lexes the whole script.
    static func tokenize(_ file: SourceFile, from start: Int) -> [Token] {
        Lexer(file: file, start: start).run()
    }

    private func run() -> [Token] {
        while position < scalars.count {
            let before = position
            if let diagnostic = lexOne() {
                tokens.append(
                    Token(
                        kind: .invalid(diagnostic), range: diagnostic.range, start: before, end: before))
                return tokens
            }
            if position <= before { position = before + 1 }  // belt and braces: always advance
        }
        let end = file.location(ofOffset: lastSignificantEnd)
        tokens.append(Token(kind: .end, range: .point(end), start: lastSignificantEnd, end: lastSignificantEnd))
        return tokens
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let index = position + ahead
        return index < scalars.count ? scalars[index] : nil
    }

    /// The location of `offset`, which lies on the current line (a `\r` ending the line counts
    /// as its end).
    private func location(_ offset: Int) -> SourceLocation {
        guard lineIsASCII, line < file.lineCount else { return file.location(ofOffset: offset) }
        return SourceLocation(line: line + 1, column: Swift.min(offset, file.lineEnds[line]) - lineStart + 1)
    }

    private func range(from start: Int, to end: Int) -> SourceRange {
        SourceRange(start: location(start), end: location(end))
    }

    private func emit(_ kind: Token.Kind, from start: Int) {
        tokens.append(Token(kind: kind, range: range(from: start, to: position), start: start, end: position))
        lastSignificantEnd = position
    }

    private func error(_ message: String, from start: Int, to end: Int, hint: String? = nil) -> ScenarioDiagnostic {
        ScenarioDiagnostic(file: file, range: file.range(fromOffset: start, toOffset: end), message: message, hint: hint)
    }

    /// Lexes one token (or skips blanks or a comment); returns a diagnostic on an error.
    private func lexOne() -> ScenarioDiagnostic? {
        guard let c = peek() else { return nil }
        let start = position
        if c == "\n" {
            tokens.append(Token(kind: .newline, range: .point(location(start)), start: start, end: start))
            position += 1
            line += 1
            lineStart = position
            lineIsASCII = line < file.lineCount ? file.lineIsASCII[line] : true
            return nil
        }
        if c == " " || c == "\t" || c == "\r" || (!c.isASCII && (c.properties.isWhitespace || c == "\u{FEFF}")) {
            position += 1
            return nil
        }
        if c == "#" || (c == "/" && peek(1) == "/") {
            while let next = peek(), next != "\n" { position += 1 }
            return nil
        }
        if c == "/" && peek(1) == "*" {
            return error(
                "block comments are not supported", from: start, to: start + 2,
                hint: "start a comment with // or #; it runs to the end of the line")
        }
        if c == "\"" || c == "'" { return lexString(quote: c) }
        if Lexer.isDigit(c) || (c == "." && peek(1).map(Lexer.isDigit) == true && !followsOperand(at: start)) {
            return lexNumber()
        }
        if Lexer.isIdentifierStart(c) {
            while let next = peek(), Lexer.isIdentifierPart(next) { position += 1 }
            emit(.identifier(file.string(from: start, to: position)), from: start)
            return nil
        }
        if let (punctuator, length) = punctuator(startingWith: c) {
            position += length
            emit(.punctuator(punctuator), from: start)
            return nil
        }
        return unexpectedCharacter(c, at: start)
    }

    /// Whether the previous token ends right at `offset` and is something a `.` after it would
    /// access a member of (a name or a closing bracket): then `a.5` is `a`, `.`, `5`, not `a`, `.5`.
    private func followsOperand(at offset: Int) -> Bool {
        guard let last = tokens.last, last.end == offset else { return false }
        switch last.kind {
        case .identifier, .punctuator(.rightParen), .punctuator(.rightBracket), .punctuator(.rightBrace): return true
        default: return false
        }
    }

    /// The longest punctuator at the current position, and its length.
    private func punctuator(startingWith c: Unicode.Scalar) -> (Punctuator, Int)? {
        let next = peek(1)
        let third = peek(2)
        switch c {
        case "(": return (.leftParen, 1)
        case ")": return (.rightParen, 1)
        case "[": return (.leftBracket, 1)
        case "]": return (.rightBracket, 1)
        case "{": return (.leftBrace, 1)
        case "}": return (.rightBrace, 1)
        case ",": return (.comma, 1)
        case ";": return (.semicolon, 1)
        case ":": return (.colon, 1)
        case ".": return (.dot, 1)
        case "*": return (.star, 1)
        case "/": return (.slash, 1)
        case "%": return (.percent, 1)
        case "=":
            if next == ">" { return (.arrow, 2) }
            if next == "=" { return third == "=" ? (.strictEqual, 3) : (.equal, 2) }
            return (.assign, 1)
        case "!":
            if next == "=" { return third == "=" ? (.strictNotEqual, 3) : (.notEqual, 2) }
            return (.bang, 1)
        case "<": return next == "=" ? (.lessOrEqual, 2) : (.less, 1)
        case ">": return next == "=" ? (.greaterOrEqual, 2) : (.greater, 1)
        case "+":
            if next == "=" { return (.plusAssign, 2) }
            return next == "+" ? (.increment, 2) : (.plus, 1)
        case "-":
            if next == "=" { return (.minusAssign, 2) }
            return next == "-" ? (.decrement, 2) : (.minus, 1)
        case "&": return next == "&" ? (.and, 2) : nil
        case "|": return next == "|" ? (.or, 2) : nil
        default: return nil
        }
    }

    private func unexpectedCharacter(_ c: Unicode.Scalar, at start: Int) -> ScenarioDiagnostic {
        switch c {
        case "&":
            return error("unexpected '&'", from: start, to: start + 1, hint: "the logical and is written '&&'")
        case "|":
            return error("unexpected '|'", from: start, to: start + 1, hint: "the logical or is written '||'")
        case "?":
            return error(
                "'?' is not supported", from: start, to: start + 1,
                hint: "the conditional operator and optional chaining are not part of the scenario language")
        case "`":
            return error(
                "template literals are not supported", from: start, to: start + 1,
                hint: "use \"...\" or '...' and join strings with +")
        default:
            let shown =
                c.properties.generalCategory == .control || c.properties.generalCategory == .format
                || c.properties.generalCategory == .unassigned || c.properties.generalCategory == .privateUse
                || c.properties.generalCategory == .surrogate
                ? Lexer.codePoint(c) : "'\(Character(c))' (\(Lexer.codePoint(c)))"
            return error("unexpected character \(shown)", from: start, to: start + 1)
        }
    }

    // MARK: Numbers and durations

    private func lexNumber() -> ScenarioDiagnostic? {
        let start = position
        var isInteger = true
        var radix = 10
        if peek() == "0", let marker = peek(1), let base = Lexer.radix(marker) {
            radix = base
            position += 2
            let digitsStart = position
            while let next = peek(), Lexer.digitValue(next).map({ $0 < base }) == true { position += 1 }
            if position == digitsStart {
                return error(
                    "expected digits after '0\(Character(marker))'", from: start, to: position,
                    hint: base == 16 ? "for example 0xff" : base == 8 ? "for example 0o17" : "for example 0b101")
            }
        } else {
            while let next = peek(), Lexer.isDigit(next) { position += 1 }
            if peek() == ".", peek(1).map(Lexer.isDigit) == true {
                isInteger = false
                position += 1
                while let next = peek(), Lexer.isDigit(next) { position += 1 }
            }
            if let e = peek(), e == "e" || e == "E" {
                let signed = peek(1) == "+" || peek(1) == "-"
                if let digit = peek(signed ? 2 : 1), Lexer.isDigit(digit) {
                    isInteger = false
                    position += signed ? 2 : 1
                    while let next = peek(), Lexer.isDigit(next) { position += 1 }
                }
            }
        }
        let numberEnd = position
        let text = file.string(from: start, to: numberEnd)
        let value: Double
        if radix == 10 {
            value = Double(text) ?? .nan
        } else {
            // Accumulate in Double so that long literals lose precision (as in JavaScript)
            // instead of overflowing.
            var accumulated = 0.0
            for scalar in text.unicodeScalars.dropFirst(2) {
                accumulated = accumulated * Double(radix) + Double(Lexer.digitValue(scalar) ?? 0)
            }
            value = accumulated
        }
        guard let next = peek(), Lexer.isIdentifierPart(next) else {
            emit(.number(value), from: start)
            return nil
        }
        while let part = peek(), Lexer.isIdentifierPart(part) { position += 1 }
        let suffix = file.string(from: numberEnd, to: position)
        switch suffix {
        case "n":
            guard isInteger, radix == 10 else {
                return error(
                    "a bigint literal must be a whole decimal number", from: start, to: position,
                    hint: "write digits followed by n, like 10n")
            }
            let digits = text.drop(while: { $0 == "0" })
            emit(.bigint(digits.isEmpty ? "0" : String(digits)), from: start)
            return nil
        case "ms", "s":
            let milliseconds = suffix == "s" ? value * 1000 : value
            guard milliseconds == milliseconds.rounded(.towardZero) else {
                return error(
                    "a duration must be a whole number of milliseconds", from: start, to: position,
                    hint: "for example 250ms or 2s")
            }
            guard milliseconds <= 1e15 else {
                return error("this duration is too long", from: start, to: position, hint: "durations are limited to 10^15 ms")
            }
            emit(.duration(milliseconds: Int64(milliseconds)), from: start)
            return nil
        case "m", "h", "min", "sec", "us", "ns", "d":
            return error(
                "unknown duration unit '\(suffix)'", from: numberEnd, to: position,
                hint: "durations are written in ms or s, like 250ms or 2s")
        default:
            return error(
                "unexpected '\(suffix)' right after a number", from: numberEnd, to: position,
                hint: "put a space or an operator between a number and a name")
        }
    }

    // MARK: Strings

    private func lexString(quote: Unicode.Scalar) -> ScenarioDiagnostic? {
        let start = position
        position += 1
        var value = String.UnicodeScalarView()
        let unterminatedHint = "close it with \(Character(quote)) before the end of the line"
        while true {
            guard let c = peek(), c != "\n" else {
                return error("unterminated string", from: start, to: position, hint: unterminatedHint)
            }
            if c == quote {
                position += 1
                emit(.string(String(value)), from: start)
                return nil
            }
            guard c == "\\" else {
                value.append(c)
                position += 1
                continue
            }
            let escapeStart = position
            guard let e = peek(1), e != "\n" else {
                position += 1
                return error("unterminated string", from: start, to: position, hint: unterminatedHint)
            }
            position += 2
            switch e {
            case "n": value.append("\n")
            case "t": value.append("\t")
            case "r": value.append("\r")
            case "b": value.append("\u{08}")
            case "f": value.append("\u{0C}")
            case "v": value.append("\u{0B}")
            case "0": value.append("\u{00}")
            case "\\", "'", "\"": value.append(e)
            case "x":
                guard let code = hexDigits(count: 2), let scalar = Unicode.Scalar(code) else {
                    return error(
                        "'\\x' needs two hex digits", from: escapeStart, to: position, hint: "for example \\x41 for A")
                }
                value.append(scalar)
            case "u":
                switch unicodeEscape(escapeStart: escapeStart) {
                case .success(let scalar): value.append(scalar)
                case .failure(let diagnostic): return diagnostic
                }
            default:
                return error(
                    "unknown escape sequence '\\\(Character(e))'", from: escapeStart, to: position,
                    hint: "known escapes: \\n \\t \\r \\\\ \\' \\\" \\0 \\xHH \\u{HEX}")
            }
        }
    }

    /// Reads exactly `count` hex digits, or returns `nil` (consuming nothing) if they are not there.
    private func hexDigits(count: Int) -> UInt32? {
        var code: UInt32 = 0
        for index in 0..<count {
            guard let scalar = peek(index), let digit = Lexer.digitValue(scalar), digit < 16 else { return nil }
            code = code * 16 + UInt32(digit)
        }
        position += count
        return code
    }

    /// After `\u`: `{HEX}` (1 to 6 digits) or four hex digits, with a surrogate pair combined.
    private func unicodeEscape(escapeStart: Int) -> Result<Unicode.Scalar, ScenarioDiagnostic> {
        let hint = "write \\u{1F600} or \\u00e9"
        var code: UInt32
        if peek() == "{" {
            position += 1
            code = 0
            var digits = 0
            while let scalar = peek(), let digit = Lexer.digitValue(scalar), digit < 16, digits < 8 {
                code = code &* 16 &+ UInt32(digit)
                digits += 1
                position += 1
            }
            guard digits > 0, peek() == "}" else {
                return .failure(error("malformed \\u{...} escape", from: escapeStart, to: position, hint: hint))
            }
            position += 1
        } else {
            guard let four = hexDigits(count: 4) else {
                return .failure(error("'\\u' needs four hex digits or {...}", from: escapeStart, to: position, hint: hint))
            }
            code = four
            if (0xD800...0xDBFF).contains(code), peek() == "\\", peek(1) == "u" {
                let saved = position
                position += 2
                if let low = hexDigits(count: 4), (0xDC00...0xDFFF).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    position = saved
                }
            }
        }
        guard let scalar = Unicode.Scalar(code) else {
            return .failure(
                error(
                    "'\(file.string(from: escapeStart, to: position))' is not a Unicode scalar value",
                    from: escapeStart, to: position, hint: "surrogates and values above 10FFFF cannot appear alone"))
        }
        return .success(scalar)
    }

    // MARK: Character classes

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    /// The radix a `0x`, `0o` or `0b` prefix selects.
    static func radix(_ marker: Unicode.Scalar) -> Int? {
        switch marker {
        case "x", "X": 16
        case "o", "O": 8
        case "b", "B": 2
        default: nil
        }
    }

    static func digitValue(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "0"..."9": Int(c.value - 48)
        case "a"..."z": Int(c.value - 97 + 10)
        case "A"..."Z": Int(c.value - 65 + 10)
        default: nil
        }
    }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || v == 95 || v == 36
        }
        return c.properties.isXIDStart
    }

    static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return isIdentifierStart(c) || isDigit(c) }
        return c.properties.isXIDContinue || c == "\u{200C}" || c == "\u{200D}"
    }

    /// Whether `text` is a valid name (identifier) of the script language.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isIdentifierStart(first) else { return false }
        return text.unicodeScalars.dropFirst().allSatisfy(isIdentifierPart)
    }

    static func codePoint(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex
    }
}
