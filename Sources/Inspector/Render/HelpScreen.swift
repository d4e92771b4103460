import TerminalUI

/// The `?` screen: every binding of every scope, straight from ``InspectorKeymap``, so help can
/// never disagree with what the keys do.
public enum HelpScreen {
    /// The lines of the help text: a heading per scope, then `keys  what they do`.
    public static func lines() -> [Line] {
        var lines: [Line] = []
        let width = KeyScope.allCases.flatMap { InspectorKeymap.keymap(for: $0).helpEntries.map(\.keys.count) }.max() ?? 8
        for scope in KeyScope.allCases {
            if !lines.isEmpty { lines.append(Line()) }
            lines.append(Line(scope.title, style: .header))
            for entry in InspectorKeymap.keymap(for: scope).helpEntries {
                let keys = entry.keys + String(repeating: " ", count: max(0, width - entry.keys.count))
                lines.append(Line("  ") + Line(keys, style: .accent) + Line("  " + entry.help))
            }
        }
        lines.append(Line())
        lines.append(Line("Mouse: click focuses and selects, double click inspects, the wheel scrolls.", style: .dim))
        lines.append(Line("Esc, ? or q closes this screen; j/k and PgUp/PgDn scroll it.", style: .dim))
        return lines
    }

    /// The box the help screen is drawn in, inside `main`.
    public static func box(in main: Rect) -> Rect {
        let width = min(main.width, 84)
        return Rect(x: main.minX + (main.width - width) / 2, y: main.minY, width: width, height: main.height)
    }

    /// The text area inside the box.
    public static func viewport(in main: Rect) -> Rect {
        box(in: main).inset(top: 1, left: 2, bottom: 1, right: 2)
    }

    /// Draws the help screen over `main`.
    public static func render(into grid: inout Grid, main: Rect, scroll: ScrollState) {
        let box = box(in: main)
        grid.fill(box)
        grid.drawBox(box, title: "Help — every key", style: .borderFocused)
        ScrollingText(lines(), wrap: false).render(into: &grid, in: viewport(in: main), state: scroll)
    }
}
