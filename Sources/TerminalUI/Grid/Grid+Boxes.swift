extension Grid {
    /// Draws a box with light box-drawing lines (┌ ─ ┐ │ └ ┘) around the edge of `rect`, with an
    /// optional title in the top edge: `┌ Title ─────┐`.
    ///
    /// The inside of the box is left untouched. A title too long for the edge is truncated with
    /// "…"; one that does not fit at all is left out. A rectangle narrower or shorter than 2
    /// draws nothing. Everything is clipped to `clip` and the grid.
    public mutating func drawBox(
        _ rect: Rect, title: String? = nil, style: Style = .border, titleStyle: Style = .title, clip: Rect? = nil
    ) {
        drawBox(rect, titleLine: title.map { Line($0, style: titleStyle) }, style: style, clip: clip)
    }

    /// Draws a box like ``drawBox(_:title:style:titleStyle:clip:)`` with a title made of styled
    /// spans (for titles such as `2 Calls  tree│timeline` with the active mode highlighted).
    public mutating func drawBox(_ rect: Rect, titleLine: Line?, style: Style = .border, clip: Rect? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let area = clipArea(clip)
        drawEdge(y: rect.minY, of: rect, left: "┌", right: "┐", title: titleLine, style: style, clip: area)
        drawEdge(y: rect.maxY - 1, of: rect, left: "└", right: "┘", title: nil, style: style, clip: area)
        // Only the rows inside the clip area: a huge rectangle costs no more than the screen.
        let top = Swift.max(rect.minY.adding(saturating: 1), area.minY)
        let bottom = Swift.min(rect.maxY - 1, area.maxY)
        for y in stride(from: top, to: bottom, by: 1) {
            set(Cell("│", style: style), at: Point(x: rect.minX, y: y), clip: area)
            set(Cell("│", style: style), at: Point(x: rect.maxX - 1, y: y), clip: area)
        }
    }

    /// Draws a horizontal divider across a box: `├ Title ───┤` on row `y`, from the box's left
    /// edge to its right edge, so stacked panes can share a frame. Titles behave as in
    /// ``drawBox(_:title:style:titleStyle:clip:)``.
    public mutating func drawDivider(
        across rect: Rect, y: Int, title: String? = nil, style: Style = .border, titleStyle: Style = .title,
        clip: Rect? = nil
    ) {
        drawDivider(across: rect, y: y, titleLine: title.map { Line($0, style: titleStyle) }, style: style, clip: clip)
    }

    /// Draws a divider like ``drawDivider(across:y:title:style:titleStyle:clip:)`` with a styled title.
    public mutating func drawDivider(across rect: Rect, y: Int, titleLine: Line?, style: Style = .border, clip: Rect? = nil) {
        guard rect.width >= 2 else { return }
        drawEdge(y: y, of: rect, left: "├", right: "┤", title: titleLine, style: style, clip: clipArea(clip))
    }

    private mutating func drawEdge(
        y: Int, of rect: Rect, left: Character, right: Character, title: Line?, style: Style, clip: Rect
    ) {
        set(Cell(left, style: style), at: Point(x: rect.minX, y: y), clip: clip)
        set(Cell(right, style: style), at: Point(x: rect.maxX - 1, y: y), clip: clip)
        let inner = Rect(x: rect.minX.adding(saturating: 1), y: y, width: rect.width - 2, height: 1).intersection(clip)
        fill(inner, with: "─", style: style)
        guard let title, !title.isEmpty, rect.width - 2 >= 3 else { return }
        let shown = title.truncated(toWidth: rect.width - 4)
        var x = put(" ", at: Point(x: rect.minX.adding(saturating: 1), y: y), style: style, clip: inner)
        x = put(shown, at: Point(x: x, y: y), clip: inner)
        put(" ", at: Point(x: x, y: y), style: style, clip: inner)
    }
}
