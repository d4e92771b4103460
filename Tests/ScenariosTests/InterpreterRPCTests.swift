import RPCEngine
import Testing
import WorkerCatalog

@testable import Scenarios

/// Calls, promises, pipelining, functions and targets passed over RPC, through the interpreter.
@Suite struct InterpreterRPCTests {
    let base = Run.firstScriptLine

    /// The trace lines of one kind, without seq and time.
    func events(_ run: ScenarioRun, _ kind: String) -> [String] {
        run.trace.split(separator: "\n").map { String($0.split(separator: " ", maxSplits: 2)[2]) }.filter { $0.hasPrefix(kind) }
    }

    @Test func awaitedAndUnawaitedCalls() {
        let c = Run.console()
        #expect(c.answer("await env.G.greet(\"Ada\")") == "\"Hello, Ada\"")
        #expect(c.answer("env.G.greet(\"Ada\")") == "RpcPromise(stub1)")
        #expect(c.answer("let p = env.T.echo([1, 2])") == "RpcPromise(stub2)")
        #expect(c.answer("await p") == "[1, 2]")
        #expect(c.answer("await p") == "[1, 2]", "a promise can be awaited again")
        #expect(c.answer("await 5") == "5")
        #expect(c.answer("await env.T") == "ServiceStub(T)")
    }

