/// A run of text in one style: the unit a ``Line`` is made of.
public struct Span: Hashable, Sendable {
    /// The text. Newlines and other control characters show as spaces when drawn.
    public var text: String
    /// The style of every character of `text`.
    public var style: Style

    /// Creates a span.
    public init(_ text: String, style: Style = .normal) {
        self.text = text
        self.style = style
    }

    /// The columns the span occupies; see ``DisplayWidth``.
    public var width: Int { DisplayWidth.of(text) }
}
