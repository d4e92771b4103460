import Inspector
import RPCEngine
import TerminalUI
import Testing

/// `update` for the keys of one pane: `d` `D` `c` on stubs, Enter on a method, `t` on calls.
@Suite struct PaneKeyTests {
    /// A live session stopped at seq 66: stub2 (promise), stub3 and stub4 (targets) are live.
    func stoppedAt66() throws -> InspectorState {
        InspectorState(log: prefix(of: try makeDemoLog(), 66), title: "demo", mode: .live, size: Size(width: 120, height: 32))
    }

    @Test func dDisposesALiveStubThroughTheHost() throws {
        var state = try stoppedAt66()
        state.press("3", "j", "j")
        #expect(state.selection == .stub(StubID(3)))
        #expect(state.press("d") == [.dispose(StubID(3))])
        #expect(state.console.transcript.last == ConsoleEntry(input: "dispose stub3", output: .running, isCommand: true))
        _ = state.update(.effectResult(.done("disposed stub3")))
        #expect(state.console.transcript.last?.output == .value("disposed stub3"))
        #expect(state.message == StatusMessage("disposed stub3"))
    }

    @Test func dOnADisposedStubOnlyExplains() throws {
        var state = try stoppedAt66()
        state.press("3")
        #expect(state.selection == .stub(StubID(1)))
        #expect(state.press("d") == [])
        #expect(state.message == StatusMessage("stub1 is already disposed", isError: true))
    }

    @Test func capitalDDupsTheStub() throws {
        var state = try stoppedAt66()
        state.press("3", "G")
        #expect(state.press("D") == [.dup(StubID(4))])
        #expect(state.console.transcript.last?.input == "dup stub4")
    }

    @Test func cPrefillsACallOnTheStub() throws {
        var state = try stoppedAt66()
        state.press("3", "j", "j", "c")
        #expect(state.consoleFocused)
        #expect(state.console.input.text == "await stub3.")
        var done = try InspectorState.demo(mode: .live)
        done.press("3", "c")
        #expect(!done.consoleFocused)
        #expect(done.message == StatusMessage("stub1 is disposed; calls on it would fail", isError: true))
    }

    @Test func cOnAFunctionStubOpensItsArguments() throws {
        let log = prefix(of: try makeDemoLog(), 30)
        var state = InspectorState(log: log, title: "demo", mode: .live, size: Size(width: 120, height: 32))
        state.press("3", "c")
        #expect(state.console.input.text == "await stub1(")
    }

    @Test func stubKeysDoNothingElsewhere() throws {
        var state = try stoppedAt66()
        #expect(state.press("d") == [])
        #expect(state.press("D") == [])
        state.press("c")
        #expect(!state.consoleFocused)
    }

    @Test func enterOnAMethodPrefillsTheConsole() throws {
        var state = try InspectorState.demo(mode: .live)
        state.press("1")
        let rows = state.rowIDs(.workers)
        let add = rows.firstIndex(of: .method(worker: "service", export: "DemoService", member: "add"))!
        for _ in 0..<add { state.press("j") }
        state.press("Enter")
        #expect(state.consoleFocused)
        #expect(state.console.input.text == "await env.SVC.add(")
    }

    @Test func enterOnAnRpcTargetMethodExplainsThatNoBindingReachesIt() throws {
        var state = try InspectorState.demo(mode: .live)
        state.press("1", "G")
        #expect(state.selected(.workers) == .method(worker: "service", export: "Counter", member: "value"))
        state.press("Enter")
        #expect(!state.consoleFocused)
        #expect(state.message == StatusMessage("no binding of the primary worker reaches service.Counter", isError: true))
    }

    @Test func tSwitchesBetweenTreeAndTimeline() throws {
        var state = try InspectorState.demo(mode: .live)
        state.press("t")
        #expect(state.callsLayout == .timeline)
        let ids = state.rowIDs(.calls)
        let call10 = ids.firstIndex(of: .call(CallID(10)))!
        #expect(ids[call10 + 1] == .task(TaskID(1)))
        #expect(ids.count == 14)
        state.press("t")
        #expect(state.callsLayout == .tree)
        #expect(state.rowIDs(.calls).count == 13)
    }
}
