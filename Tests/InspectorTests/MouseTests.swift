import Inspector
import RPCEngine
import TerminalUI
import Testing

/// Mouse: a click focuses and selects what was drawn under it, the wheel scrolls.
@Suite struct MouseTests {
    func click(_ state: inout InspectorState, _ x: Int, _ y: Int, _ kind: MouseEvent.Kind = .click) {
        _ = state.update(.terminal(.mouse(MouseEvent(kind, at: Point(x: x, y: y)))))
    }

    @Test func clickingARowFocusesThePaneAndSelectsTheRow() throws {
        var state = try InspectorState.demo(mode: .live)
        #expect(state.layout.body(of: .stubs) == Rect(x: 1, y: 12, width: 38, height: 8))
        click(&state, 5, 13)
        #expect(state.focus == .stubs)
        #expect(state.selection == .stub(StubID(2)))
        click(&state, 5, 19)
        #expect(state.selection == .stub(StubID(2)))  // below the last row: nothing to select
    }

    @Test func clickingATreeMarkerToggles() throws {
        var state = try InspectorState.demo(mode: .live)
        #expect(state.rowIDs(.calls)[7] == .call(CallID(8)))
        click(&state, 41, 8)
        #expect(state.collapsed == [.call(CallID(8))])
        #expect(state.selection == .call(CallID(8)))
        click(&state, 41, 8)
        #expect(state.collapsed.isEmpty)
    }

    @Test func clickingATabFocusesItsPane() throws {
        var state = try InspectorState.demo(mode: .live, size: Size(width: 40, height: 12))
        click(&state, 25, 0)
        #expect(state.focus == .stubs)
        var regular = try InspectorState.demo(mode: .live, size: Size(width: 80, height: 24))
        click(&regular, 15, 0)
        #expect(regular.focus == .stubs)
        #expect(regular.leftPane == .stubs)
    }

    @Test func clickingTheConsoleFocusesIt() throws {
        var state = try InspectorState.demo(mode: .live)
        click(&state, 10, 30)
        #expect(state.consoleFocused)
        click(&state, 5, 13)
        #expect(!state.consoleFocused)
    }

    @Test func theWheelScrollsAndInTheEventsPaneMovesTheCursor() throws {
        var state = try InspectorState.demo(mode: .live)
        click(&state, 60, 24, .wheelUp)
        #expect(state.timeline.cursor == 133)
        #expect(state.selected(.events) == .event(133))
        #expect(state.modeLabel == "PAUSED")
        click(&state, 60, 5, .wheelDown)
        #expect(state.list(of: .calls).offset == 2)
    }

    @Test func doubleClickInspects() throws {
        var state = try InspectorState.demo(mode: .live, size: Size(width: 40, height: 12))
        click(&state, 3, 3, .doubleClick)
        #expect(state.focus == .details)
        #expect(state.selection == .call(CallID(2)))
    }

    @Test func withHelpOpenTheWheelScrollsItAndAClickOutsideClosesIt() throws {
        var state = try InspectorState.demo(mode: .live)
        state.press("?")
        click(&state, 60, 10, .wheelDown)
        #expect(state.helpScroll.offset == 1)
        click(&state, 0, 10)
        #expect(!state.showHelp)
    }
}
