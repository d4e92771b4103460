import Testing

@testable import Scenarios

/// Every statement form of scenario-format.md §2, parsed to its exact tree.
@Suite struct StatementTests {
    @Test func declarations() {
        #expect(T.statement("let x = 1") == s(.declaration(.let, name("x"), num(1))))
        #expect(T.statement("const y = 'a'") == s(.declaration(.const, name("y"), str("a"))))
        #expect(
            T.statement("using f = await env.S.newCounter()")
                == s(.declaration(.using, name("f"), await_(call(member(member(id("env"), "S"), "newCounter"))))))
        #expect(T.sxs("let x =\n  1") == "(let x 1)")
    }

    @Test func catchDeclarations() {
        #expect(
            T.statement("let e = catch await env.S.fail()")
                == s(.catchDeclaration(.let, name("e"), await_(call(member(member(id("env"), "S"), "fail"))))))
        #expect(T.sxs("const e = catch f()") == "(const e (catch (call f)))")
    }

    @Test func assignments() {
        #expect(T.statement("x = 2") == s(.assignment(name("x"), .assign, num(2))))
        #expect(T.statement("x += 2") == s(.assignment(name("x"), .add, num(2))))
        #expect(T.statement("x -= y * 2") == s(.assignment(name("x"), .subtract, bin(.multiply, id("y"), num(2)))))
    }

    @Test func expressionStatements() {
        #expect(T.statement("f(1)") == s(.expression(call(id("f"), num(1)))))
        #expect(T.sxs("a == b") == "(== a b)")
        #expect(T.sxs("(x) => x") == "(=> (x) x)")
    }

    @Test func expectTruthyAndComparisons() {
        #expect(T.statement("expect ok") == s(.expect(.truthy(id("ok")))))
        #expect(T.statement("expect await f(2) == 2") == s(.expect(.comparison(await_(call(id("f"), num(2))), .equal, num(2)))))
        for op in ComparisonOperator.allCases {
            #expect(T.statement("expect a \(op) b") == s(.expect(.comparison(id("a"), op, id("b")))), "\(op)")
        }
        #expect(T.sxs("expect (a == b)") == "(expect == a b)")
        #expect(T.sxs("expect a == b && c") == "(expect (&& (== a b) c))")
        #expect(T.sxs("expect a + 1 < b * 2") == "(expect < (+ a 1) (* b 2))")
    }

    @Test func expectThrows() {
        #expect(T.statement("expect f() throws") == s(.expect(.throwsError(call(id("f")), name: nil, messageContains: nil))))
        #expect(
            T.statement("expect f() throws TypeError")
                == s(.expect(.throwsError(call(id("f")), name: name("TypeError"), messageContains: nil))))
        #expect(
            T.statement("expect env.S.fail() throws DataCloneError \"could not be cloned\"")
                == s(
                    .expect(
                        .throwsError(
                            call(member(member(id("env"), "S"), "fail")), name: name("DataCloneError"),
                            messageContains: "could not be cloned"))))
        #expect(T.sxs("expect a == b throws") == "(expect-throws (== a b))")
    }

    @Test func disposeSleepSettleStep() {
        #expect(T.statement("dispose c") == s(.dispose(id("c"))))
        #expect(T.statement("sleep 250ms") == s(.sleep(.milliseconds(250))))
        #expect(T.statement("sleep 2s") == s(.sleep(.seconds(2))))
        #expect(T.statement("settle") == s(.settle))
        #expect(T.statement("step \"Ask for a counter\"") == s(.step("Ask for a counter")))
    }

    @Test func logAndConsoleLog() {
        #expect(T.statement("log x") == s(.log([id("x")])))
        #expect(T.statement("console.log(1, 'a')") == s(.log([num(1), str("a")])))
        #expect(T.statement("console.log()") == s(.log([])))
        #expect(T.sxs("console.warn(1)") == "(call (. console warn) 1)")  // only console.log is special
    }

    @Test func blocksAndRequests() {
        #expect(T.statement("{ let x = 1; log x }") == s(.block([s(.declaration(.let, name("x"), num(1))), s(.log([id("x")]))])))
        #expect(T.sxs("{\n  using a = f()\n  {\n    log a\n  }\n}") == "(block (using a (call f)) (block (log a)))")
        #expect(T.statement("request \"second\" { settle }") == s(.request(label: "second", body: [s(.settle)])))
        #expect(T.sxs("request 'r'\n{\n}") == "(request \"r\" {})")
        #expect(T.sxs("{ request 'r' { log 1 } }") == "(block (request \"r\" {(log 1)}))")
    }

    @Test func returnInsideArrowBodies() {
        #expect(T.sxs("let f = (a) => { if1(a); return a }") == "(let f (=> (a) {(call if1 a); (return a)}))")
        #expect(T.sxs("let f = () => { { return 1 } }") == "(let f (=> () {(block (return 1))}))")
    }

    @Test func separators() {
        #expect(T.sxs("let a = 1; let b = 2;; log a\n\n\nlog b;") == "(let a 1) | (let b 2) | (log a) | (log b)")
        #expect(T.sxs("# only a comment\n// and another\n") == "")
        #expect(T.sxs("{ log 1 }; log 2") == "(block (log 1)) | (log 2)")
        #expect(T.sxs("{ log 1 } log 2") == "(block (log 1)) | (log 2)")  // '}' ends the block statement
    }

    @Test func statementTextIsTheSourceAsWritten() {
        let statements = T.script("let x = f(1,   # first\n  2)  // done\nlog x ;expect x\n")
        #expect(statements.map(\.text) == ["let x = f(1,   # first\n  2)", "log x", "expect x"])
    }

    @Test func keywordsAreContextual() {
        // Statement words are only statements at the start of one; as names they are refused.
        #expect(T.sxs("let x = { log: 1, step: 2 }.log") == "(let x (. {log: 1, step: 2} log))")
        #expect(T.sxs("let steps = 1") == "(let steps 1)")
    }
}
