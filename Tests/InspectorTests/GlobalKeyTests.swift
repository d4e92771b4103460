import Inspector
import RPCEngine
import TerminalUI
import Testing

/// `update` for the global keys: help, quit, Esc, pane focus, console, filter, zoom, pause,
/// follow, redraw.
@Suite struct GlobalKeyTests {
    @Test func helpOpensAndClosesAndSwallowsKeys() throws {
        var state = try InspectorState.demo()
        state.press("?")
        #expect(state.showHelp)
        #expect(state.press("j") == [])
        #expect(state.helpScroll.offset == 1)
        state.press("q")
        #expect(!state.showHelp)
        #expect(!state.quitRequested)
        state.press("?", "Esc")
        #expect(!state.showHelp)
        state.press("?", "?")
        #expect(!state.showHelp)
    }

    /// A terminal that hangs up (its window closed) ends the session from any mode, as `q`.
    @Test func aHangupQuitsFromAnywhere() throws {
        for setup in [[], ["i"], ["/"], ["?"]] {
            var s = try InspectorState.demo()
            for key in setup { s.press(key) }
            #expect(s.update(.terminal(.hangup)) == [.quit], "\(setup)")
            #expect(s.quitRequested)
        }
    }

    @Test func qAndCtrlCQuitFromAnywhere() throws {
        var state = try InspectorState.demo()
        #expect(state.press("q") == [.quit])
        #expect(state.quitRequested)
        for setup in [["i"], ["/"], ["?"], [":"]] {
            var s = try InspectorState.demo()
            for key in setup { s.press(key) }
            #expect(s.press("Ctrl-C") == [.quit], "\(setup)")
            #expect(s.quitRequested)
        }
    }

    @Test func tabAndShiftTabCycleThroughTheSixPanes() throws {
        var state = try InspectorState.demo()
        #expect(state.focus == .calls)
        var order: [Pane] = []
        for _ in 0..<6 {
            state.press("Tab")
            order.append(state.focus)
        }
        #expect(order == [.stubs, .tasks, .details, .events, .workers, .calls])
        state.press("Shift-Tab")
        #expect(state.focus == .workers)
        state.press("Shift-Tab")
        #expect(state.focus == .events)
    }

    @Test func numbersJumpToPanesAndFocusingSelects() throws {
        var state = try InspectorState.demo(mode: .live)
        for (key, pane) in [("1", Pane.workers), ("2", .calls), ("3", .stubs), ("4", .tasks), ("5", .details), ("6", .events)] {
            state.press(key)
            #expect(state.focus == pane)
        }
        state.press("3")
        #expect(state.selection == .stub(StubID(1)))
        state.press("1")
        #expect(state.selection == .worker("client"))
        state.press("5")
        #expect(state.selection == .worker("client"))  // the Inspector pane keeps the selection
    }

    @Test func leftPanesBecomeTheShownTabBelowWideSize() throws {
        var state = try InspectorState.demo(size: Size(width: 80, height: 24))
        state.press("4")
        #expect(state.leftPane == .tasks)
        #expect(state.layout.boxes[.tasks] != nil)
        #expect(state.layout.boxes[.workers] == nil)
        state.press("2")
        #expect(state.leftPane == .tasks)
    }

    @Test func iAndColonFocusTheConsole() throws {
        var state = try InspectorState.demo()
        state.press("i")
        #expect(state.consoleFocused)
        #expect(state.console.input.text == "")
        state.press("Esc")
        #expect(!state.consoleFocused)
        state.press(":")
        #expect(state.consoleFocused)
        #expect(state.console.input.text == ":")
    }

    @Test func slashFiltersTheFocusedPaneAndEscClearsIt() throws {
        var state = try InspectorState.demo(mode: .live)
        state.press("3", "/")
        #expect(state.filterInput != nil)
        state.type("rpctarget")
        #expect(state.filters[.stubs] == "rpctarget")
        #expect(state.rowIDs(.stubs) == [.stub(StubID(3)), .stub(StubID(4))])
        state.press("Enter")
        #expect(state.filterInput == nil)
        #expect(state.filters[.stubs] == "rpctarget")
        state.press("Esc")
        #expect(state.filters[.stubs] == nil)
        #expect(state.rowIDs(.stubs).count == 6)
        state.press("/")
        state.type("x")
        state.press("Esc")
        #expect(state.filterInput == nil)
        #expect(state.filters[.stubs] == nil)
    }

    @Test func zoomGivesTheFocusedPaneTheScreenAndEscLeavesIt() throws {
        var state = try InspectorState.demo()
        state.press("z")
        #expect(state.zoomed)
        #expect(Array(state.layout.boxes.keys) == [.calls])
        state.press("Esc")
        #expect(!state.zoomed)
        #expect(state.layout.boxes.count == 6)
        state.press("z", "z")
        #expect(!state.zoomed)
    }

    @Test func pauseAndFollowInALiveSession() throws {
        var state = try InspectorState.demo(mode: .live)
        #expect(state.modeLabel == "LIVE")
        state.press("p")
        #expect(state.modeLabel == "PAUSED")
        state.press(",")
        #expect(state.timeline.cursor == 116)
        state.press("F")
        #expect(state.modeLabel == "LIVE")
        #expect(state.timeline.cursor == 136)
        state.press("p", "p")
        #expect(state.modeLabel == "LIVE")
    }

    @Test func ctrlLAsksForARedraw() throws {
        var state = try InspectorState.demo()
        #expect(state.press("Ctrl-L") == [.redraw])
    }

    @Test func resizeChangesTheLayout() throws {
        var state = try InspectorState.demo()
        _ = state.update(.terminal(.resize(Size(width: 40, height: 12))))
        #expect(state.layout.sizeClass == .compact)
        #expect(Array(state.layout.boxes.keys) == [.calls])
    }
}
