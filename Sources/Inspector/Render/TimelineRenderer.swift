import RPCEngine
import TerminalUI

/// The Calls pane as a waterfall: one row per call (in tree order) and per waitUntil task, each
/// a bar on a shared axis, so a task that outlives the call that started it shows as a longer
/// bar below it.
///
/// The axis is virtual time (ms) when anything in the model took time; when everything happened
/// at the same virtual instant (typical on the virtual clock), the axis is the event sequence,
/// which still shows order and overlap. The header says which.
enum TimelineRenderer {
    /// The span of the axis and whether it is in ms (`true`) or in seqs.
    static func axis(_ model: InspectorModel) -> (start: Int, end: Int, usesTime: Bool) {
        let start = model.calls.first?.startTime ?? model.tasks.first?.addedTime ?? 0
        if model.time > start { return (start, model.time, true) }
        let first = min(model.calls.first?.startSeq ?? model.seq, model.tasks.first?.addedSeq ?? model.seq)
        return (first, max(model.seq, first + 1), false)
    }

    static func render(state: InspectorState, into grid: inout Grid, in rect: Rect, focused: Bool) {
        let model = state.model
        let (header, body) = rect.splitTop(1)
        let labelWidth = min(max(rect.width / 3, 12), 34)
        // One column stays free for the list's scrollbar.
        let barWidth = max(1, rect.width - labelWidth - 2)
        let (start, end, usesTime) = axis(model)
        let span = max(1, end - start)
        let unit = usesTime ? "ms" : ""
        var axisLine = Line(String(repeating: " ", count: labelWidth + 1))
        let left = usesTime ? "\(start)ms" : "seq \(start)"
        let right = "\(end)\(unit)"
        let fill = max(1, barWidth - left.count - right.count - 2)
        axisLine.append(left + " " + String(repeating: "─", count: fill) + " " + right, style: .dim)
        grid.fill(header.intersection(grid.bounds))
        grid.put(axisLine.truncated(toWidth: rect.width), at: header.origin, clip: header)

        func column(_ value: Int) -> Int { min(barWidth - 1, max(0, (value - start) * (barWidth - 1) / span)) }
        let rows = state.rows(of: .calls)
        let selection = state.selection
        let provider = RowProvider(count: rows.count) { index -> Line in
            let row = rows.row(index, in: model)
            let indent = String(repeating: " ", count: row.depth)
            var label: Line
            var from: Int, to: Int, role: Style, bar: Character, tip: String
            switch row.id {
            case .call(let id):
                guard let call = model.call(id) else { return "" }
                label = Line(indent) + RowFormatter.status(call) + Line(" \(id) " + call.expression(argumentLimit: 8))
                from = usesTime ? call.startTime : call.startSeq
                to = usesTime ? (call.endTime ?? model.time) : (call.endSeq ?? model.seq)
                switch call.status {
                case .pending: (role, tip) = (.pending, Glyph.pending)
                case .returned: (role, tip) = (.ok, Glyph.ok)
                case .threw: (role, tip) = (.error, Glyph.error)
                }
                bar = "━"
            case .task(let id):
                guard let task = model.task(id) else { return "" }
                label = Line(indent + "\(Glyph.collapsed) \(id) \(task.label)", style: .dim)
                from = usesTime ? task.addedTime : task.addedSeq
                to = usesTime ? (task.settledTime ?? model.time) : (task.settledSeq ?? model.seq)
                switch task.outcome {
                case nil: (role, tip) = (.pending, Glyph.pending)
                case .resolved?: (role, tip) = (.ok, Glyph.ok)
                case .rejected?: (role, tip) = (.error, Glyph.error)
                case .cancelled?: (role, tip) = (.warning, Glyph.cancelled)
                }
                bar = "═"
            default:
                return ""
            }
            if RelatedRows.isRelated(row.id, to: selection, in: model) { label = label.restyled { $0.adding(.underline) } }
            let a = column(from), b = max(column(to), column(from))
            var line = label.truncated(toWidth: labelWidth)
            line.append(String(repeating: " ", count: labelWidth - line.width + 1 + a))
            let length = max(0, b - a)
            line.append(String(repeating: bar, count: length), style: role)
            line.append(tip, style: role)
            return line
        }
        ListView(rows: provider, focused: focused, showsScrollbar: true, placeholder: "no calls yet")
            .render(into: &grid, in: body, state: state.list(of: .calls))
    }
}
