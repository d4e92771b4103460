import RPCEngine
import TerminalUI

/// Draws the content of the list panes (Workers, Calls tree, Stubs, Tasks, Events) from their
/// rows: only the rows on screen are formatted, so a pane costs the same with ten rows or a
/// million.
enum PaneRenderer {
    /// The line of `row` in `pane` (without tree indentation).
    static func label(_ row: PaneRow, pane: Pane, model: InspectorModel) -> Line {
        switch row.id {
        case .call(let id): model.call(id).map { RowFormatter.call($0, in: model) } ?? Line(id.description)
        case .stub(let id): model.stub(id).map(RowFormatter.stub) ?? Line(id.description)
        case .task(let id): model.task(id).map { RowFormatter.task($0, in: model) } ?? Line(id.description)
        default: RowFormatter.worker(row.id, in: model)
        }
    }

    /// The tree marker and indentation before a row's label.
    static func indent(_ row: PaneRow) -> Line {
        let marker = row.hasChildren ? (row.isExpanded ? Glyph.expanded + " " : Glyph.collapsed + " ") : "  "
        return Line(String(repeating: " ", count: row.depth * 2) + marker, style: .dim)
    }

    /// Draws `pane`'s rows into `rect`.
    static func renderList(_ pane: Pane, state: InspectorState, into grid: inout Grid, in rect: Rect, focused: Bool) {
        let model = state.model
        let rows = state.rows(of: pane)
        let list = state.list(of: pane)
        if pane == .events {
            renderEvents(state: state, into: &grid, in: rect, focused: focused)
            return
        }
        let isTree = pane == .workers || pane == .calls
        let selection = state.selection
        let provider = RowProvider(count: rows.count) { index -> Line in
            let row = rows.row(index, in: model)
            var line = label(row, pane: pane, model: model)
            if RelatedRows.isRelated(row.id, to: selection, in: model) { line = line.restyled { $0.adding(.underline) } }
            return isTree ? indent(row) + line : line
        }
        ListView(rows: provider, focused: focused, showsScrollbar: true, placeholder: placeholder(pane, state: state))
            .render(into: &grid, in: rect, state: list)
    }

    private static func placeholder(_ pane: Pane, state: InspectorState) -> Line {
        if let filter = state.filters[pane] { return "nothing matches /\(filter)" }
        switch pane {
        case .workers: return "no workers declared yet"
        case .calls: return "no calls yet"
        case .stubs: return "no stubs yet"
        case .tasks: return "no waitUntil tasks yet"
        default: return "nothing yet"
        }
    }

    /// The Events pane: the visible events only, read from the log; events after the cursor
    /// are muted, and events naming the selection's id are underlined.
    static func renderEvents(state: InspectorState, into grid: inout Grid, in rect: Rect, focused: Bool) {
        let rows = state.rows(of: .events)
        let list = state.list(of: .events)
        let model = state.model
        let visible = list.visibleRange(count: rows.count, height: rect.height)
        var events: [Int: Event] = [:]
        if let first = visible.first, let last = visible.last {
            let lo = rows.row(first, in: model), hi = rows.row(last, in: model)
            if case .event(let a) = lo.id, case .event(let b) = hi.id {
                if b - a + 1 == visible.count {
                    for e in state.timeline.log.events(from: a, to: b + 1) { events[e.seq] = e }
                } else {
                    for i in visible {
                        guard case .event(let seq) = rows.row(i, in: model).id else { continue }
                        if let e = state.timeline.log.events(from: seq, to: seq + 1).first { events[seq] = e }
                    }
                }
            }
        }
        let cursor = state.timeline.cursor
        let selection = state.selection
        let provider = RowProvider(count: rows.count) { index -> Line in
            guard case .event(let seq) = rows.row(index, in: model).id, let event = events[seq] else { return "" }
            var line = Line(seq == cursor ? Glyph.collapsed + " " : "  ", style: .accent) + RowFormatter.event(event, cursor: cursor)
            if RelatedRows.eventMentions(event.text, selection) { line = line.restyled { $0.adding(.underline) } }
            return line
        }
        ListView(rows: provider, focused: focused, showsScrollbar: true, placeholder: state.filters[.events].map { "nothing matches /\($0)" } ?? "the log is empty")
            .render(into: &grid, in: rect, state: list)
    }
}