    @Test func propertiesAreFetchedOnlyWhenAwaited() {
        let run = Run.file("""
            let p = env.T.answer
            expect await p == 42
            expect await env.T.info.tags == ["a", "b"]
            expect await env.T.slowAnswer == 123
            expect runtime.now == 10
            """)
        #expect(run.status == .passed(held: 4))
        #expect(run.outcomes[0] == "\(base): value(\"RpcProperty(T.answer)\")")
        #expect(events(run, "callStarted").map { $0.components(separatedBy: " → ")[1] } == [
            "toolkit T.answer get", "toolkit T.info.tags get", "toolkit T.slowAnswer get",
        ])
    }

    @Test func pipelinedCallsRideOnThePromise() {
        let run = Run.file("""
            let c = env.T.makeCounter(1)
            expect await c.increment(2) == 3
            expect await env.T.makeObject().nested.triple(3) == 9
            """)
        #expect(run.status == .passed(held: 2))
        #expect(events(run, "callStarted").map { $0.components(separatedBy: " → ")[1] } == [
            "toolkit T.makeCounter(1)", "toolkit stub1.increment(2) pipelined-on=call1",
            "toolkit T.makeObject()", "toolkit stub4.nested.triple(3) pipelined-on=call3",
        ])
    }

    @Test func pipeliningOnAFailedCallFailsWithTheSameError() {
        let run = Run.file("""
            let bad = env.T.fail("RangeError", "first failed")
            expect bad.anything() throws RangeError "first failed"
            expect env.T.getMap().foo() throws TypeError "does not implement the method \\"foo\\""
            """)
        #expect(run.status == .passed(held: 2))
    }

    @Test func eOrderHoldsForCallsThroughOneStub() {
        let run = Run.file("""
            using c = await env.T.makeCounter(0)
            let a = c.increment(1)
            let b = c.increment(10)
            let d = c.increment(100)
            expect await d == 111
            expect await a == 1
            expect await b == 11
            """)
        #expect(run.status == .passed(held: 3))
    }

    @Test func dupMakesAnIndependentHandle() {
        let run = Run.file("""
            let c = await env.T.makeCounter(1)
            let d = c.dup()
            expect d != c
            dispose c
            expect await d.increment() == 2
            dispose d
            settle
            expect runtime.logs == ["Counter#1 disposed"]
            expect env.T.makeCounter(1).dup() throws TypeError "'dup' is a reserved method and cannot be called over RPC."
            """)
        #expect(run.status == .passed(held: 4))
        #expect(events(run, "stubCreated stub2").first?.hasSuffix("dup-of=stub1") == true)
    }

    @Test func functionsTravelByReferenceAndRunHere() {
        let run = Run.file("""
            let total = 0
            let add = (x) => { total += x; return total }
            expect await env.T.call(add, 5) == 5
            expect await env.T.callTwice(add, 1) == [6, 7]
            expect total == 7
            using kept = await env.T.keepAndReturn(add)
            expect await kept.stub(3) == 10
            """)
        #expect(run.status == .passed(held: 4))
        #expect(events(run, "stubCreated stub1").first == "stubCreated stub1 function holder=ctx2/toolkit target=main:ƒ add by=call1")
    }

    @Test func aScriptErrorInACallbackReachesTheRemoteCaller() {
        let run = Run.file("""
            let broken = (x) => x.y.z
            let e = catch await env.T.call(broken, undefined)
            expect e.name == "TypeError"
            expect e.message == "Cannot read properties of undefined (reading 'y')"
            expect e.remote
            """)
        #expect(run.status == .passed(held: 4))
    }

    @Test func aCallbackReturningAPromiseIsAwaited() {
        let run = Run.file("""
            expect await env.T.call((x) => env.G.greet(x), "Bo") == "Hello, Bo"
            expect await env.T.call(() => env.T.answer) == 42
            """)
        #expect(run.status == .passed(held: 2))
    }

    @Test func rpcTargetsTravelByReferenceAndAreDisposedWithTheirLastStub() {
        let run = Run.file("""
            let hits = 0
            let t = rpcTarget({ hit: (n) => { hits += n; return hits }, secret: 7, dispose: () => { log "t disposed" } })
            expect await t.hit(1) == 1
            expect t.secret == undefined
            using held = await env.T.keepAndReturn(t)
            expect await held.stub.hit(2) == 3
            expect held.stub.secret throws TypeError "does not implement the method \\"secret\\""
            expect held.stub.dispose() throws TypeError
            """)
        #expect(run.status == .passed(held: 5))
        let logs = events(run, "log ")
        #expect(logs == ["log ctx1 main info \"t disposed\""], "the dispose member runs once, when the last stub goes")
    }

    @Test func refusedValues() {
        let run = Run.file("""
            expect env.T.echo(env.T.answer) throws DataCloneError "Could not serialize object of type \\"RpcProperty\\""
            expect env.T.echo([env.T.makeCounter(1)]) throws DataCloneError "RpcPromise"
            expect env.T.plainInstance() throws DataCloneError "Ledger"
            """)
        #expect(run.status == .passed(held: 3))
        let binding = Run.file("await env.T.echo(env.G)")
        #expect(binding.status
            == .runFailed("uncaught Error: Switchboard cannot send a service binding over RPC yet at t.scenario:\(base):18"))
        #expect(binding.diagnostic?.hint == "give the receiving worker its own binding to G's service")
        let stored = Run.file("let a = [env.G]")
        #expect(stored.status == .runFailed("uncaught TypeError: ServiceStub(G) cannot be stored in an array or object at t.scenario:\(base):10"))
    }

    @Test func remoteObjectsAndTheSeededRandomSource() {
        let first = Run.file("let foo = await env.R.foo()\nlog await foo.bar()\nlog await env.R.foo().bar()")
        let second = Run.file("let foo = await env.R.foo()\nlog await foo.bar()\nlog await env.R.foo().bar()")
        #expect(first.status == .passed(held: 0))
        #expect(first.outcomes == second.outcomes)
        #expect(first.outcomes[1] == "\(base + 1): logged(\"0.8833108082136426\")")
    }

    @Test func legacyRulesTransferParameterStubsAndFlattenErrors() {
        let header = "compatibility_flags = [\"rpc_params_transfer_stubs\", \"legacy_error_serialization\"]\n" + Run.workers
        let run = Run.file("""
            let c = await env.T.makeCounter(1)
            await env.U.keepAndReturn(c)
            expect c.increment() throws Error "RPC stub used after being disposed."
            let e = catch await env.T.fail("MyError", "custom")
            expect e.name == "Error"
            expect e.message == "MyError: custom"
            expect e.code == undefined
            """, header: header)
        #expect(run.status == .passed(held: 5))
        #expect(run.trace.contains("stubDisposed stub1 reason=transferred by=call2"))
        let current = Run.file("""
            let c = await env.T.makeCounter(1)
            await env.U.keepAndReturn(c)
            expect await c.increment() == 2
            let e = catch await env.T.fail("MyError", "custom")
            expect e.name == "MyError"
            expect e.code == 42
            """)
        #expect(current.status == .passed(held: 4))
    }

    @Test func consoleKeepsNamesAcrossLinesAndRequests() {
        let c = Run.console()
        #expect(c.answer("let counter = await env.T.makeCounter(1)") == "stub1")
        #expect(c.answer("await counter.increment()") == "2")
        #expect(c.answer("const k = 1") == "1")
        #expect(c.answer("k = 2") == "error: cannot assign to 'k': it is declared with const")
        #expect(c.answer("let k = 3") == "3", "a console line may declare a name again")
        #expect(c.answer("nope") == "error: unknown name 'nope'")
        #expect(c.answer("expect 1 == 2") == "failed: expected 2, actual 1")
        #expect(c.answer("let (") == "error: expected a name after 'let'")
        c.newRequest()
        #expect(c.answer("await counter.increment()") == "error: uncaught Error: RPC stub used after being disposed.")
        #expect(c.answer("runtime.liveContexts") == "1")
        #expect(c.transcript.entries.contains(.note("request ended; the next line runs in a new request")))
    }

    @Test func consoleLinesAreLocatedInTheirOwnFile() {
        let c = Run.console()
        _ = c.evaluate(line: "let x = 1")
        let result = c.evaluate(line: "x.y.z")
        #expect(result.diagnostic?.rendered == """
            console:2:1: error: uncaught TypeError: Cannot read properties of undefined (reading 'z')
                2 | x.y.z
                  | ^~~~~
            """)
        #expect(result.entries == [.statement(
            line: 2, depth: 0, source: "x.y.z", outcome: .error("TypeError: Cannot read properties of undefined (reading 'z')"),
            inFunction: false)])
    }

    @Test func submittedLinesFinishWhenTheCallerDrivesTheLoop() {
        let c = Run.console()
        let ticket = c.submit(line: "sleep 5ms; let v = await env.T.answer")
        #expect(ticket.result == nil)
        c.runtime.runUntilIdle()
        #expect(ticket.result?.value?.summary() == "42")
        #expect(ticket.result?.entries.count == 2)
        #expect(c.submit(line: "let let").result?.diagnostic?.message == "'let' is a reserved word and cannot name a variable")
    }

    @Test func aStartedScriptFinishesWhenTheCallerDrivesTheLoop() throws {
        let (scenario, configuration) = try ScenarioRunner.load(
            fileName: "s.scenario", text: Run.workers + "\n---\nsleep 1s\nexpect await env.T.answer == 42\n")
        let runtime = try Runtime(configuration: configuration, modules: Catalog.modules)
        let interpreter = ScriptInterpreter(runtime: runtime, fileName: "s.scenario")
        let ticket = interpreter.startScript(scenario.statements, file: scenario.file)
        #expect(ticket.result == nil)
        runtime.runUntilIdle()
        #expect(ticket.result == .passed(held: 1))
        #expect(interpreter.transcript.status == .passed(held: 1))
    }

    @Test func theConsoleContinuesAfterAScript() {
        let run = Run.file("let answer = await env.T.answer\nusing c = await env.T.makeCounter(1)")
        let console = run.interpreter!
        #expect(console.answer("answer + 1") == "43")
        #expect(console.answer("await c.increment()") == "error: uncaught Error: RPC stub used after being disposed.")
    }
}
