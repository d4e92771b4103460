import Testing

@testable import Scenarios

/// A scenario is a TOML header, a line that is exactly `---`, and a script.
@Suite struct FileSplitTests {
    @Test func scriptLinesAreFileLines() throws {
        let parsed = try #require(T.file("\n[[workers]]\nname = \"a\"\n\n---\n\nlog 1\n"))
        #expect(parsed.separatorLine == 5)
        #expect(parsed.statements.count == 1)
        #expect(parsed.statements[0].range == T.range(7, 1, 7, 6))
    }

    @Test func crlfLineEndingsWork() throws {
        let parsed = try #require(T.file("[[workers]]\r\nname = \"a\"\r\n---\r\nlog 1\r\nlog 2\r\n"))
        #expect(parsed.separatorLine == 3)
        #expect(parsed.statements.map(\.text) == ["log 1", "log 2"])
        #expect(parsed.statements[1].range == T.range(5, 1, 5, 6))
    }

    @Test func anEmptyScriptIsFine() throws {
        let parsed = try #require(T.file("[[workers]]\nname = \"a\"\n---"))
        #expect(parsed.statements.isEmpty)
        #expect(parsed.header.workers.map(\.name) == ["a"])
    }

    @Test func aFileWithoutSeparatorIsAnError() {
        let d = T.fileError("[[workers]]\nname = \"a\"\nlog 1\n")
        #expect(T.brief(d) == "1:1 missing the '---' line between the header and the script")
        #expect(d?.hint == "write the TOML header first, then a line holding only ---, then the script")
    }

    @Test func aSeparatorWithSpacesIsPointedOut() {
        let d = T.fileError("[[workers]]\nname = \"a\"\n--- \nlog 1\n")
        #expect(T.brief(d) == "3:1 the separator line must be exactly '---'")
        #expect(d?.range == T.range(3, 1, 3, 5))
        #expect(d?.hint == "remove the spaces around '---' on this line")
    }

    @Test func headerErrorsComeBeforeScriptErrors() {
        let d = T.fileError("titel = \"x\"\n[[workers]]\nname = \"a\"\n---\nlet = 1\n")
        #expect(T.brief(d) == "1:1 unknown key 'titel'")
    }

    @Test func aSecondSeparatorInTheScriptIsASyntaxError() {
        let d = T.fileError("[[workers]]\nname = \"a\"\n---\nlog 1\n---\n")
        #expect(T.brief(d) == "5:1 unexpected '---' in the script")
        #expect(d?.range == T.range(5, 1, 5, 4))
        #expect(d?.hint == "only the first '---' line separates the header from the script")
    }

    @Test func aByteOrderMarkAtTheStartIsIgnored() throws {
        let parsed = try #require(T.file("\u{FEFF}[[workers]]\nname = \"a\"\n---\nlog 1\n"))
        #expect(parsed.header.workers.map(\.name) == ["a"])
        #expect(parsed.statements.map(\.text) == ["log 1"])
    }
}
