import Testing

@testable import Scenarios

/// The line table behind every location: 1-based lines and Character columns.
@Suite struct SourceFileTests {
    @Test func linesExcludeTheirTerminators() {
        let file = SourceFile(name: "f", text: "one\r\ntwo\n\nfour")
        #expect(file.lineCount == 4)
        #expect(file.line(1) == "one")
        #expect(file.line(2) == "two")
        #expect(file.line(3) == "")
        #expect(file.line(4) == "four")
        #expect(file.line(0) == nil)
        #expect(file.line(5) == nil)
    }

    @Test func aTrailingNewlineStartsAFinalEmptyLine() {
        let file = SourceFile(name: "f", text: "a\n")
        #expect(file.lineCount == 2)
        #expect(file.line(2) == "")
        #expect(SourceFile(name: "f", text: "").lineCount == 1)
    }

    @Test func columnsCountCharactersNotScalarsOrBytes() {
        // "é" as e + combining acute is two scalars, one Character; 😀 is one scalar, four bytes.
        let file = SourceFile(name: "f", text: "e\u{301}😀x = 1")
        // Scalars: e, U+0301, 😀, x → x is scalar offset 3, the third Character.
        #expect(file.location(ofOffset: 3) == SourceLocation(line: 1, column: 3))
        #expect(file.location(ofOffset: 0) == SourceLocation(line: 1, column: 1))
        #expect(file.offset(of: SourceLocation(line: 1, column: 3)) == 3)
    }

    @Test func offsetsInsideALineTerminatorMapToTheEndOfTheLine() {
        let file = SourceFile(name: "f", text: "ab\r\ncd")
        #expect(file.location(ofOffset: 2) == SourceLocation(line: 1, column: 3))  // the \r
        #expect(file.location(ofOffset: 3) == SourceLocation(line: 1, column: 3))  // the \n
        #expect(file.location(ofOffset: 4) == SourceLocation(line: 2, column: 1))
        #expect(file.location(ofOffset: 99) == SourceLocation(line: 2, column: 3))  // clamped
    }

    @Test func textInARange() {
        let file = SourceFile(name: "f", text: "let x = 1\nlog x")
        #expect(file.text(in: T.range(1, 5, 1, 6)) == "x")
        #expect(file.text(in: T.range(1, 9, 2, 4)) == "1\nlog")
        #expect(file.text(in: T.range(3, 1, 3, 2)) == nil)
        #expect(file.text(in: T.range(1, 5, 1, 4)) == nil)
    }

    @Test func codePointColumnsFromTOMLAreMappedToCharacterColumns() {
        let file = SourceFile(name: "f", text: "a = \"e\u{301}\" x")
        // TOML counts code points: the x is at code point column 9, Character column 8.
        let offset = file.offset(line: 1, codePointColumn: 9)
        #expect(file.location(ofOffset: offset) == SourceLocation(line: 1, column: 8))
        #expect(file.offset(line: 7, codePointColumn: 400) == file.scalars.count)  // clamped
    }

    @Test func locationsOrderByLineThenColumn() {
        #expect(SourceLocation(line: 1, column: 9) < SourceLocation(line: 2, column: 1))
        #expect(SourceLocation(line: 2, column: 1) < SourceLocation(line: 2, column: 2))
        #expect(T.range(1, 2, 1, 4).union(T.range(3, 1, 3, 2)) == T.range(1, 2, 3, 2))
        #expect(SourceLocation(line: 14, column: 9).description == "14:9")
        #expect(T.range(3, 5, 3, 9).description == "3:5-3:9")
    }
}
