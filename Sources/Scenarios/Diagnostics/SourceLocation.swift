/// A position in a scenario file: a 1-based line and a 1-based column.
///
/// Columns count `Character`s (grapheme clusters), so a caret drawn under a line of text lands
/// where a reader expects it, even after accented letters or emoji. Line numbers are always
/// numbers of the whole file: script lines are not renumbered after the `---` separator.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line number in the file.
    public var line: Int
    /// The 1-based column, counted in `Character`s from the start of the line.
    public var column: Int

    /// Creates a location; both numbers are 1-based.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`, as used in diagnostics (`14:9`).
    public var description: String { "\(line):\(column)" }

    /// Orders by line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
