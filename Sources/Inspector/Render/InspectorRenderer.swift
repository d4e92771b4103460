import RPCEngine
import TerminalUI

/// Draws the whole screen from the state: pure, no terminal involved. The driver presents the
/// grid through a backend; tests compare its text with snapshots.
public enum InspectorRenderer {
    /// The frame for `state` on a screen of `size`.
    public static func render(_ state: InspectorState, size: Size) -> Grid {
        var grid = Grid(size: size)
        let layout = ScreenLayout(size: size, focus: state.focus, leftPane: state.leftPane, zoomed: state.zoomed)
        if let strip = layout.tabStrip {
            let current = state.tabPane(in: layout)
            TabStrip(layout.tabs.map(\.numberedName), selected: layout.tabs.firstIndex(of: current) ?? 0)
                .render(into: &grid, in: strip, focused: current == state.focus && !state.consoleFocused)
        }
        for pane in Pane.allCases {
            guard let box = layout.boxes[pane] else { continue }
            renderPane(pane, state: state, into: &grid, box: box)
        }
        grid.put(StatusLine.narration(state).truncated(toWidth: layout.narration.width), at: layout.narration.origin, clip: layout.narration)
        StatusLine.console(state, into: &grid, in: layout.console)
        StatusLine.bar(state).render(into: &grid, in: layout.status)
        if state.showHelp {
            grid.cursor = nil
            HelpScreen.render(into: &grid, main: layout.main, scroll: state.helpScroll)
        }
        return grid
    }

    /// The title of a pane's box, with the facts it carries (counts, mode, filter).
    static func title(_ pane: Pane, state: InspectorState) -> Line {
        let model = state.model
        var line = Line(pane == .details ? DetailsPane.title(for: state) : pane.numberedName, style: .title)
        switch pane {
        case .calls:
            let tree = state.callsLayout == .tree
            line.append("  ")
            line.append("tree", style: tree ? Style(.accent, [.bold, .underline]) : .dim)
            line.append("│", style: .border)
            line.append("timeline", style: tree ? .dim : Style(.accent, [.bold, .underline]))
            if model.pendingCallCount > 0 { line.append("  \(Glyph.pending)\(model.pendingCallCount)", style: .pending) }
        case .stubs:
            line.append("  live \(model.liveStubCount)/\(model.stubs.count)", style: .dim)
        case .tasks:
            line.append("  running \(model.runningTaskCount)/\(model.tasks.count)", style: .dim)
        case .events:
            line.append("  \(state.timeline.cursor)/\(state.timeline.known)", style: .dim)
            if model.warningCount > 0 { line.append("  ⚠ \(model.warningCount)", style: .warning) }
        default:
            break
        }
        if let filter = state.filters[pane], !(state.filterInput != nil && state.focus == pane) {
            line.append("  /" + filter, style: .highlight)
        }
        if state.zoomed { line.append("  zoomed", style: .dim) }
        return line
    }

    private static func renderPane(_ pane: Pane, state: InspectorState, into grid: inout Grid, box: Rect) {
        let focused = pane == state.focus && !state.consoleFocused && !state.showHelp
        grid.fill(box.intersection(grid.bounds))
        grid.drawBox(box, titleLine: title(pane, state: state), style: focused ? .borderFocused : .border)
        var body = box.inset(by: 1)
        if let input = state.filterInput, state.focus == pane {
            let (row, rest) = body.splitTop(1)
            input.render(into: &grid, in: row, prompt: Line("/", style: .highlight), focused: true, placeholder: "filter")
            body = rest
        }
        switch pane {
        case .details:
            ScrollingText(DetailsPane.lines(for: state)).render(into: &grid, in: body, state: state.detailsScroll)
        case .calls where state.callsLayout == .timeline:
            TimelineRenderer.render(state: state, into: &grid, in: body, focused: focused)
        default:
            PaneRenderer.renderList(pane, state: state, into: &grid, in: body, focused: focused)
        }
    }
}
