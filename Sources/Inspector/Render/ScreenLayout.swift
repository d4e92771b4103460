import TerminalUI

/// Where everything goes on a screen of a given size: the panes' boxes, the tab strip, and the
/// narration, console and status rows.
///
/// Computed by the same pure function for drawing and for hit-testing mouse clicks, so a click
/// lands on what was drawn. Breakpoints follow ``SizeClass``:
/// * **wide** (≥ 120×32): every pane; Workers, Stubs and Tasks stacked on the left, Calls,
///   Inspector and Events on the right;
/// * **regular** (≥ 80×24): the left panes become tabs (one shown, a tab strip above it);
/// * **compact** (smaller, down to 40×12 and below): one pane at a time under a tab strip of all six.
///
/// Zoom gives the focused pane the whole area above the bottom rows, at any size.
public struct ScreenLayout: Hashable, Sendable {
    /// The screen size.
    public let size: Size
    /// Its class.
    public let sizeClass: SizeClass
    /// The box of each visible pane.
    public private(set) var boxes: [Pane: Rect] = [:]
    /// The tab strip's row, when there is one.
    public private(set) var tabStrip: Rect?
    /// The panes named in the tab strip, in order.
    public private(set) var tabs: [Pane] = []
    /// The narration row.
    public let narration: Rect
    /// The console row.
    public let console: Rect
    /// The status bar row.
    public let status: Rect
    /// The area above the bottom rows (where the help screen is drawn too).
    public let main: Rect

    /// Lays out a screen of `size` with `focus` focused, `leftPane` the left tab shown at
    /// regular size, and the focused pane alone when `zoomed`.
    public init(size: Size, focus: Pane, leftPane: Pane, zoomed: Bool) {
        self.size = size
        sizeClass = SizeClass(size)
        let screen = Rect(size: size)
        let bottomRows = size.height >= 6 ? 3 : min(size.height, 1)
        let (main, bottom) = screen.splitBottom(bottomRows)
        self.main = main
        if bottomRows == 3 {
            let rows = bottom.rows(.fixed(1), .fixed(1), .fixed(1))
            narration = rows[0]
            console = rows[1]
            status = rows[2]
        } else {
            narration = .zero
            console = .zero
            status = bottom
        }
        if zoomed {
            boxes[focus] = main
            return
        }
        switch sizeClass {
        case .wide:
            let (left, right) = main.splitLeft(min(max(main.width / 3, 30), 56))
            let l = left.rows(.fraction(0.4), .fraction(0.35), .fill())
            let r = right.rows(.fraction(0.45), .fraction(0.3), .fill())
            boxes = [.workers: l[0], .stubs: l[1], .tasks: l[2], .calls: r[0], .details: r[1], .events: r[2]]
        case .regular:
            let (left, right) = main.splitLeft(min(max(main.width * 2 / 5, 28), 48))
            let (strip, box) = left.splitTop(1)
            tabStrip = strip
            tabs = Pane.leftColumn
            let shown = leftPane.isLeftColumn ? leftPane : .workers
            let r = right.rows(.fraction(0.4), .fraction(0.3), .fill())
            boxes = [shown: box, .calls: r[0], .details: r[1], .events: r[2]]
        case .compact:
            let (strip, box) = main.splitTop(1)
            tabStrip = strip
            tabs = Pane.allCases
            boxes = [focus: box]
        }
    }

    /// The inside of a pane's box (its content area), if the pane is visible.
    public func body(of pane: Pane) -> Rect? {
        boxes[pane].map { $0.inset(by: 1) }
    }

    /// The visible pane whose box contains `point`.
    public func pane(at point: Point) -> Pane? {
        boxes.first { $0.value.contains(point) }?.key
    }
}
