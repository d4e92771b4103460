import Testing

@testable import Scenarios

/// Every expression form of scenario-format.md §2, parsed to its exact tree.
@Suite struct ExpressionTests {
    @Test func numberLiterals() {
        #expect(T.expression("42") == num(42))
        #expect(T.expression("2.5") == num(2.5))
        #expect(T.expression("1e3") == num(1000))
        #expect(T.expression("NaN") == e(.number(NumberLiteral(.nan))))
        #expect(T.expression("Infinity") == num(.infinity))
        #expect(T.expression("-Infinity") == un(.negate, num(.infinity)))
    }

    @Test func aMinusBeforeANumberLiteralIsFoldedIntoIt() {
        #expect(T.expression("-2.5") == num(-2.5))
        let negativeZero = T.expression("-0")
        #expect(negativeZero == num(-0.0))
        #expect(negativeZero != num(0))  // bitwise: -0 is not 0 in the tree
        #expect(T.expression("-10n") == e(.bigint("-10")))
        #expect(T.expression("-0n") == e(.bigint("0")))
        // …but not when the number is the base of a member access, an index or a call:
        #expect(T.sxe("-1.x") == "(- (. 1 x))")
        #expect(T.sxe("-(1)") == "(- 1)")
        #expect(T.sxe("- -1") == "(- -1)")
    }

    @Test func otherLiterals() {
        #expect(T.expression("10n") == e(.bigint("10")))
        #expect(T.expression("'a'") == str("a"))
        #expect(T.expression("\"b c\"") == str("b c"))
        #expect(T.expression("true") == e(.boolean(true)))
        #expect(T.expression("false") == e(.boolean(false)))
        #expect(T.expression("null") == e(.null))
        #expect(T.expression("undefined") == e(.undefined))
    }

    @Test func arrays() {
        #expect(T.expression("[]") == e(.array([])))
        #expect(T.expression("[1, 'a', [true]]") == e(.array([num(1), str("a"), e(.array([e(.boolean(true))]))])))
        #expect(T.sxe("[1, 2,]") == "[1 2]")
        #expect(T.sxe("[\n  1,\n  2\n]") == "[1 2]")
    }

