/// The text of one scenario file with a line table.
///
/// The parser works on the file's Unicode scalars and turns scalar offsets into
/// ``SourceLocation``s through this table; diagnostics use it to quote the offending line.
/// Lines end at `\n`; a `\r` just before it belongs to the line terminator and is never shown.
/// A file ending in `\n` has a final empty line, so "end of file" always has a location.
public struct SourceFile: Sendable, Hashable {
    /// The file name shown in diagnostics, e.g. `scenarios/04-counter-closure.scenario`.
    public let name: String
    /// The whole text of the file.
    public var text: String { storage.text }

    /// The immutable line table, shared by every copy (copying a `SourceFile` is one retain).
    private let storage: Storage

    /// The text as Unicode scalars; offsets into this array are the parser's positions.
    var scalars: [Unicode.Scalar] { storage.scalars }
    /// The offset of the first scalar of each line.
    var lineStarts: [Int] { storage.lineStarts }
    /// The offset just after the last scalar of each line, terminator (`\n`, `\r\n`) excluded.
    var lineEnds: [Int] { storage.lineEnds }
    /// Whether a line is pure ASCII, where a column is simply an offset difference.
    var lineIsASCII: [Bool] { storage.lineIsASCII }

    /// The shared state: only `let`s of `Sendable` types, so the class is `Sendable` as checked.
    private final class Storage: Sendable {
        let text: String
        let scalars: [Unicode.Scalar]
        /// The index in `text` of each scalar, and of the end: slicing `text` copies bytes,
        /// which is much cheaper than rebuilding a string scalar by scalar.
        let indices: [String.Index]
        let lineStarts: [Int]
        let lineEnds: [Int]
        let lineIsASCII: [Bool]

        init(text: String, scalars: [Unicode.Scalar], lineStarts: [Int], lineEnds: [Int], lineIsASCII: [Bool]) {
            self.text = text
            self.scalars = scalars
            var indices: [String.Index] = []
            indices.reserveCapacity(scalars.count + 1)
            var index = text.unicodeScalars.startIndex
            let end = text.unicodeScalars.endIndex
            while index < end {
                indices.append(index)
                index = text.unicodeScalars.index(after: index)
            }
            indices.append(end)
            self.indices = indices
            self.lineStarts = lineStarts
            self.lineEnds = lineEnds
            self.lineIsASCII = lineIsASCII
        }
    }

    /// Indexes `text` under the name `name`.
    public init(name: String, text: String) {
        self.name = name
        let scalars = Array(text.unicodeScalars)
        var starts = [0]
        var ends: [Int] = []
        var ascii: [Bool] = []
        var lineASCII = true
        var offset = 0
        while offset < scalars.count {
            let scalar = scalars[offset]
            if scalar == "\n" {
                let end = offset > starts[starts.count - 1] && scalars[offset - 1] == "\r" ? offset - 1 : offset
                ends.append(end)
                ascii.append(lineASCII)
                starts.append(offset + 1)
                lineASCII = true
            } else if scalar.value >= 0x80 {
                lineASCII = false
            }
            offset += 1
        }
        ends.append(scalars.count)
        ascii.append(lineASCII)
        self.storage = Storage(text: text, scalars: scalars, lineStarts: starts, lineEnds: ends, lineIsASCII: ascii)
    }

    /// Two files are equal when their names and texts are.
    public static func == (lhs: SourceFile, rhs: SourceFile) -> Bool {
        lhs.name == rhs.name && (lhs.storage === rhs.storage || lhs.text == rhs.text)
    }

    /// Hashes the name and the text.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(text)
    }

    /// How many lines the file has (at least 1; a trailing `\n` starts a final empty line).
    public var lineCount: Int { lineStarts.count }

    /// The text of line `number` (1-based) without its terminator, or `nil` outside the file.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineCount else { return nil }
        return string(from: lineStarts[number - 1], to: lineEnds[number - 1])
    }

    /// The text of `range` when it lies inside the file, or `nil`.
    public func text(in range: SourceRange) -> String? {
        guard let start = offset(of: range.start), let end = offset(of: range.end), start <= end else {
            return nil
        }
        return string(from: start, to: end)
    }

    /// The scalars from `start` to `end` as a string (offsets are clamped to the file).
    func string(from start: Int, to end: Int) -> String {
        let lower = Swift.max(0, Swift.min(start, scalars.count))
        let upper = Swift.max(lower, Swift.min(end, scalars.count))
        let indices = storage.indices
        return String(storage.text.unicodeScalars[indices[lower]..<indices[upper]])
    }

    /// The 0-based line index holding scalar `offset` (offsets past the end map to the last line).
    func lineIndex(ofOffset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {  // invariant: lineStarts[low] <= offset, or low == 0; the gap halves
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The location of scalar `offset` (clamped into the file; an offset inside a line
    /// terminator maps to the end of its line).
    func location(ofOffset offset: Int) -> SourceLocation {
        var hint = 0
        return location(ofOffset: offset, lineHint: &hint)
    }

    /// The same, for offsets visited in increasing order: `lineHint` is the line index found
    /// last time, from which the search walks forward (falling back to binary search when the
    /// offset lies before it).
    func location(ofOffset offset: Int, lineHint: inout Int) -> SourceLocation {
        let clamped = Swift.max(0, Swift.min(offset, scalars.count))
        var index: Int
        if lineHint >= 0, lineHint < lineStarts.count, lineStarts[lineHint] <= clamped {
            index = lineHint
            while index + 1 < lineStarts.count, lineStarts[index + 1] <= clamped { index += 1 }
        } else {
            index = lineIndex(ofOffset: clamped)
        }
        lineHint = index
        let start = lineStarts[index]
        let inLine = Swift.min(clamped, lineEnds[index])
        if lineIsASCII[index] {
            return SourceLocation(line: index + 1, column: inLine - start + 1)
        }
        return SourceLocation(line: index + 1, column: string(from: start, to: inLine).count + 1)
    }

    /// The range from scalar offset `start` to scalar offset `end`.
    func range(fromOffset start: Int, toOffset end: Int) -> SourceRange {
        SourceRange(start: location(ofOffset: start), end: location(ofOffset: end))
    }

    /// The scalar offset of a line and a code-point column (as TOML parsers report them),
    /// clamped into that line.
    func offset(line: Int, codePointColumn column: Int) -> Int {
        let index = Swift.max(0, Swift.min(line - 1, lineCount - 1))
        let start = lineStarts[index]
        return start + Swift.max(0, Swift.min(column - 1, lineEnds[index] - start))
    }

    /// The scalar offset of `location`, or `nil` when it is outside the file.
    func offset(of location: SourceLocation) -> Int? {
        guard location.line >= 1, location.line <= lineCount, location.column >= 1 else { return nil }
        let index = location.line - 1
        let start = lineStarts[index]
        if lineIsASCII[index] {
            let offset = start + location.column - 1
            return offset <= lineEnds[index] ? offset : nil
        }
        var column = 1
        var offset = start
        // Walk characters; each step advances `offset` by at least one scalar.
        for character in string(from: start, to: lineEnds[index]) {
            if column == location.column { return offset }
            offset += character.unicodeScalars.count
            column += 1
        }
        return column == location.column ? offset : nil
    }
}
