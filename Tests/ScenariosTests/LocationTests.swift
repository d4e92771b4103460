import Testing

@testable import Scenarios

/// Every node carries the range it was parsed from; statements carry their source text.
@Suite struct LocationTests {
    @Test func expressionNodeRanges() throws {
        //                      1234567890123456789012345678901
        let e = try #require(T.located("await env.S.add(1, x + 2)"))
        #expect(e.range == T.range(1, 1, 1, 26))
        guard case .await(let callExpression) = e.kind, case .call(let callee, let arguments) = callExpression.kind,
            case .member(let base, let method) = callee.kind, case .binary(_, let lhs, let rhs) = arguments[1].kind
        else {
            Issue.record("unexpected tree \(sx(e))")
            return
        }
        #expect(callExpression.range == T.range(1, 7, 1, 26))
        #expect(callee.range == T.range(1, 7, 1, 16))
        #expect(base.range == T.range(1, 7, 1, 12))
        #expect(method.range == T.range(1, 13, 1, 16))
        #expect(arguments[0].range == T.range(1, 17, 1, 18))
        #expect(arguments[1].range == T.range(1, 20, 1, 25))
        #expect(lhs.range == T.range(1, 20, 1, 21))
        #expect(rhs.range == T.range(1, 24, 1, 25))
    }

    @Test func parenthesesBelongToTheEnclosingNodeNotToTheInnerOne() throws {
        let e = try #require(T.located("(a + b) * c"))
        #expect(e.range == T.range(1, 1, 1, 12))
        guard case .binary(_, let sum, _) = e.kind else { return }
        #expect(sum.range == T.range(1, 2, 1, 7))
    }

    @Test func multiLineNodes() throws {
        let e = try #require(T.located("f(1,\n  [2,\n   3])"))
        #expect(e.range == T.range(1, 1, 3, 7))
        guard case .call(_, let arguments) = e.kind else { return }
        #expect(arguments[1].range == T.range(2, 3, 3, 6))
    }

    @Test func foldedNegativeLiteralsSpanTheirMinus() throws {
        let e = try #require(T.located("x - -2.5"))
        guard case .binary(_, _, let rhs) = e.kind else { return }
        #expect(rhs.range == T.range(1, 5, 1, 9))
    }

    @Test func objectKeysAndArrowParametersAreLocated() throws {
        let e = try #require(T.located("({ a: 1, \"b c\": (p, q) => p })"))
        guard case .object(let properties) = e.kind, case .arrow(let parameters, let body) = properties[1].value.kind,
            case .expression(let bodyExpression) = body
        else { return }
        #expect(properties.map(\.keyRange) == [T.range(1, 4, 1, 5), T.range(1, 10, 1, 15)])
        #expect(parameters.map(\.range) == [T.range(1, 18, 1, 19), T.range(1, 21, 1, 22)])
        #expect(properties[1].value.range == T.range(1, 17, 1, 28))
        #expect(bodyExpression.range == T.range(1, 27, 1, 28))
    }

    @Test func statementRangesAndNames() {
        let statements = T.script("let x = 1\n  expect x == 1  # ok\nrequest \"r\" {\n  log x\n}\nexpect f() throws TypeError \"m\"")
        #expect(statements.map(\.range) == [
            T.range(1, 1, 1, 10), T.range(2, 3, 2, 16), T.range(3, 1, 5, 2), T.range(6, 1, 6, 32),
        ])
        #expect(statements[2].text == "request \"r\" {\n  log x\n}")
        if case .declaration(_, let name, let value) = statements[0].kind {
            #expect(name.range == T.range(1, 5, 1, 6))
            #expect(value.range == T.range(1, 9, 1, 10))
        }
        if case .request(_, let body) = statements[2].kind {
            #expect(body.map(\.range) == [T.range(4, 3, 4, 8)])
        }
        if case .expect(.throwsError(_, let errorName, _)) = statements[3].kind {
            #expect(errorName?.range == T.range(6, 19, 6, 28))
        }
    }

    @Test func columnsCountCharacters() throws {
        let statements = T.script("log \"é😀\" + x")
        guard case .log(let arguments) = statements.first?.kind, case .binary(_, _, let rhs) = arguments[0].kind else {
            Issue.record("unexpected tree")
            return
        }
        #expect(rhs.range == T.range(1, 12, 1, 13))
    }

    @Test func locationsInAWholeFileAreFileLines() throws {
        let parsed = try #require(T.file(Corpus.counterClosure))
        #expect(parsed.separatorLine == 14)
        #expect(parsed.statements.map(\.range.start.line) == [15, 16, 18, 19, 20, 21])
        #expect(parsed.statements[1].text == "using f = await env.COUNTER_SERVICE.newCounter()")
    }
}