    @Test func objects() {
        #expect(T.sxs("{}") == "(block)")  // at the start of a statement, braces open a block
        #expect(T.sxe("({})") == "{}")
        #expect(
            T.expression("({ a: 1, \"b c\": 2, 3: x, y })")
                == e(
                    .object([
                        ObjectProperty(key: "a", value: num(1)), ObjectProperty(key: "b c", value: num(2)),
                        ObjectProperty(key: "3", value: id("x")), ObjectProperty(key: "y", value: id("y")),
                    ])))
        #expect(T.sxe("({ step: 1, new: 2, })") == "{step: 1, new: 2}")
        #expect(T.sxe("({\n  a: 1,\n  b: { c: [] }\n})") == "{a: 1, b: {c: []}}")
    }

    @Test func constructors() {
        #expect(T.sxe("new Date(0)") == "(new Date 0)")
        #expect(T.sxe("new Map([['a', 1]])") == "(new Map [[\"a\" 1]])")
        #expect(T.sxe("new Set([1, 2])") == "(new Set [1 2])")
        #expect(T.sxe("new RegExp('a+', 'g')") == "(new RegExp \"a+\" \"g\")")
        #expect(T.sxe("new Error('m')") == "(new Error \"m\")")
        #expect(T.sxe("new TypeError('m')") == "(new TypeError \"m\")")
        #expect(T.sxe("new RangeError('m')") == "(new RangeError \"m\")")
        #expect(T.sxe("new Map()") == "(new Map)")
        #expect(T.expression("new Date(0)") == e(.new(.date, arguments: [num(0)])))
        #expect(T.sxe("new Date(0).getTime()") == "(call (. (new Date 0) getTime))")
    }

    @Test func bytesAreDecodedFromHex() {
        #expect(T.expression("bytes(\"68656c6c6f\")") == e(.bytes(Array("hello".utf8))))
        #expect(T.expression("bytes('')") == e(.bytes([])))
        #expect(T.expression("bytes('00 FF')") == e(.bytes([0, 255])))
        #expect(T.sxe("bytes") == "bytes")  // without a call it is just a name
    }

    @Test func typeofAndObjectIs() {
        #expect(T.expression("typeof x") == un(.typeof, id("x")))
        #expect(T.expression("Object.is(-0, 0)") == e(.sameValue(num(-0.0), num(0))))
    }

    @Test func memberIndexAndCall() {
        #expect(T.expression("a.b") == member(id("a"), "b"))
        #expect(T.expression("a['b']") == e(.index(id("a"), str("b"))))
        #expect(T.expression("f(x, y)") == call(id("f"), id("x"), id("y")))
        #expect(T.expression("f()") == call(id("f")))
        #expect(T.sxe("env.S.makeCounter(1).increment(2)") == "(call (. (call (. (. env S) makeCounter) 1) increment) 2)")
        #expect(T.sxe("x.dup()") == "(call (. x dup))")
        #expect(T.sxe("e.new.step") == "(. (. e new) step)")  // keywords are fine as property names
        #expect(T.sxe("a[0][1](2)") == "(call ([] ([] a 0) 1) 2)")
    }

    @Test func aMemberChainMayContinueOnTheNextLine() {
        #expect(T.sxs("let v = env.S\n  .echo(1)\n  .x") == "(let v (. (call (. (. env S) echo) 1) x))")
    }

    @Test func awaitAndUnaryOperators() {
        #expect(T.expression("await f()") == await_(call(id("f"))))
        #expect(T.expression("-x") == un(.negate, id("x")))
        #expect(T.expression("!x") == un(.not, id("x")))
        #expect(T.sxe("!!x") == "(! (! x))")
        #expect(T.sxe("await await x") == "(await (await x))")
        #expect(T.sxe("typeof await f()") == "(typeof (await (call f)))")
    }

    @Test func binaryOperators() {
        for op in BinaryOperator.allCases {
            #expect(T.expression("a \(op) b") == bin(op, id("a"), id("b")), "\(op)")
        }
        #expect(T.sxe("a +\n b") == "(+ a b)")  // an operator at the end of a line continues it
    }

    @Test func arrowFunctions() {
        #expect(
            T.expression("(a, b) => a + b")
                == e(.arrow(parameters: [name("a"), name("b")], body: .expression(bin(.add, id("a"), id("b"))))))
        #expect(T.sxe("x => x * 2") == "(=> (x) (* x 2))")
        #expect(T.sxe("() => 1") == "(=> () 1)")
        #expect(T.sxe("async (n) => await f(n)") == "(=> (n) (await (call f n)))")
        #expect(T.sxe("async x => x") == "(=> (x) x)")
        #expect(T.sxe("(a,\n b,) => a") == "(=> (a b) a)")
        #expect(T.sxe("(a) => { let y = a; return y }") == "(=> (a) {(let y a); (return y)})")
        #expect(T.sxe("(a) => {\n  log a\n  return\n}") == "(=> (a) {(log a); (return)})")
        #expect(T.sxe("x => y => x + y") == "(=> (x) (=> (y) (+ x y)))")
        #expect(T.sxe("f(x => 1, (y) => 2)") == "(call f (=> (x) 1) (=> (y) 2))")
        #expect(T.sxe("x => ({ a: x })") == "(=> (x) {a: x})")
        #expect(T.sxe("(x => 1)(2)") == "(call (=> (x) 1) 2)")
        #expect(T.sxe("async") == "async")  // still a name when no arrow follows
    }

    @Test func rpcTargetAndDup() {
        #expect(
            T.sxe("rpcTarget({ ping: () => 'pong', dispose: () => { log 'bye' } })")
                == "(rpcTarget {ping: (=> () \"pong\"), dispose: (=> () {(log \"bye\")})})")
        #expect(T.sxe("rpcTarget(methods)") == "(rpcTarget methods)")
    }

    @Test func parenthesesLeaveNoNode() {
        #expect(T.expression("((x))") == id("x"))
        #expect(T.sxe("(a + b) * c") == "(* (+ a b) c)")
        #expect(T.sxe("(\n a\n +\n b\n)") == "(+ a b)")
    }
}
