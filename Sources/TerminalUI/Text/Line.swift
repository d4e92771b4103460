/// One line of styled text: a sequence of ``Span``s.
///
/// Lines are what widgets display (list rows, table cells, titles, status segments). A string
/// literal (interpolated or not) is a line in the `.normal` style; `+` joins lines. Width computations use
/// ``DisplayWidth``, so wide characters count as two columns.
public struct Line: Hashable, Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The spans, in order. Empty spans are allowed and draw nothing.
    public var spans: [Span]

    /// Creates a line from spans.
    public init(_ spans: [Span] = []) {
        self.spans = spans
    }

    /// Creates a line of one span.
    public init(_ text: String, style: Style = .normal) {
        self.spans = [Span(text, style: style)]
    }

    /// Creates a `.normal` line from a literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Creates a `.normal` line from an interpolated literal (`"call\(n)"`).
    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(String(stringInterpolation: stringInterpolation))
    }

    /// The text without styles.
    public var text: String { spans.map(\.text).joined() }

    /// The text without styles (same as ``text``).
    public var description: String { text }

    /// The columns the line occupies.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// Whether the line has no characters.
    public var isEmpty: Bool { spans.allSatisfy { $0.text.isEmpty } }

    /// Appends `text` in `style`.
    public mutating func append(_ text: String, style: Style = .normal) {
        spans.append(Span(text, style: style))
    }

    /// Appends the spans of `other`.
    public mutating func append(_ other: Line) {
        spans.append(contentsOf: other.spans)
    }

    /// The two lines one after the other.
    public static func + (lhs: Line, rhs: Line) -> Line {
        Line(lhs.spans + rhs.spans)
    }

    /// The line with every span's style passed through `transform`.
    public func restyled(_ transform: (Style) -> Style) -> Line {
        Line(spans.map { Span($0.text, style: transform($0.style)) })
    }

    /// The line cut to at most `width` columns. When anything is cut and `ellipsis` is given,
    /// the last column shows it (in the style of the character it replaces), so the reader
    /// knows there is more. A wide character that would straddle the limit is dropped.
    public func truncated(toWidth width: Int, ellipsis: Character? = "…") -> Line {
        let width = max(0, width)
        guard self.width > width else { return self }
        let room = ellipsis == nil ? width : width - 1
        var kept: [(Character, Style)] = []
        var used = 0
        var lastStyle = spans.first?.style ?? .normal
        outer: for span in spans {
            for character in span.text {
                let w = DisplayWidth.of(character)
                lastStyle = span.style
                if used + w > room { break outer }
                kept.append((character, span.style))
                used += w
            }
        }
        if let ellipsis, width > 0 {
            kept.append((ellipsis, lastStyle))
        }
        return Line(styledCharacters: kept)
    }

    /// The columns `start ..< start + width` of the line (for horizontal scrolling). A wide
    /// character cut in half by either edge becomes a space, so the result is exactly as wide as
    /// the part of the line that lies in the window.
    public func slice(fromColumn start: Int, width: Int) -> Line {
        let start = max(0, start)
        let end = start + max(0, width)
        var kept: [(Character, Style)] = []
        var column = 0
        outer: for span in spans {
            for character in span.text {
                let w = DisplayWidth.of(character)
                defer { column += w }
                if column >= end { break outer }
                if w == 0 { continue }
                if column >= start && column + w <= end {
                    kept.append((character, span.style))
                } else if column + w > start {
                    // A wide character straddling an edge: keep its visible half as a space.
                    kept.append((" ", span.style))
                }
            }
        }
        return Line(styledCharacters: kept)
    }

    /// Builds a line from single characters, merging neighbours of the same style into one span.
    init(styledCharacters: [(Character, Style)]) {
        var spans: [Span] = []
        for (character, style) in styledCharacters {
            if let last = spans.last, last.style == style {
                spans[spans.count - 1].text.append(character)
            } else {
                spans.append(Span(String(character), style: style))
            }
        }
        self.init(spans)
    }

    /// Every character with its style, in order.
    var styledCharacters: [(Character, Style)] {
        spans.flatMap { span in span.text.map { ($0, span.style) } }
    }
}
