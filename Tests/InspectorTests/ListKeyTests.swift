import Inspector
import RPCEngine
import TerminalUI
import Testing

/// `update` for movement in lists and trees: j/k/arrows, g/G, PgUp/PgDn, h/l/←/→, Enter.
@Suite struct ListKeyTests {
    @Test func jkAndArrowsMoveTheSelection() throws {
        var state = try InspectorState.demo(mode: .live)
        #expect(state.selected(.calls) == .call(CallID(1)))
        state.press("j", "j")
        #expect(state.selected(.calls) == .call(CallID(3)))
        #expect(state.selection == .call(CallID(3)))
        state.press("k")
        #expect(state.selected(.calls) == .call(CallID(2)))
        state.press("↓")
        #expect(state.selected(.calls) == .call(CallID(3)))
        state.press("↑", "↑", "↑")
        #expect(state.selected(.calls) == .call(CallID(1)))
    }

    @Test func gAndGJumpToTheEnds() throws {
        var state = try InspectorState.demo(mode: .live)
        state.press("G")
        #expect(state.selected(.calls) == .call(CallID(13)))
        state.press("g")
        #expect(state.selected(.calls) == .call(CallID(1)))
        state.press("End")
        #expect(state.selected(.calls) == .call(CallID(13)))
        state.press("Home")
        #expect(state.selected(.calls) == .call(CallID(1)))
    }

    @Test func pagesMoveByTheVisibleHeight() throws {
        var state = try InspectorState.demo(mode: .live)
        #expect(state.viewportHeight(of: .calls) == 11)
        state.press("PgDn")
        #expect(state.selected(.calls) == .call(CallID(12)))  // row 11: call9 sits under call8
        state.press("PgUp")
        #expect(state.selected(.calls) == .call(CallID(1)))
    }

    @Test func hAndLCollapseAndExpandTrees() throws {
        var state = try InspectorState.demo(mode: .live)
        state.press("j", "j", "j", "j", "j", "j", "j")
        #expect(state.selected(.calls) == .call(CallID(8)))
        state.press("h")
        #expect(!state.rowIDs(.calls).contains(.call(CallID(9))))
        #expect(state.collapsed == [.call(CallID(8))])
        state.press("l")
        #expect(state.rowIDs(.calls).contains(.call(CallID(9))))
        state.press("l")
        #expect(state.selected(.calls) == .call(CallID(9)))
        state.press("h")
        #expect(state.selected(.calls) == .call(CallID(8)))
        state.press("←")
        #expect(!state.rowIDs(.calls).contains(.call(CallID(9))))
        state.press("→")
        #expect(state.rowIDs(.calls).contains(.call(CallID(9))))
    }

    @Test func workersAreATreeOfBindingsVarsExportsAndMethods() throws {
        var state = try InspectorState.demo(mode: .live)
        state.press("1")
        let ids = state.rowIDs(.workers)
        #expect(ids.prefix(5) == [
            .worker("client"), .binding(worker: "client", binding: "SVC"), .worker("service"), .vars(worker: "service"),
            .export(worker: "service", export: "DemoService"),
        ])
        #expect(ids.count == 5 + 7 + 1 + 2)
        state.press("j", "j", "h")
        #expect(state.rowIDs(.workers) == [.worker("client"), .binding(worker: "client", binding: "SVC"), .worker("service")])
    }

    @Test func enterInspectsAndShowsTheInspectorWhenItIsHidden() throws {
        var wide = try InspectorState.demo(mode: .live)
        wide.press("3", "j", "Enter")
        #expect(wide.selection == .stub(StubID(2)))
        #expect(wide.focus == .stubs)
        var compact = try InspectorState.demo(mode: .live, size: Size(width: 40, height: 12))
        compact.press("3", "j", "Enter")
        #expect(compact.selection == .stub(StubID(2)))
        #expect(compact.focus == .details)
    }

    @Test func theInspectorPaneScrolls() throws {
        var state = try InspectorState.demo(mode: .live)
        state.press("5", "j", "j")
        #expect(state.detailsScroll.offset == 2)
        state.press("g")
        #expect(state.detailsScroll.offset == 0)
    }

    @Test func movingInTheEventsPaneMovesTheTimeCursor() throws {
        var state = try InspectorState.demo(mode: .live)
        state.press("6")
        #expect(state.selected(.events) == .event(136))
        state.press("k", "k")
        #expect(state.timeline.cursor == 134)
        #expect(state.modeLabel == "PAUSED")
        #expect(state.selection == .event(134))
        state.press("g")
        #expect(state.timeline.cursor == 1)
        #expect(state.model.workers.map(\.name) == ["client"])
    }

    @Test func selectionsSurviveTimeTravel() throws {
        var state = try InspectorState.demo(mode: .live)
        state.press("3", "G")
        #expect(state.selection == .stub(StubID(6)))
        state.press(",", ",", ",")
        #expect(state.timeline.cursor == 41)
        #expect(state.paneSelections[.stubs] == .stub(StubID(6)))
        #expect(state.rowIDs(.stubs).count == 1)
        state.press("F")
        #expect(state.selected(.stubs) == .stub(StubID(6)))
    }
}
