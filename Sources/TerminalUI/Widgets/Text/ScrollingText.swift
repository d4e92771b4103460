/// A block of styled text in a scrolling viewport, word-wrapped or clipped.
///
/// Wrapped text is re-flowed for the current width on every render (so a resize just works);
/// clipped text keeps one line per source line and scrolls sideways. Only the visible lines
/// are drawn. The scroll position lives in the app's ``ScrollState``.
public struct ScrollingText: Hashable, Sendable {
    /// The source lines (newlines inside a line also start a new line when wrapping).
    public var lines: [Line]
    /// Whether to word-wrap (`true`) or clip and scroll sideways (`false`).
    public var wrap: Bool

    /// Creates a text view from lines.
    public init(_ lines: [Line], wrap: Bool = true) {
        self.lines = lines
        self.wrap = wrap
    }

    /// Creates a text view from a string, one line per `\n`-separated part.
    public init(_ text: String, style: Style = .normal, wrap: Bool = true) {
        self.init(text.split(separator: "\n", omittingEmptySubsequences: false).map { Line(String($0), style: style) }, wrap: wrap)
    }

    /// The lines as shown at `width` columns: wrapped, or the source lines when clipping.
    public func visualLines(width: Int) -> [Line] {
        wrap ? lines.flatMap { $0.wrapped(toWidth: width) } : lines
    }

    /// The content's size in a viewport: its number of visual lines, and its widest line (the
    /// viewport width when wrapping).
    public func contentSize(for viewport: Size) -> Size {
        if wrap { return Size(width: viewport.width, height: visualLines(width: viewport.width).count) }
        return Size(width: lines.map(\.width).max() ?? 0, height: lines.count)
    }

    /// Handles a scrolling key for a viewport of `viewport`; see ``ScrollState/handle(_:contentSize:viewport:)``.
    public func handle(_ key: Key, state: inout ScrollState, viewport: Size) -> Bool {
        state.handle(key, contentSize: contentSize(for: viewport), viewport: viewport)
    }

    /// Draws the visible part into `rect` of `grid`.
    public func render(into grid: inout Grid, in rect: Rect, state: ScrollState) {
        let area = rect.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        grid.fill(area)
        let visual = visualLines(width: rect.width)
        let top = state.clampedOffset(contentHeight: visual.count, viewportHeight: rect.height)
        let column = wrap ? 0 : state.clampedColumn(contentWidth: contentSize(for: rect.size).width, viewportWidth: rect.width)
        for line in 0..<min(rect.height, visual.count - top, max(0, area.maxY - rect.minY)) {
            let shown = column > 0 ? visual[top + line].slice(fromColumn: column, width: rect.width) : visual[top + line]
            grid.put(shown, at: Point(x: rect.minX, y: rect.minY + line), clip: area)
        }
    }
}
