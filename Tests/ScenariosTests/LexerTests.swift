import Testing

@testable import Scenarios

/// Tokens of the script language, and the lexical errors.
@Suite struct LexerTests {
    static func kinds(_ text: String) -> [Token.Kind] {
        Lexer.tokenize(SourceFile(name: "t", text: text), from: 0).map(\.kind)
    }

    static func error(_ text: String) -> ScenarioDiagnostic? {
        guard case .invalid(let d) = Lexer.tokenize(SourceFile(name: "t", text: text), from: 0).last?.kind else {
            return nil
        }
        return d
    }

    @Test func numbers() {
        #expect(Self.kinds("0 42 2.5 .5 1e3 1E-2 2.5e+2 0xff 0o17 0b101") == [
            .number(0), .number(42), .number(2.5), .number(0.5), .number(1000), .number(0.01), .number(250),
            .number(255), .number(15), .number(5), .end,
        ])
        #expect(Self.kinds("1e999") == [.number(.infinity), .end])
        // A dot not followed by a digit is a member access.
        #expect(Self.kinds("1.x") == [.number(1), .punctuator(.dot), .identifier("x"), .end])
    }

    @Test func bigintsKeepTheirDigitsWithoutLeadingZeros() {
        #expect(Self.kinds("10n 0n 007n 123456789012345678901234567890n") == [
            .bigint("10"), .bigint("0"), .bigint("7"), .bigint("123456789012345678901234567890"), .end,
        ])
    }

    @Test func durationsAreWholeMilliseconds() {
        #expect(Self.kinds("250ms 2s 1.5s 0ms") == [
            .duration(milliseconds: 250), .duration(milliseconds: 2000), .duration(milliseconds: 1500),
            .duration(milliseconds: 0), .end,
        ])
    }

    @Test func stringsAndEscapes() {
        #expect(Self.kinds(#"'a"b' "c'd" "\n\t\r\\\'\"\0" "\u{1F600}\u00e9\x41" "\uD83D\uDE00" ''"#) == [
            .string("a\"b"), .string("c'd"), .string("\n\t\r\\'\"\0"), .string("😀éA"), .string("😀"), .string(""),
            .end,
        ])
        #expect(Self.kinds(#""\b\f\v""#) == [.string("\u{08}\u{0C}\u{0B}"), .end])
    }

    @Test func identifiersIncludingUnicodeAndKeywords() {
        #expect(Self.kinds("x _y $z café let NaN") == [
            .identifier("x"), .identifier("_y"), .identifier("$z"), .identifier("café"), .identifier("let"),
            .identifier("NaN"), .end,
        ])
    }

    @Test func punctuatorsAreMatchedLongestFirst() {
        let text = "( ) [ ] { } , ; : . => = == === != !== < <= > >= + - * / % ! && || += -= ++ --"
        let expected: [Punctuator] = [
            .leftParen, .rightParen, .leftBracket, .rightBracket, .leftBrace, .rightBrace, .comma, .semicolon, .colon,
            .dot, .arrow, .assign, .equal, .strictEqual, .notEqual, .strictNotEqual, .less, .lessOrEqual, .greater,
            .greaterOrEqual, .plus, .minus, .star, .slash, .percent, .bang, .and, .or, .plusAssign, .minusAssign,
            .increment, .decrement,
        ]
        #expect(Self.kinds(text) == expected.map { .punctuator($0) } + [.end])
        #expect(Self.kinds("a=>b") == [.identifier("a"), .punctuator(.arrow), .identifier("b"), .end])
    }

    @Test func commentsAndNewlines() {
        #expect(Self.kinds("a # one\n// two\nb // three") == [
            .identifier("a"), .newline, .newline, .identifier("b"), .end,
        ])
        #expect(Self.kinds("a / b") == [.identifier("a"), .punctuator(.slash), .identifier("b"), .end])
    }

    @Test func tokenRangesAndTheEndToken() {
        let tokens = Lexer.tokenize(SourceFile(name: "t", text: "ab  'c'\n  1 # x\n"), from: 0)
        #expect(tokens.map(\.range) == [
            T.range(1, 1, 1, 3), T.range(1, 5, 1, 8), T.range(1, 8, 1, 8), T.range(2, 3, 2, 4), T.range(2, 8, 2, 8),
            T.range(2, 4, 2, 4),  // the end sits just after the last token
        ])
    }

    @Test func lexicalErrors() {
        let cases: [(String, String, String?)] = [
            ("let s = \"abc", "1:9 unterminated string", "close it with \" before the end of the line"),
            ("'ab\ncd'", "1:1 unterminated string", "close it with ' before the end of the line"),
            (#""a\qb""#, #"1:3 unknown escape sequence '\q'"#, #"known escapes: \n \t \r \\ \' \" \0 \xHH \u{HEX}"#),
            (#""\u{110000}""#, #"1:2 '\u{110000}' is not a Unicode scalar value"#, "surrogates and values above 10FFFF cannot appear alone"),
            (#""\uD800x""#, #"1:2 '\uD800' is not a Unicode scalar value"#, "surrogates and values above 10FFFF cannot appear alone"),
            (#""\u{}""#, #"1:2 malformed \u{...} escape"#, #"write \u{1F600} or \u00e9"#),
            (#""\u12""#, #"1:2 '\u' needs four hex digits or {...}"#, #"write \u{1F600} or \u00e9"#),
            (#""\xZ1""#, #"1:2 '\x' needs two hex digits"#, #"for example \x41 for A"#),
            ("a /* b */", "1:3 block comments are not supported", "start a comment with // or #; it runs to the end of the line"),
            ("a & b", "1:3 unexpected '&'", "the logical and is written '&&'"),
            ("a | b", "1:3 unexpected '|'", "the logical or is written '||'"),
            ("a ? b : c", "1:3 '?' is not supported", "the conditional operator and optional chaining are not part of the scenario language"),
            ("`x`", "1:1 template literals are not supported", "use \"...\" or '...' and join strings with +"),
            ("x @ y", "1:3 unexpected character '@' (U+0040)", nil),
            ("x \u{7} y", "1:3 unexpected character U+0007", nil),
            ("sleep 5m", "1:8 unknown duration unit 'm'", "durations are written in ms or s, like 250ms or 2s"),
            ("sleep 0.5ms", "1:7 a duration must be a whole number of milliseconds", "for example 250ms or 2s"),
            ("sleep 1e20s", "1:7 this duration is too long", "durations are limited to 10^15 ms"),
            ("1.5n", "1:1 a bigint literal must be a whole decimal number", "write digits followed by n, like 10n"),
            ("0x10n", "1:1 a bigint literal must be a whole decimal number", "write digits followed by n, like 10n"),
            ("12abc", "1:3 unexpected 'abc' right after a number", "put a space or an operator between a number and a name"),
            ("0x", "1:1 expected digits after '0x'", "for example 0xff"),
        ]
        for (text, brief, hint) in cases {
            let d = Self.error(text)
            #expect(T.brief(d) == brief, "\(text)")
            #expect(d?.hint == hint, "\(text)")
        }
    }

    @Test func lexingStopsAtTheFirstError() {
        #expect(Self.kinds("a \"b\n c @").count == 2)  // 'a', then the unterminated string
    }
}
