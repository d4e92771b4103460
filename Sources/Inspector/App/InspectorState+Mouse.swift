import TerminalUI

extension InspectorState {
    /// A click focuses and selects what is under it (a tab, a pane's row, a tree marker to
    /// toggle, the console); a double click inspects; the wheel scrolls the pane under it.
    mutating func handle(_ mouse: MouseEvent) {
        let layout = self.layout
        let point = mouse.position
        let isClick = mouse.kind == .click || mouse.kind == .press || mouse.kind == .doubleClick
        if showHelp {
            let viewport = HelpScreen.viewport(in: layout.main)
            let content = Size(width: viewport.width, height: HelpScreen.lines().count)
            switch mouse.kind {
            case .wheelUp: _ = helpScroll.handle(.up, contentSize: content, viewport: viewport.size)
            case .wheelDown: _ = helpScroll.handle(.down, contentSize: content, viewport: viewport.size)
            default: if isClick && !viewport.contains(point) { showHelp = false }
            }
            return
        }
        if isClick, let strip = layout.tabStrip, strip.contains(point) {
            let tabs = TabStrip(layout.tabs.map(\.numberedName), selected: layout.tabs.firstIndex(of: tabPane(in: layout)) ?? 0)
            if let tab = tabs.tab(atColumn: point.x - strip.minX, width: strip.width) { focusPane(layout.tabs[tab]) }
            return
        }
        if isClick && layout.console.contains(point) {
            consoleFocused = true
            return
        }
        guard let pane = layout.pane(at: point) else { return }
        if mouse.kind == .wheelUp || mouse.kind == .wheelDown {
            scroll(pane, by: mouse.kind == .wheelUp ? -3 : 3)
            return
        }
        guard isClick else { return }
        if pane != focus || consoleFocused { focusPane(pane) }
        guard pane != .details, let body = layout.body(of: pane) else { return }
        let header = pane == .calls && callsLayout == .timeline ? 1 : 0
        let rows = rows(of: pane)
        let height = max(1, body.height - header)
        guard let index = list(of: pane).index(atLine: point.y - body.minY - header, count: rows.count, height: height) else {
            return
        }
        let row = rows.row(index, in: model)
        let markerX = body.minX + row.depth * 2
        if row.hasChildren && (markerX...markerX + 1).contains(point.x) {
            if row.isExpanded { collapsed.insert(row.id) } else { collapsed.remove(row.id) }
        }
        selectRow(index, in: pane)
        if mouse.kind == .doubleClick { _ = perform(.inspect) }
    }

    /// The pane the tab strip marks as current.
    func tabPane(in layout: ScreenLayout) -> Pane {
        layout.sizeClass == .regular ? (leftPane.isLeftColumn ? leftPane : .workers) : focus
    }

    private mutating func scroll(_ pane: Pane, by delta: Int) {
        if pane == .details {
            let body = layout.body(of: .details)?.size ?? Size(width: 60, height: 10)
            let text = ScrollingText(DetailsPane.lines(for: self))
            detailsScroll.scroll(by: delta, contentHeight: text.contentSize(for: body).height, viewportHeight: body.height)
            return
        }
        let rows = rows(of: pane)
        guard rows.count > 0 else { return }
        var list = list(of: pane)
        list.scroll(by: delta, count: rows.count, height: viewportHeight(of: pane))
        lists[pane] = list
        guard let index = list.selection(count: rows.count) else { return }
        let id = rows.row(index, in: model).id
        if pane == focus || pane == .events { choose(id, in: pane) } else { paneSelections[pane] = id }
    }
}
