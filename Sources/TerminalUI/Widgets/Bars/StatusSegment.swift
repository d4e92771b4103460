/// One part of a ``StatusBar``: styled content, which side it sits on, and how much it matters
/// when space runs out.
public struct StatusSegment: Hashable, Sendable {
    /// What the segment shows.
    public var content: Line
    /// Higher priorities are kept longer when the bar is too narrow.
    public var priority: Int
    /// `.right` segments are flushed to the right end of the bar; anything else sits on the left.
    public var alignment: TextAlignment

    /// Creates a segment.
    public init(_ content: Line, priority: Int = 0, alignment: TextAlignment = .left) {
        self.content = content
        self.priority = priority
        self.alignment = alignment
    }

    /// A segment of key hints, `. next  , back  ? help`: each key's ``Key/description`` in the
    /// `.accent` role followed by its label, two spaces between hints.
    public static func keyHints(_ hints: [(key: Key, label: String)], priority: Int = 0, alignment: TextAlignment = .left) -> StatusSegment {
        var line = Line()
        for (index, hint) in hints.enumerated() {
            if index > 0 { line.append("  ") }
            line.append(hint.key.description, style: .accent)
            line.append(" " + hint.label)
        }
        return StatusSegment(line, priority: priority, alignment: alignment)
    }
}
