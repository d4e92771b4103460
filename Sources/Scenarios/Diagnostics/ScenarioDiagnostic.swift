/// An error in a scenario file, located to the line and column, ready to print.
///
/// Parsing and header checking throw exactly this type, and the interpreter can build its own
/// (unknown name, type error) with ``init(file:range:message:hint:)``, so every problem with a
/// scenario reads the same way:
///
/// ```
/// scenarios/x.scenario:14:22: error: expected ')' to close the call started at 14:15
///    14 | expect await f(2, 3 == 5
///       |                      ^
/// hint: every '(' needs a matching ')'
/// ```
///
/// The diagnostic keeps a copy of the offending source line, so it renders without the file.
public struct ScenarioDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file name as given to the parser.
    public var fileName: String
    /// Where the problem is; `range.start` is the reported line and column.
    public var range: SourceRange
    /// One sentence, lower-case start, no final period: what is wrong.
    public var message: String
    /// An optional one-line suggestion: how to fix it.
    public var hint: String?
    /// The text of line `range.start.line` ("" when the location is past the end of the file).
    public var sourceLine: String

    /// A diagnostic at `range` in `file`, quoting the line it starts on.
    public init(file: SourceFile, range: SourceRange, message: String, hint: String? = nil) {
        self.init(
            fileName: file.name, range: range, message: message, hint: hint,
            sourceLine: file.line(range.start.line) ?? "")
    }

    /// A diagnostic from its parts (for tests and for callers that have no ``SourceFile``).
    public init(fileName: String, range: SourceRange, message: String, hint: String? = nil, sourceLine: String) {
        self.fileName = fileName
        self.range = range
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
    }

    /// The 1-based line of the problem.
    public var line: Int { range.start.line }
    /// The 1-based column (in `Character`s) of the problem.
    public var column: Int { range.start.column }

    /// The diagnostic in the compiler style: a `file:line:column: error: message` line, the
    /// source line with its number, a caret under the column (with `~` under the rest of the
    /// range when it stays on that line), then `hint: ...` if there is a hint. No trailing newline.
    public var rendered: String {
        var lines = ["\(fileName):\(line):\(column): error: \(message)"]
        let number = String(line)
        let gutter = String(repeating: " ", count: Swift.max(0, 5 - number.count))
        lines.append("\(gutter)\(number) | \(sourceLine)")
        var marker = ""
        let characters = Array(sourceLine)
        for index in 0..<Swift.max(0, column - 1) {
            marker.append(index < characters.count && characters[index] == "\t" ? "\t" : " ")
        }
        marker.append("^")
        if range.end.line == range.start.line, range.end.column > range.start.column + 1 {
            let lastColumn = Swift.min(range.end.column, characters.count + 1)
            if lastColumn > column + 1 {
                marker.append(String(repeating: "~", count: lastColumn - column - 1))
            }
        }
        lines.append(String(repeating: " ", count: gutter.count + number.count) + " | " + marker)
        if let hint { lines.append("hint: \(hint)") }
        return lines.joined(separator: "\n")
    }

    /// The same as ``rendered``.
    public var description: String { rendered }
}
