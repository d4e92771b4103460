import Inspector
import RPCEngine
import TerminalUI
import Testing

/// The console: statements become effects, `:commands` are parsed, history and Tab completion
/// work, and results come back into the transcript.
@Suite struct ConsoleTests {
    func live() throws -> InspectorState { try InspectorState.demo(mode: .live) }

    @Test func aStatementIsRunByTheHostAndItsResultRecorded() throws {
        var state = try live()
        state.press("i")
        state.type("await env.SVC.add(1, 2)")
        #expect(state.press("Enter") == [.runConsole("await env.SVC.add(1, 2)")])
        #expect(state.console.transcript == [ConsoleEntry(input: "await env.SVC.add(1, 2)", output: .running)])
        #expect(state.console.input.text == "")
        #expect(state.consoleFocused)
        _ = state.update(.effectResult(.console(.value("3"))))
        #expect(state.console.transcript == [ConsoleEntry(input: "await env.SVC.add(1, 2)", output: .value("3"))])
    }

    @Test func runningAStatementDuringReplayGoesLive() throws {
        var state = try InspectorState.demo()
        state.press(".", "i")
        state.type("1")
        state.press("Enter")
        #expect(state.mode == .live)
        #expect(state.modeLabel == "LIVE")
        #expect(state.timeline.cursor == 136)
    }

    @Test func historyRecallsEarlierLines() throws {
        var state = try live()
        state.press("i")
        state.type("a")
        state.press("Enter")
        state.type("b")
        state.press("Enter")
        state.press("↑")
        #expect(state.console.input.text == "b")
        state.press("↑")
        #expect(state.console.input.text == "a")
        state.press("↓", "↓")
        #expect(state.console.input.text == "")
    }

    @Test func commandsBecomeEffects() throws {
        var state = try live()
        state.press("i")
        let cases: [(String, [InspectorEffect])] = [
            (":save out.scenario", [.save(path: "out.scenario")]),
            (":load other.scenario", [.load(path: "other.scenario")]),
            (":new-request", [.newRequest]),
            (":export perfetto trace.json", [.exportPerfetto(path: "trace.json")]),
        ]
        for (line, effects) in cases {
            state.type(line)
            #expect(state.press("Enter") == effects, "\(line)")
        }
        #expect(state.console.transcript.map(\.isCommand) == [true, true, true, true])
        state.type(":q")
        #expect(state.press("Enter") == [.quit])
    }

    @Test func malformedCommandsExplainThemselves() throws {
        var state = try live()
        state.press("i")
        for line in [":export x", ":save", ":frobnicate"] {
            state.type(line)
            #expect(state.press("Enter") == [])
        }
        #expect(state.console.transcript.map(\.output) == [
            .error("usage: :export perfetto FILE"), .error("usage: :save FILE"),
            .error("unknown command :frobnicate; commands: :save :load :new-request :export perfetto :quit :help"),
        ])
    }

    @Test func helpCommandOpensHelp() throws {
        var state = try live()
        state.press("i")
        state.type(":help")
        state.press("Enter")
        #expect(state.showHelp)
    }

    @Test func commandResultsAndStatementResultsResolveTheirOwnEntries() throws {
        var state = try live()
        state.press("i")
        state.type("await slow()")
        state.press("Enter")
        state.type(":save a.scenario")
        state.press("Enter")
        _ = state.update(.effectResult(.failed("permission denied")))
        #expect(state.console.transcript[0].output == .running)
        #expect(state.console.transcript[1].output == .error("permission denied"))
        #expect(state.message == StatusMessage("permission denied", isError: true))
        _ = state.update(.effectResult(.console(.value("done"))))
        #expect(state.console.transcript[0].output == .value("done"))
    }

    @Test func tabCompletesBindingsAndMethods() throws {
        var state = try live()
        state.press("i")
        state.type("await env.S")
        state.press("Tab")
        #expect(state.console.input.text == "await env.SVC")
        state.type(".ad")
        state.press("Tab")
        #expect(state.console.input.text == "await env.SVC.add(")
    }

    @Test func ambiguousCompletionListsTheCandidates() throws {
        var state = try live()
        state.press("i")
        state.type("env.SVC.s")
        state.press("Tab")
        #expect(state.console.input.text == "env.SVC.s")
        #expect(state.console.input.completions == ["env.SVC.signup(", "env.SVC.slow("])
        #expect(state.screen()[29] == "Tab: env.SVC.signup(  env.SVC.slow(")
    }

    @Test func completionOffersNamesTheConsoleDeclaredAndCommands() throws {
        var state = try live()
        state.press("i")
        state.type("let counter = await env.SVC.newCounter()")
        state.press("Enter")
        state.type("cou")
        state.press("Tab")
        #expect(state.console.input.text == "counter")
        state.press("Ctrl-U")
        state.type(":ex")
        state.press("Tab")
        #expect(state.console.input.text == ":export perfetto ")
    }

    @Test func stubMembersCompleteWhenTheTargetIsAnExport() throws {
        let model = InspectorModel(events: prefix(of: try makeDemoLog(), 66).events())
        #expect(model.stub(StubID(3))?.created.target == "Counter")
        #expect(ConsoleCompletion.candidates(for: "stub3.", model: model, names: []) == ["stub3.increment(", "stub3.value"])
        #expect(ConsoleCompletion.candidates(for: "", model: model, names: ["x"]) == [
            "env", "x", "await ", "let ", "const ", "using ", "dispose ", "expect ", "settle", "sleep ", "log ",
            "stub2", "stub3", "stub4",
        ])
    }
}
