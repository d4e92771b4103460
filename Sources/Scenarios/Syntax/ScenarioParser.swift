/// Reads scenario files: the entry point of the syntax half of `Scenarios`.
///
/// Parsing never crashes and never hangs, whatever the input: it returns a value or throws one
/// ``ScenarioDiagnostic`` located inside the file (the first problem in file order, except that
/// header problems come before script problems).
public enum ScenarioParser: Sendable {
    /// The deepest nesting of brackets, unary operators, blocks and function bodies accepted.
    public static let maximumNesting = 200
    /// The greatest ``Expression/height`` (and ``Statement/height``) accepted, which bounds the
    /// recursion of anything that walks a parsed tree.
    public static let maximumHeight = 500

    /// Parses a whole scenario file: TOML header, a line that is exactly `---`, then the script.
    ///
    /// - Parameters:
    ///   - fileName: shown in diagnostics, e.g. `scenarios/04-counter-closure.scenario`.
    ///   - text: the file's contents.
    /// - Throws: ``ScenarioDiagnostic`` for a missing separator, bad TOML, a header that does not
    ///   check, or a syntax error in the script.
    public static func parse(fileName: String, text: String) throws(ScenarioDiagnostic) -> ParsedScenario {
        let file = SourceFile(name: fileName, text: text)
        let separator = try separatorIndex(in: file)
        let header = try HeaderChecker.check(file, headerEnd: file.lineStarts[separator])
        let scriptStart = separator + 1 < file.lineCount ? file.lineStarts[separator + 1] : file.scalars.count
        let statements = try ScriptParser.parse(file, from: scriptStart)
        return ParsedScenario(file: file, header: header, separatorLine: separator + 1, statements: statements)
    }

    /// Parses script text alone (no header, no separator), for the inspector's console and for
    /// tools that hold statements outside a scenario file.
    public static func parseScript(fileName: String, text: String) throws(ScenarioDiagnostic) -> [Statement] {
        try ScriptParser.parse(SourceFile(name: fileName, text: text), from: 0)
    }

    /// The 0-based index of the first line that is exactly `---`.
    private static func separatorIndex(in file: SourceFile) throws(ScenarioDiagnostic) -> Int {
        var nearMiss: Int?
        for index in 0..<file.lineCount {
            let start = file.lineStarts[index]
            let end = file.lineEnds[index]
            if end - start == 3, file.scalars[start] == "-", file.scalars[start + 1] == "-", file.scalars[start + 2] == "-" {
                return index
            }
            if nearMiss == nil, end - start > 3, file.string(from: start, to: end).trimmingWhitespace == "---" {
                nearMiss = index
            }
        }
        if let nearMiss {
            let line = file.line(nearMiss + 1) ?? ""
            throw ScenarioDiagnostic(
                file: file,
                range: SourceRange(
                    start: SourceLocation(line: nearMiss + 1, column: 1),
                    end: SourceLocation(line: nearMiss + 1, column: line.count + 1)),
                message: "the separator line must be exactly '---'",
                hint: "remove the spaces around '---' on this line")
        }
        throw ScenarioDiagnostic(
            file: file, range: .point(SourceLocation(line: 1, column: 1)),
            message: "missing the '---' line between the header and the script",
            hint: "write the TOML header first, then a line holding only ---, then the script")
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    fileprivate var trimmingWhitespace: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
