import Testing

@testable import Scenarios

/// The compact printer (`description`) used by transcripts and the console: normalised text
/// that parses back to the same tree.
@Suite struct PrinterTests {
    static func printed(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        T.script(text, sourceLocation: sourceLocation).map(\.description).joined(separator: " | ")
    }

    @Test(arguments: [
        ("let x=1", "let x = 1"),
        ("const  y = 'a'", "const y = \"a\""),
        ("using f = await env.S.newCounter( )", "using f = await env.S.newCounter()"),
        ("let e = catch await f()", "let e = catch await f()"),
        ("x+=2", "x += 2"),
        ("x -= 1", "x -= 1"),
        ("x = y", "x = y"),
        ("expect a==b", "expect a == b"),
        ("expect (a)<=(b)", "expect a <= b"),
        ("expect ok", "expect ok"),
        ("expect f() throws", "expect f() throws"),
        ("expect f() throws TypeError", "expect f() throws TypeError"),
        ("expect f() throws TypeError 'bad \"x\"'", "expect f() throws TypeError \"bad \\\"x\\\"\""),
        ("dispose c", "dispose c"),
        ("sleep 2s", "sleep 2000ms"),
        ("sleep 250ms", "sleep 250ms"),
        ("settle", "settle"),
        ("step 'Go'", "step \"Go\""),
        ("log x", "log x"),
        ("console.log(x)", "log x"),
        ("console.log(1, 2)", "console.log(1, 2)"),
        ("console.log()", "console.log()"),
        ("{\n let a = 1\n log a\n}", "{ let a = 1; log a }"),
        ("{}", "{}"),
        ("request \"r\" {\n settle\n}", "request \"r\" { settle }"),
        ("let f = (a) => {\n return a\n}", "let f = (a) => { return a }"),
        ("let f = () => { return }", "let f = () => { return }"),
        ("f(1)", "f(1)"),
    ])
    func statements(text: String, expected: String) {
        #expect(Self.printed(text) == expected)
    }

    @Test(arguments: [
        ("1 + 2 * 3", "1 + 2 * 3"),
        ("(1 + 2) * 3", "(1 + 2) * 3"),
        ("1 - (2 - 3)", "1 - (2 - 3)"),
        ("(1 - 2) - 3", "1 - 2 - 3"),
        ("a && (b || c)", "a && (b || c)"),
        ("-(-x)", "-(-x)"),
        ("-(-1)", "-(-1)"),
        ("- -1", "-(-1)"),
        ("-(1)", "-(1)"),
        ("a - -1", "a - -1"),
        ("(-1).x", "(-1).x"),
        ("(1).x", "(1).x"),
        ("!(a == b)", "!(a == b)"),
        ("typeof (a + b)", "typeof (a + b)"),
        ("await (a || b)", "await (a || b)"),
        ("(await a).b", "(await a).b"),
        ("(x => x)(1)", "((x) => x)(1)"),
        ("x => ({ a: 1 })", "(x) => ({ a: 1 })"),
        ("a || (x => 1)", "a || ((x) => 1)"),
        ("async (a, b) => a", "(a, b) => a"),
        ("[1, [2, 3], []]", "[1, [2, 3], []]"),
        ("({ a: 1, 'b c': 2, step: 3, 1: 4, 'if': 5 })", "{ a: 1, \"b c\": 2, step: 3, \"1\": 4, if: 5 }"),
        ("({})", "{}"),
        ("new Date(0)", "new Date(0)"),
        ("new Map()", "new Map()"),
        ("bytes('68656C6C6F')", "bytes(\"68656c6c6f\")"),
        ("rpcTarget({ f: () => 1 })", "rpcTarget({ f: () => 1 })"),
        ("Object.is(-0, 0)", "Object.is(-0, 0)"),
        ("a['b c'].d[0]", "a[\"b c\"].d[0]"),
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        ("-Infinity", "-Infinity"),
        ("1e21", "1e+21"),
        ("0.1", "0.1"),
        ("1e-7", "1e-07"),
        ("0xff", "255"),
        ("10n", "10n"),
        ("-10n", "-10n"),
        ("'tab\\tnew\\nline\\u{7}'", "\"tab\\tnew\\nline\\u{7}\""),
        ("undefined", "undefined"),
        ("null", "null"),
        ("true", "true"),
    ])
    func expressions(text: String, expected: String) {
        #expect(T.located(text)?.description == expected)
    }

    @Test func anObjectLiteralStatementIsParenthesisedSoItStaysAnExpression() {
        let statement = Statement(.expression(e(.object([ObjectProperty(key: "a", value: num(1))]))))
        #expect(statement.description == "({ a: 1 })")
        #expect(T.statement(statement.description) == statement)
    }

    @Test func aMemberNameThatIsNotAnIdentifierPrintsAsAnIndex() {
        #expect(member(id("a"), "b c").description == "a[\"b c\"]")
    }

    @Test(arguments: Array(Corpus.all.indices))
    func printingThenParsingGivesTheSameTree(corpus: Int) throws {
        let parsed = try #require(T.file(Corpus.all[corpus]))
        let printed = parsed.statements.map(\.description).joined(separator: "\n")
        let reparsed = T.script(printed)
        #expect(reparsed.map { $0.erasingSourceInfo() } == parsed.statements.map { $0.erasingSourceInfo() })
        // …and printing is idempotent.
        #expect(reparsed.map(\.description).joined(separator: "\n") == printed)
    }

    @Test func handBuiltTreesThatNeedParenthesesRoundTrip() {
        let trees: [Expression] = [
            un(.negate, num(-2)), un(.negate, un(.negate, id("x"))), un(.not, un(.not, id("x"))),
            bin(.subtract, id("a"), bin(.subtract, id("b"), id("c"))),
            bin(.multiply, bin(.add, id("a"), id("b")), bin(.or, id("c"), id("d"))),
            member(bin(.add, id("a"), id("b")), "c"), call(e(.arrow(parameters: [], body: .expression(num(1))))),
            await_(bin(.and, id("a"), id("b"))), un(.typeof, await_(id("x"))), member(num(-1), "x"),
            e(.index(e(.bigint("-3")), num(0))), bin(.less, un(.negate, num(1)), num(-1)),
            e(.arrow(parameters: [name("x")], body: .expression(e(.arrow(parameters: [name("y")], body: .expression(id("y"))))))),
        ]
        for tree in trees {
            #expect(T.expression(tree.description) == tree, "\(tree.description)")
        }
    }

    @Test func expectComparisonsPrintThroughTheSamePrecedenceRules() {
        let statement = Statement(.expect(.comparison(bin(.or, id("a"), id("b")), .equal, id("c"))))
        #expect(statement.description == "expect (a || b) == c")
    }
}
