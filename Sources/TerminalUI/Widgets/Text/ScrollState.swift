/// The scroll position of a ``ScrollingText``: the first visible line and, for unwrapped text,
/// the first visible column.
///
/// Operations take the content and viewport sizes, because both change underneath the state;
/// after any operation the position is clamped so the view never scrolls past the content.
public struct ScrollState: Hashable, Sendable {
    /// The first visible (wrapped) line as last set; see ``clampedOffset(contentHeight:viewportHeight:)``.
    public private(set) var offset: Int
    /// The first visible column as last set (unwrapped text only).
    public private(set) var column: Int

    /// Creates a state.
    public init(offset: Int = 0, column: Int = 0) {
        self.offset = max(0, offset)
        self.column = max(0, column)
    }

    /// The first visible line, kept so the last page is full when the content is long enough.
    public func clampedOffset(contentHeight: Int, viewportHeight: Int) -> Int {
        max(0, min(offset, contentHeight - max(0, viewportHeight)))
    }

    /// The first visible column, kept so the view does not scroll past the widest line.
    public func clampedColumn(contentWidth: Int, viewportWidth: Int) -> Int {
        max(0, min(column, contentWidth - max(0, viewportWidth)))
    }

    /// Scrolls by `lines` (negative is up).
    public mutating func scroll(by lines: Int, contentHeight: Int, viewportHeight: Int) {
        offset = clampedOffset(contentHeight: contentHeight, viewportHeight: viewportHeight).adding(saturating: lines)
        offset = clampedOffset(contentHeight: contentHeight, viewportHeight: viewportHeight)
    }

    /// Scrolls sideways by `columns` (negative is left).
    public mutating func scrollHorizontally(by columns: Int, contentWidth: Int, viewportWidth: Int) {
        column = clampedColumn(contentWidth: contentWidth, viewportWidth: viewportWidth).adding(saturating: columns)
        column = clampedColumn(contentWidth: contentWidth, viewportWidth: viewportWidth)
    }

    /// Handles a key: `j`/`↓` and `k`/`↑` scroll a line, PgDn/PgUp a page, `g`/Home and `G`/End
    /// jump to the top and bottom, and `l`/`→` and `h`/`←` scroll sideways by four columns when
    /// the content is wider than the viewport. Returns whether the key was used.
    public mutating func handle(_ key: Key, contentSize: Size, viewport: Size) -> Bool {
        let page = max(1, viewport.height)
        let (height, viewHeight) = (contentSize.height, viewport.height)
        switch key {
        case .character("j"), .down: scroll(by: 1, contentHeight: height, viewportHeight: viewHeight)
        case .character("k"), .up: scroll(by: -1, contentHeight: height, viewportHeight: viewHeight)
        case .pageDown: scroll(by: page, contentHeight: height, viewportHeight: viewHeight)
        case .pageUp: scroll(by: -page, contentHeight: height, viewportHeight: viewHeight)
        case .character("g"), .home: offset = 0
        case .character("G"), .end: scroll(by: height, contentHeight: height, viewportHeight: viewHeight)
        case .character("l"), .right, .character("h"), .left:
            guard contentSize.width > viewport.width else { return false }
            let step = (key == .character("l") || key == .right) ? 4 : -4
            scrollHorizontally(by: step, contentWidth: contentSize.width, viewportWidth: viewport.width)
        default: return false
        }
        return true
    }
}
