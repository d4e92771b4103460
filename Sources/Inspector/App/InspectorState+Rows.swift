import RPCEngine
import TerminalUI

extension InspectorState {
    /// The panes that show a list of rows.
    static let listPanes: [Pane] = [.workers, .calls, .stubs, .tasks, .events]

    /// Rebuilds the derived rows when what they depend on changed, then puts each pane's list
    /// on its remembered row.
    mutating func refresh() {
        let key = RowsKey(
            cursor: timeline.cursor, known: timeline.known, collapsed: collapsed, filters: filters, callsLayout: callsLayout)
        if key != rowsKey {
            rebuildRows(previous: rowsKey, key: key)
            rowsKey = key
        }
        for pane in Self.listPanes { syncList(pane) }
    }

    private mutating func rebuildRows(previous: RowsKey?, key: RowsKey) {
        let model = timeline.model
        let modelChanged = previous?.cursor != key.cursor || previous?.known != key.known
        let structureChanged = modelChanged || previous?.collapsed != key.collapsed || previous?.callsLayout != key.callsLayout
        func filterChanged(_ pane: Pane) -> Bool { previous?.filters[pane] != key.filters[pane] }

        if structureChanged || filterChanged(.workers) {
            rows[.workers] = PaneRowsBuilder.workers(model, collapsed: collapsed, filter: filters[.workers] ?? "")
        }
        if structureChanged || filterChanged(.calls) {
            rows[.calls] = callsLayout == .tree
                ? PaneRowsBuilder.callTree(model, collapsed: collapsed, filter: filters[.calls] ?? "")
                : PaneRowsBuilder.timeline(model, collapsed: collapsed, filter: filters[.calls] ?? "")
        }
        if modelChanged || filterChanged(.stubs) {
            rows[.stubs] = PaneRowsBuilder.stubs(model, filter: filters[.stubs] ?? "")
        }
        if modelChanged || filterChanged(.tasks) {
            rows[.tasks] = PaneRowsBuilder.tasks(model, filter: filters[.tasks] ?? "")
        }
        if previous?.known != key.known || filterChanged(.events) {
            let filter = filters[.events] ?? ""
            if filter.isEmpty {
                eventMatches = nil
            } else {
                if eventMatches?.filter != filter.lowercased() { eventMatches = EventMatches(filter: filter) }
                eventMatches?.scan(timeline.log, upTo: timeline.known)
            }
            rows[.events] = PaneRowsBuilder.events(known: timeline.known, matches: eventMatches)
        }
    }

    /// Selects the remembered row of `pane` if it is shown; otherwise keeps the list's clamped
    /// position (and the remembered row, for later).
    private mutating func syncList(_ pane: Pane) {
        let rows = rows(of: pane)
        var list = list(of: pane)
        let height = viewportHeight(of: pane)
        if let remembered = paneSelections[pane], let index = rows.index(of: remembered, in: model) {
            list.select(index, count: rows.count, height: height)
        } else {
            list.select(list.selected, count: rows.count, height: height)
            if paneSelections[pane] == nil, let index = list.selection(count: rows.count) {
                paneSelections[pane] = rows.row(index, in: model).id
            }
        }
        lists[pane] = list
    }

    /// Makes row `index` of `pane` its selected row, and the shared selection.
    mutating func selectRow(_ index: Int, in pane: Pane) {
        let rows = rows(of: pane)
        guard rows.count > 0 else { return }
        var list = list(of: pane)
        list.select(index, count: rows.count, height: viewportHeight(of: pane))
        lists[pane] = list
        guard let i = list.selection(count: rows.count) else { return }
        let id = rows.row(i, in: model).id
        choose(id, in: pane)
    }

    /// Records `id` as `pane`'s row and the shared selection; in the Events pane this also moves
    /// the time cursor to the event.
    mutating func choose(_ id: Selection, in pane: Pane) {
        paneSelections[pane] = id
        if selection != id { detailsScroll = ScrollState() }
        selection = id
        if pane == .events, case .event(let seq) = id, seq != timeline.cursor {
            setCursor(seq, fromEvents: true)
        }
    }
}
