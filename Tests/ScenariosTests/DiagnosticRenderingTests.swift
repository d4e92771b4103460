import Testing

@testable import Scenarios

/// The compiler-style text of a diagnostic: header line, quoted source line, caret, hint.
@Suite struct DiagnosticRenderingTests {
    @Test func caretUnderTheColumnAndHint() {
        let d = ScenarioDiagnostic(
            fileName: "scenarios/x.scenario", range: .point(SourceLocation(line: 14, column: 22)),
            message: "expected ')' to close the call started at 14:9", hint: "every '(' needs a matching ')'",
            sourceLine: "expect await f(2, 3 == 5")
        #expect(
            d.rendered == """
                scenarios/x.scenario:14:22: error: expected ')' to close the call started at 14:9
                   14 | expect await f(2, 3 == 5
                      |                      ^
                hint: every '(' needs a matching ')'
                """)
        #expect(d.description == d.rendered)
    }

    @Test func tildesExtendUnderTheRestOfTheRangeOnTheSameLine() {
        let d = ScenarioDiagnostic(
            fileName: "x", range: T.range(3, 5, 3, 10), message: "m", sourceLine: "let hello = 1")
        #expect(d.rendered == "x:3:5: error: m\n    3 | let hello = 1\n      |     ^~~~~")
    }

    @Test func aRangeOverSeveralLinesGetsOnlyTheCaret() {
        let d = ScenarioDiagnostic(fileName: "x", range: T.range(3, 5, 4, 2), message: "m", sourceLine: "let hello = {")
        #expect(d.rendered == "x:3:5: error: m\n    3 | let hello = {\n      |     ^")
    }

    @Test func tildesStopAtTheEndOfTheLine() {
        let d = ScenarioDiagnostic(fileName: "x", range: T.range(1, 3, 1, 40), message: "m", sourceLine: "abcd")
        #expect(d.rendered == "x:1:3: error: m\n    1 | abcd\n      |   ^~")
    }

    @Test func tabsInTheLineAreCopiedSoTheCaretLinesUp() {
        let d = ScenarioDiagnostic(fileName: "x", range: .point(.init(line: 2, column: 3)), message: "m", sourceLine: "\t\tx")
        #expect(d.rendered == "x:2:3: error: m\n    2 | \t\tx\n      | \t\t^")
    }

    @Test func longLineNumbersWidenTheGutter() {
        let d = ScenarioDiagnostic(fileName: "x", range: .point(.init(line: 123456, column: 1)), message: "m", sourceLine: "y")
        #expect(d.rendered == "x:123456:1: error: m\n123456 | y\n       | ^")
    }

    @Test func aDiagnosticBuiltFromAFileQuotesItsLine() {
        let file = SourceFile(name: "f.scenario", text: "a\nlet x = oops\n")
        let d = ScenarioDiagnostic(file: file, range: T.range(2, 9, 2, 13), message: "unknown name 'oops'", hint: "declare it with let")
        #expect(d.sourceLine == "let x = oops")
        #expect(d.line == 2 && d.column == 9)
        #expect(
            d.rendered == """
                f.scenario:2:9: error: unknown name 'oops'
                    2 | let x = oops
                      |         ^~~~
                hint: declare it with let
                """)
    }

    @Test func aParseErrorRendersEndToEnd() {
        let d = T.fileError(T.header + "expect await f(2, 3 == 5\n")
        #expect(
            d?.rendered == """
                x.scenario:4:25: error: expected ')' to close the call started at 4:15
                    4 | expect await f(2, 3 == 5
                      |                         ^
                hint: every '(' needs a matching ')'
                """)
    }
}
