import RPCEngine
import Testing

@testable import Scenarios

/// Every statement form through the interpreter, with exact outcomes.
@Suite struct InterpreterStatementTests {
    let base = Run.firstScriptLine

    @Test func declarationsAndAssignments() {
        let run = Run.file("""
            let x = 1
            const y = "a"
            x += 2
            x -= 1
            x = x * 10
            let s = "a"
            s += 1
            """)
        #expect(run.status == .passed(held: 0))
        #expect(run.outcomes == [
            "\(base): value(\"1\")", "\(base + 1): value(\"\\\"a\\\"\")", "\(base + 2): value(\"3\")", "\(base + 3): value(\"2\")",
            "\(base + 4): value(\"20\")", "\(base + 5): value(\"\\\"a\\\"\")", "\(base + 6): value(\"\\\"a1\\\"\")",
        ])
    }

    @Test func catchBindsTheErrorOrFailsLikeAnExpectation() {
        let run = Run.file("""
            let e = catch await env.T.fail("RangeError", "nope")
            expect e.name == "RangeError"
            expect e.message == "nope"
            expect e.remote
            expect e.code == 42
            const f = catch env.T.fail("TypeError", "un-awaited")
            expect f.message == "un-awaited"
            let g = catch await env.T.echo(5)
            expect g == undefined
            let h = catch undefined.x
            expect h.name == "TypeError"
            """)
        #expect(run.status == .expectationFailed(held: 10, failed: 1))
        #expect(run.outcomes[0] == "\(base): value(\"RangeError: nope\")")
        #expect(run.outcomes[7] == "\(base + 7): failed(expected: \"an error\", actual: \"no error; the value was 5\")")
        #expect(run.outcomes[9] == "\(base + 9): value(\"TypeError: Cannot read properties of undefined (reading \\'x\\')\")")
    }

    @Test func everyExpectForm() {
        let run = Run.file("""
            expect 1
            expect 0
            expect 1 == 1
            expect 1 == 2
            expect 1 != 2
            expect 1 != 1
            expect 1 < 2
            expect 2 < 1
            expect 2 <= 2
            expect 3 > 2
            expect 3 >= 4
            expect env.T.fail("TypeError", "boom") throws
            expect env.T.fail("TypeError", "boom") throws TypeError
            expect env.T.fail("TypeError", "boom") throws TypeError "oo"
            expect env.T.fail("TypeError", "boom") throws RangeError
            expect env.T.fail("TypeError", "boom") throws TypeError "zz"
            expect env.T.echo(1) throws
            expect await env.T.fail("Error", "x") == 1
            expect undefined.x throws TypeError "Cannot read properties"
            """)
        #expect(run.status == .expectationFailed(held: 10, failed: 9))
        #expect(run.outcomes == [
            "\(base): held",
            "\(base + 1): failed(expected: \"a truthy value\", actual: \"0\")",
            "\(base + 2): held",
            "\(base + 3): failed(expected: \"2\", actual: \"1\")",
            "\(base + 4): held",
            "\(base + 5): failed(expected: \"not 1\", actual: \"1\")",
            "\(base + 6): held",
            "\(base + 7): failed(expected: \"< 1\", actual: \"2\")",
            "\(base + 8): held",
            "\(base + 9): held",
            "\(base + 10): failed(expected: \">= 4\", actual: \"3\")",
            "\(base + 11): held",
            "\(base + 12): held",
            "\(base + 13): held",
            "\(base + 14): failed(expected: \"RangeError\", actual: \"TypeError: boom\")",
            "\(base + 15): failed(expected: \"TypeError with a message containing \\\"zz\\\"\", actual: \"TypeError: boom\")",
            "\(base + 16): failed(expected: \"an error\", actual: \"no error; the value was 1\")",
            "\(base + 17): failed(expected: \"1\", actual: \"threw Error: x\")",
            "\(base + 18): held",
        ])
    }

    @Test func aFaultInsideAnExpectStopsTheRun() {
        let run = Run.file("""
            expect missing.x == 1
            """)
        #expect(run.status == .invalid("\(base):8: unknown name 'missing'"))
        let stopped = Run.file("""
            let o = undefined
            expect o.x == 1
            expect true
            """)
        #expect(stopped.status
            == .runFailed("uncaught TypeError: Cannot read properties of undefined (reading 'x') at t.scenario:\(base + 1):8"))
        #expect(stopped.outcomes.count == 2, "the statement after the fault does not run")
    }

    @Test func usingDisposesInReverseOrderAtTheEndOfItsBlock() {
        let run = Run.file("""
            {
              using a = await env.T.makeCounter(1)
              using b = await env.T.makeCounter(2)
              expect runtime.liveStubs == 2
            }
            expect runtime.liveStubs == 0
            """)
        #expect(run.status == .passed(held: 2))
        let disposals = run.trace.split(separator: "\n").filter { $0.contains("stubDisposed") }
        #expect(disposals.map { String($0.split(separator: " ", maxSplits: 3)[3]) } == [
            "stub2 reason=usingScopeEnded by=line\(base + 4)", "stub1 reason=usingScopeEnded by=line\(base + 4)",
        ])
    }

    @Test func usingRefusesWhatCannotBeDisposed() {
        #expect(Run.file("using x = 1").status == .runFailed("uncaught TypeError: 1 is not disposable at t.scenario:\(base):11"))
        #expect(Run.file("using x = env.T").status
            == .runFailed("uncaught TypeError: env.T is a service binding, which is not disposable at t.scenario:\(base):11"))
        #expect(Run.file("using x = (y) => y").status
            == .runFailed("uncaught TypeError: a local function is not disposable at t.scenario:\(base):11"))
        #expect(Run.file("using x = null\nusing y = undefined").status == .passed(held: 0))
    }

    @Test func disposeAndUseAfterDispose() {
        let run = Run.file("""
            let c = await env.T.makeCounter(1)
            dispose c
            dispose c
            let e = catch await c.increment()
            expect e.message == "RPC stub used after being disposed."
            """)
        #expect(run.status == .passed(held: 2))
        #expect(run.trace.contains("stubDisposed stub1 reason=explicit by=line\(base + 1)"))
        #expect(run.diagnostic == nil)
        let uncaught = Run.file("""
            let c = await env.T.makeCounter(1)
            dispose c
            await c.increment()
            """)
        #expect(uncaught.diagnostic?.rendered == """
            t.scenario:\(base + 2):7: error: uncaught Error: RPC stub used after being disposed.
               \(base + 2) | await c.increment()
                  |       ^~~~~~~~~~~~~
            hint: stub1 was disposed (explicit) by line\(base + 1)
            """)
    }

    @Test func disposeRunsARpcTargetsDisposeMember() {
        let run = Run.file("""
            let t = rpcTarget({ ping: () => "pong", dispose: () => { log "bye" } })
            expect await t.ping() == "pong"
            dispose t
            """)
        #expect(run.status == .passed(held: 1))
        #expect(run.outcomes == [
            "\(base): value(\"RpcTarget(t)\")", "\(base + 1): held", "\(base): logged(\"bye\")", "\(base + 2): none",
        ])
        #expect(run.transcript.text.contains("ƒ log \"bye\"  » bye"))
    }

    @Test func sleepSettleAndStep() {
        let run = Run.file("""
            step "Waiting"
            sleep 250ms
            expect runtime.now == 250
            sleep 2s
            await env.G.signup("a@b", "A")
            expect runtime.pendingTasks == 1
            settle
            expect runtime.now == 2300
            expect runtime.pendingTasks == 0
            """)
        #expect(run.status == .passed(held: 4))
        #expect(run.outcomes.prefix(2) == ["▸ Waiting", "\(base + 1): note(\"now 250ms\")"])
        #expect(run.outcomes[6] == "\(base + 6): note(\"settled at 2300ms\")")
        #expect(run.trace.contains("0ms step \"Waiting\" line=\(base)"))
    }

    @Test func logAndConsoleLog() {
        let run = Run.file("""
            log "plain"
            log [1, "two"]
            console.log("a", 1, { b: 2 })
            let f = (x) => console.log("in f", x)
            f(3)
            await env.T.call(console.log, "via rpc")
            expect runtime.logs == ["plain", "[1, \\"two\\"]", "a 1 { b: 2 }", "in f 3", "via rpc"]
            """)
        #expect(run.status == .passed(held: 1))
        #expect(run.outcomes.prefix(3) == [
            "\(base): logged(\"plain\")", "\(base + 1): logged(\"[1, \\\"two\\\"]\")", "\(base + 2): logged(\"a 1 { b: 2 }\")",
        ])
        #expect(run.trace.contains("log ctx1 main info \"via rpc\""))
    }

    @Test func blocksScopeTheirNames() {
        let run = Run.file("""
            let x = 1
            {
              let x = 2
              expect x == 2
            }
            expect x == 1
            """)
        #expect(run.status == .passed(held: 2))
        #expect(run.transcript.entries[1] == .blockStart(line: base + 1, depth: 0, source: "{", note: nil))
        #expect(run.transcript.entries[4] == .blockEnd(line: base + 4, depth: 0, note: nil))
    }

    @Test func requestBlocksRunInANewContextThatEndsAtTheBrace() {
        let run = Run.file("""
            request "first" {
              let c = await env.T.makeCounter(5)
              expect await c.increment() == 6
              expect runtime.liveContexts == 2
            }
            settle
            expect runtime.liveStubs == 0
            expect runtime.liveContexts == 1
            """)
        #expect(run.status == .passed(held: 4))
        #expect(run.transcript.entries.first == .blockStart(
            line: base, depth: 0, source: "request \"first\" {", note: "a new request: ctx1"))
        #expect(run.trace.contains("stubDisposed stub1 reason=contextEnded by=ctx1"))
        #expect(run.trace.contains("contextEnded ctx1 worker=main reason=returned"))
        #expect(run.trace.contains("contextBegan ctx3 request worker=main"), "the implicit request begins at the first line outside it")
    }

    @Test func aScriptOfRequestsOnlyOpensNoImplicitRequest() {
        let run = Run.file("""
            step "One request"
            request "only" {
              expect await env.T.answer == 42
            }
            """)
        #expect(run.status == .passed(held: 1))
        #expect(run.trace.components(separatedBy: "contextBegan").count == 3, "the request and the toolkit's session")
    }

    @Test func valuesMadeInOneRequestAreDisposedWhenItEnds() {
        let run = Run.file("""
            let kept = undefined
            request "maker" {
              kept = await env.T.makeCounter(1)
            }
            expect kept.increment() throws Error "RPC stub used after being disposed."
            """)
        #expect(run.status == .passed(held: 1))
    }

    @Test func theImplicitRequestEndsAfterTheLastLine() {
        let run = Run.file("""
            using c = await env.T.makeCounter(1)
            let f = await env.C.newCounter()
            """)
        #expect(run.status == .passed(held: 0))
        let tail = run.trace.split(separator: "\n").suffix(8).map { String($0.split(separator: " ", maxSplits: 2)[2]) }
        #expect(run.trace.contains("stubDisposed stub1 reason=usingScopeEnded\n"))
        #expect(tail.contains("stubDisposed stub2 reason=contextEnded by=ctx1"))
        #expect(tail.contains("contextEnded ctx1 worker=main reason=returned"))
    }

    @Test func anUncaughtErrorStillEndsRequestsAndDisposesUsings() {
        let run = Run.file("""
            request "r" {
              using c = await env.T.makeCounter(1)
              await env.T.fail("Error", "stop")
              log "not reached"
            }
            log "not reached either"
            """)
        #expect(run.status == .runFailed("uncaught Error: stop at t.scenario:\(base + 2):9"))
        #expect(run.trace.contains("reason=usingScopeEnded by=line\(base + 4)"))
        #expect(!run.trace.contains("not reached"))
        #expect(run.transcript.entries.last == .blockEnd(line: base + 4, depth: 0, note: "ctx1 ended"))
    }

    @Test func returnOnlyLeavesTheFunction() {
        let run = Run.file("""
            let f = (x) => {
              using c = undefined
              { return x + 1 }
              log "unreachable"
            }
            expect f(1) == 2
            """)
        #expect(run.status == .passed(held: 1))
        #expect(!run.transcript.text.contains("unreachable  »"))
    }

    @Test func failedExpectationsInsideFunctionsAreRecorded() {
        let run = Run.file("""
            let check = (x) => { expect x == 1 }
            check(1)
            check(2)
            """)
        #expect(run.status == .expectationFailed(held: 1, failed: 1))
        #expect(run.transcript.entries.contains(.statement(
            line: base, depth: 0, source: "expect x == 1", outcome: .failed(expected: "1", actual: "2"), inFunction: true)))
    }

    @Test func aFunctionCalledBeforeADeclarationItUsesHitsTheTemporalDeadZone() {
        let run = Run.file("let f = () => later\nlog f()\nlet later = 1")
        #expect(run.status == .runFailed("uncaught ReferenceError: Cannot access 'later' before initialization at t.scenario:\(base):15"))
    }
}
