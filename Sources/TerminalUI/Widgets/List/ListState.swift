/// The selection and scroll position of a list (also used by tables and trees).
///
/// Pure data, kept in the app's state. The number of rows and the viewport height are passed
/// to every operation rather than stored, because both change underneath the state (rows
/// arrive, the terminal is resized). Guarantees, for any `count` and `height`:
/// * the selection is in `0 ..< count` (or there is none when `count == 0`);
/// * after any operation, and in what ``visibleRange(count:height:)`` reports, the selected
///   row is on screen and the view does not scroll past the last row.
public struct ListState: Hashable, Sendable {
    /// The selected row as last set; see ``selection(count:)`` for the clamped value.
    public private(set) var selected: Int
    /// The first row shown as last set; see ``visibleRange(count:height:)``.
    public private(set) var offset: Int

    /// Creates a state with row `selected` selected and the view starting at `offset`.
    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = max(0, selected)
        self.offset = max(0, offset)
    }

    /// The selected row, clamped to `0 ..< count`; `nil` when there are no rows.
    public func selection(count: Int) -> Int? {
        count > 0 ? min(selected, count - 1) : nil
    }

    /// The rows shown in a viewport of `height` rows: starts at the stored offset, moved just
    /// enough to show the selection, and never past the last row.
    public func visibleRange(count: Int, height: Int) -> Range<Int> {
        guard count > 0, height > 0 else { return 0..<0 }
        let start = normalizedOffset(count: count, height: height)
        return start..<min(count, start.adding(saturating: height))
    }

    /// The row shown on viewport line `line` (0 = top line), if any.
    public func index(atLine line: Int, count: Int, height: Int) -> Int? {
        let range = visibleRange(count: count, height: height)
        guard line >= 0, line < height else { return nil }
        let index = range.lowerBound + line
        return range.contains(index) ? index : nil
    }

    /// Selects row `index` (clamped) and scrolls just enough to show it.
    public mutating func select(_ index: Int, count: Int, height: Int) {
        selected = count > 0 ? min(max(0, index), count - 1) : 0
        offset = normalizedOffset(count: count, height: height)
    }

    /// Applies a movement. Page movements move the selection and the view by one page, so the
    /// selected row keeps its place on screen where possible.
    public mutating func apply(_ movement: ListMovement, count: Int, height: Int) {
        let current = selection(count: count) ?? 0
        let page = max(1, height)
        switch movement {
        case .up: select(current - 1, count: count, height: height)
        case .down: select(current + 1, count: count, height: height)
        case .first: select(0, count: count, height: height)
        case .last: select(count - 1, count: count, height: height)
        case .pageUp:
            offset = max(0, normalizedOffset(count: count, height: height) - page)
            select(current.subtracting(saturating: page), count: count, height: height)
        case .pageDown:
            offset = normalizedOffset(count: count, height: height).adding(saturating: page)
            select(current.adding(saturating: page), count: count, height: height)
        }
    }

    /// Scrolls the view by `delta` rows (negative is up), as a mouse wheel does; the selection
    /// is dragged along only as far as needed to stay visible.
    public mutating func scroll(by delta: Int, count: Int, height: Int) {
        guard count > 0, height > 0 else { return }
        let start = normalizedOffset(count: count, height: height)
        offset = min(max(0, start.adding(saturating: delta)), max(0, count - height))
        let current = selection(count: count) ?? 0
        selected = min(max(current, offset), offset.adding(saturating: height) - 1, count - 1)
    }

    /// The default key bindings: `j`/`↓` down, `k`/`↑` up, `g`/Home first, `G`/End last,
    /// PgUp/PgDn pages.
    public static func movement(for key: Key) -> ListMovement? {
        switch key {
        case .character("j"), .down: return .down
        case .character("k"), .up: return .up
        case .character("g"), .home: return .first
        case .character("G"), .end: return .last
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        default: return nil
        }
    }

    /// Handles a key with the default bindings; returns whether the key was used.
    public mutating func handle(_ key: Key, count: Int, height: Int) -> Bool {
        guard let movement = ListState.movement(for: key) else { return false }
        apply(movement, count: count, height: height)
        return true
    }

    /// Handles a mouse event over a list drawn in `rect`: a click or press selects the row under
    /// the pointer, the wheel scrolls three rows. Returns whether the event was used (events
    /// outside `rect` are not).
    public mutating func handle(_ mouse: MouseEvent, in rect: Rect, count: Int) -> Bool {
        guard rect.contains(mouse.position) else { return false }
        switch mouse.kind {
        case .wheelUp:
            scroll(by: -3, count: count, height: rect.height)
        case .wheelDown:
            scroll(by: 3, count: count, height: rect.height)
        case .click, .press, .doubleClick:
            guard let index = index(atLine: mouse.position.y - rect.minY, count: count, height: rect.height) else {
                return false
            }
            select(index, count: count, height: rect.height)
        case .release:
            return false
        }
        return true
    }

    private func normalizedOffset(count: Int, height: Int) -> Int {
        guard count > 0, height > 0 else { return 0 }
        let current = min(selected, count - 1)
        var start = offset
        if current < start { start = current }
        if current >= start.adding(saturating: height) { start = current - height + 1 }
        return max(0, min(start, count - height))
    }
}
