/// A one-row strip of tabs, ` 1 Workers │ 2 Calls │ 3 Stubs `, with one selected tab.
///
/// When the tabs do not all fit, the strip starts at the earliest tab that still lets the
/// selected one be seen, so the selection is always visible (truncated if even it alone does
/// not fit). ``tab(atColumn:width:)`` hit-tests clicks with the same layout that is drawn.
public struct TabStrip: Hashable, Sendable {
    /// The tab titles.
    public var titles: [String]
    /// The selected tab as last set; see ``selection``.
    public var selected: Int

    /// Creates a strip.
    public init(_ titles: [String], selected: Int = 0) {
        self.titles = titles
        self.selected = selected
    }

    /// The selected tab, clamped to the titles; `nil` when there are none.
    public var selection: Int? {
        titles.isEmpty ? nil : min(max(0, selected), titles.count - 1)
    }

    /// Selects the next tab, wrapping around.
    public mutating func selectNext() {
        guard let current = selection else { return }
        selected = (current + 1) % titles.count
    }

    /// Selects the previous tab, wrapping around.
    public mutating func selectPrevious() {
        guard let current = selection else { return }
        selected = (current + titles.count - 1) % titles.count
    }

    /// The visible tabs for a strip `width` columns wide: each tab's index and the columns it
    /// covers (relative to the strip's left edge; the title with one space either side).
    public func layout(width: Int) -> [(index: Int, columns: Range<Int>)] {
        guard let current = selection, width > 0 else { return [] }
        let widths = titles.map { DisplayWidth.of($0) + 2 }
        var first = current
        var used = widths[current]
        while first > 0 && used + 1 + widths[first - 1] <= width {
            first -= 1
            used += 1 + widths[first]
        }
        var result: [(index: Int, columns: Range<Int>)] = []
        var x = 0
        for index in first..<titles.count where x < width {
            let end = min(width, x + widths[index])
            result.append((index, x..<end))
            x = end + 1  // the separator
        }
        return result
    }

    /// The tab drawn at column `x` (relative to the strip's left edge), if any.
    public func tab(atColumn x: Int, width: Int) -> Int? {
        layout(width: width).first { $0.columns.contains(x) }?.index
    }

    /// Draws the strip on the first row of `rect`: the selected tab in `.selected` (or
    /// `.selectedUnfocused` when not `focused`), the others in `.normal`, separators in `.border`.
    public func render(into grid: inout Grid, in rect: Rect, focused: Bool = true) {
        let row = Rect(x: rect.minX, y: rect.minY, width: rect.width, height: min(1, rect.height)).intersection(grid.bounds)
        guard !row.isEmpty else { return }
        grid.fill(row)
        for (position, tab) in layout(width: rect.width).enumerated() {
            let style: Style = tab.index == selection ? Style(focused ? .selected : .selectedUnfocused) : .normal
            let cells = Rect(x: rect.minX + tab.columns.lowerBound, y: rect.minY, width: tab.columns.count, height: 1)
                .intersection(row)
            if position > 0 {
                grid.set(Cell("│", style: .border), at: Point(x: cells.minX - 1, y: rect.minY), clip: row)
            }
            grid.fill(cells, style: style)
            let title = Line(titles[tab.index], style: style).truncated(toWidth: max(0, tab.columns.count - 2))
            grid.put(title, at: Point(x: cells.minX + 1, y: rect.minY), clip: cells)
        }
    }
}
