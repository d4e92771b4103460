import RPCEngine
import TerminalUI

/// Everything the inspector shows and remembers: the timeline (the fold of the log and the time
/// cursor), focus, selection, per-pane list positions, filters, the console, playback.
///
/// The state changes only through ``update(_:)`` — pure: the same state and input always give the
/// same state and effects, and nothing is performed, only asked for (``InspectorEffect``).
/// ``InspectorRenderer/render(_:size:)`` draws it. The one thing the state reads from outside is
/// the append-only ``EventLog``, and only the events up to the counts that inputs name, which
/// never change once written.
///
/// Derived data (each pane's rows) is rebuilt at the end of an update only when what it depends
/// on changed, so drawing a frame costs only the rows on screen.
public struct InspectorState: Sendable {
    /// The fold of the log and the time cursor.
    public internal(set) var timeline: Timeline
    /// The scenario's title (or the session's name).
    public internal(set) var title: String
    /// Replay or live.
    public internal(set) var mode: PlaybackMode
    /// The host's `--slow-motion` factor, shown in the status bar (nil: virtual time).
    public internal(set) var slowMotion: SlowMotion?
    /// Whether the cursor follows the newest event (live, not paused).
    public internal(set) var following: Bool
    /// Whether the cursor is playing forward.
    public internal(set) var playing = false
    /// The index into ``PlaybackSpeed/factors``.
    public internal(set) var speedIndex = PlaybackSpeed.normal
    /// The clock reading at which playback last advanced.
    var lastPlayTick: Int?
    /// The terminal size the state lays itself out for.
    public internal(set) var size: Size
    /// The focused pane.
    public internal(set) var focus: Pane = .calls
    /// The left-column pane shown when the left panes are tabs.
    public internal(set) var leftPane: Pane = .workers
    /// Whether the console has the keyboard.
    public internal(set) var consoleFocused = false
    /// Whether the focused pane fills the screen.
    public internal(set) var zoomed = false
    /// Whether the help screen is open.
    public internal(set) var showHelp = false
    /// The help screen's scroll position.
    public internal(set) var helpScroll = ScrollState()
    /// Tree or timeline in the Calls pane.
    public internal(set) var callsLayout: CallsLayout = .tree
    /// Selection and scroll of each list pane.
    public internal(set) var lists: [Pane: ListState] = [:]
    /// The row each list pane last had selected (kept even while the row is not shown, so it
    /// comes back when the cursor returns to a time where it exists).
    public internal(set) var paneSelections: [Pane: Selection] = [:]
    /// Tree nodes the user collapsed (everything else is expanded).
    public internal(set) var collapsed: Set<Selection> = []
    /// Each pane's filter text.
    public internal(set) var filters: [Pane: String] = [:]
    /// The filter being edited (for the focused pane), if any.
    public internal(set) var filterInput: TextInput?
    /// The Inspector pane's scroll position.
    public internal(set) var detailsScroll = ScrollState()
    /// The shared selection that the Inspector pane details.
    public internal(set) var selection: Selection?
    /// The console.
    public internal(set) var console = ConsoleState()
    /// The latest notice.
    public internal(set) var message: StatusMessage?
    /// Set once quitting was asked for.
    public internal(set) var quitRequested = false
    /// Bumped by every update that may change what is drawn; the driver redraws when it moves.
    public internal(set) var revision = 0

    /// Each list pane's rows (derived; see the type's documentation).
    public internal(set) var rows: [Pane: PaneRows] = [:]
    var rowsKey: RowsKey?
    var eventMatches: EventMatches?

    /// What the derived rows depend on.
    struct RowsKey: Hashable {
        var cursor: Int
        var known: Int
        var collapsed: Set<Selection>
        var filters: [Pane: String]
        var callsLayout: CallsLayout
    }

    /// Creates the state for `log`, folding every event it holds.
    ///
    /// In replay the cursor starts before the first step (or after the worker declarations when
    /// there is no step); live, it follows the newest event.
    public init(log: EventLog, title: String, mode: PlaybackMode, size: Size) {
        timeline = Timeline(log: log)
        self.title = title
        self.mode = mode
        self.size = size
        following = mode == .live
        timeline.ingest()
        timeline.moveCursor(to: mode == .live ? timeline.known : initialReplayCursor)
        if timeline.cursor > 0 { paneSelections[.events] = .event(timeline.cursor) }
        refresh()
        selection = paneSelections[focus]
    }

    /// The model at the time cursor: what every pane shows.
    public var model: InspectorModel { timeline.model }

    /// The screen layout for the current size, focus and zoom.
    public var layout: ScreenLayout {
        ScreenLayout(size: size, focus: focus, leftPane: leftPane, zoomed: zoomed)
    }

    /// `LIVE`, `PAUSED` or `REPLAY`, as the status bar shows it.
    public var modeLabel: String {
        switch mode {
        case .replay: "REPLAY"
        case .live: following ? "LIVE" : "PAUSED"
        }
    }

    /// Where replay starts: just before the first step, or after the leading worker declarations.
    var initialReplayCursor: Int {
        if let first = timeline.steps.first { return first.seq - 1 }
        var seq = 0
        for event in timeline.log.events(from: 1, to: min(timeline.known, 64) + 1) {
            guard case .workerDeclared = event.payload else { break }
            seq = event.seq
        }
        return seq
    }

    /// The rows of `pane` (empty for the Inspector pane).
    public func rows(of pane: Pane) -> PaneRows { rows[pane] ?? .empty }

    /// The list state of `pane`.
    public func list(of pane: Pane) -> ListState { lists[pane] ?? ListState() }

    /// The selected row of `pane`, if the pane has rows.
    public func selectedRow(of pane: Pane) -> PaneRow? {
        let rows = rows(of: pane)
        guard let index = list(of: pane).selection(count: rows.count) else { return nil }
        return rows.row(index, in: model)
    }

    /// The rows a pane's list shows at once (its body height, less a header row for the
    /// timeline), for page movements.
    public func viewportHeight(of pane: Pane) -> Int {
        let body = layout.body(of: pane)?.height ?? max(1, layout.main.height - 3)
        let header = pane == .calls && callsLayout == .timeline ? 1 : 0
        let filterRow = filterInput != nil && focus == pane ? 1 : 0
        return max(1, body - header - filterRow)
    }
}
