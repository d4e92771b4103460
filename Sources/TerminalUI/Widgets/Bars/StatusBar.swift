/// A one-row bar of segments separated by ` │ `, such as
/// ` REPLAY │ 04-counter ▶ 3/5 │ . next  , back  q quit`.
///
/// Left segments are drawn from the left edge, right segments flush against the right edge,
/// with one column of padding at each end. When everything does not fit, whole segments are
/// dropped, lowest priority first (the later one among equals); the last segment standing is
/// truncated with "…". So the most important information survives down to tiny widths.
public struct StatusBar: Hashable, Sendable {
    /// The segments, in display order.
    public var segments: [StatusSegment]
    /// Drawn between neighbouring segments on the same side, in the `.border` role.
    public var separator: String
    /// The style of the bar's background.
    public var style: Style

    /// Creates a bar.
    public init(_ segments: [StatusSegment], separator: String = " │ ", style: Style = .normal) {
        self.segments = segments
        self.separator = separator
        self.style = style
    }

    /// The indices of the segments shown in a bar `width` columns wide.
    public func visibleSegments(width: Int) -> [Int] {
        var kept = Array(segments.indices)
        while kept.count > 1 && requiredWidth(kept) > width {
            let victim = kept.indices.min { a, b in
                let (pa, pb) = (segments[kept[a]].priority, segments[kept[b]].priority)
                return pa < pb || (pa == pb && a > b)
            }!
            kept.remove(at: victim)
        }
        return kept
    }

    /// Draws the bar on the first row of `rect`.
    public func render(into grid: inout Grid, in rect: Rect) {
        let row = Rect(x: rect.minX, y: rect.minY, width: rect.width, height: min(1, rect.height)).intersection(grid.bounds)
        guard !row.isEmpty else { return }
        grid.fill(row, style: style)
        let kept = visibleSegments(width: rect.width)
        let left = kept.filter { segments[$0].alignment != .right }
        let right = kept.filter { segments[$0].alignment == .right }
        let room = max(0, rect.width - 2)
        var leftLine = joined(left)
        var rightLine = joined(right)
        if leftLine.width + rightLine.width + (left.isEmpty || right.isEmpty ? 0 : 1) > room {
            // Only one segment remains and it is too wide.
            leftLine = leftLine.truncated(toWidth: room)
            rightLine = rightLine.truncated(toWidth: room)
        }
        grid.put(leftLine, at: Point(x: rect.minX + 1, y: rect.minY), clip: row)
        grid.put(rightLine, at: Point(x: rect.maxX - 1 - rightLine.width, y: rect.minY), clip: row)
    }

    private func joined(_ indices: [Int]) -> Line {
        var line = Line()
        for (position, index) in indices.enumerated() {
            if position > 0 { line.append(separator, style: .border) }
            line.append(segments[index].content)
        }
        return line
    }

    private func requiredWidth(_ indices: [Int]) -> Int {
        let left = indices.filter { segments[$0].alignment != .right }
        let right = indices.filter { segments[$0].alignment == .right }
        let gap = left.isEmpty || right.isEmpty ? 0 : 1
        return 2 + joined(left).width + joined(right).width + gap
    }
}
