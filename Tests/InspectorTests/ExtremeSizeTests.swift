import Inspector
import RPCEngine
import TerminalUI
import Testing

/// Drawing never fails, whatever the size: every layout, zoom, help, console and filter state
/// renders at sizes from nothing to large, and the grid always has the size asked for.
@Suite struct ExtremeSizeTests {
    @Test func everyStateRendersAtEverySize() throws {
        var states: [InspectorState] = []
        var base = try InspectorState.demo(mode: .live)
        states.append(base)
        base.press("2", "t")
        states.append(base)
        var help = base
        help.press("?")
        states.append(help)
        var console = base
        console.press("i")
        console.type("await env.SVC.")
        console.press("Tab")
        states.append(console)
        var filter = base
        filter.press("3", "/")
        filter.type("stub")
        states.append(filter)
        var zoom = base
        zoom.press("5", "z")
        states.append(zoom)
        let sizes = [(0, 0), (1, 1), (2, 5), (5, 2), (10, 3), (20, 6), (39, 11), (40, 12), (79, 23), (80, 24), (119, 31), (120, 32), (200, 60)]
        for state in states {
            for (w, h) in sizes {
                let grid = InspectorRenderer.render(state, size: Size(width: w, height: h))
                #expect(grid.width == w && grid.height == h)
            }
        }
    }

    @Test func keysAndClicksAtATinySizeDoNotFail() throws {
        var state = try InspectorState.demo(mode: .live, size: Size(width: 3, height: 2))
        for key in ["Tab", "j", "G", "PgDn", "h", "l", "Enter", "z", "/", "x", "Enter", "?", "j", "Esc", "i", "Tab", "Esc"] {
            state.press(key)
        }
        for y in -1...3 {
            for x in -1...4 { _ = state.update(.terminal(.mouse(MouseEvent(.click, at: Point(x: x, y: y))))) }
        }
        #expect(!state.quitRequested)
    }
}
