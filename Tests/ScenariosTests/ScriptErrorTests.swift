import Testing

@testable import Scenarios

/// Script syntax errors: each one exact in message, range and hint (scenario-format.md §4).
@Suite struct ScriptErrorTests {
    /// One bad script and the diagnostic it must produce.
    struct E: CustomTestStringConvertible, Sendable {
        let text: String
        let range: SourceRange
        let message: String
        let hint: String?

        init(_ text: String, _ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int, _ message: String, _ hint: String?) {
            self.text = text
            self.range = T.range(l1, c1, l2, c2)
            self.message = message
            self.hint = hint
        }

        var testDescription: String { text.debugDescription }
    }

    static let cases: [E] = [
        E("{\n  log 1\n", 1, 1, 1, 2, "unclosed block: this '{' has no matching '}'",
          "add a '}' where the block ends"),
        E("request 'r' {\n  log 1\n", 1, 13, 1, 14, "unclosed request block: this '{' has no matching '}'",
          "add a '}' where the request block ends"),
        E("let f = (x) => {\n  return x\n", 1, 16, 1, 17, "unclosed function body: this '{' has no matching '}'",
          "add a '}' where the function body ends"),
        E("log 1\n}\n", 2, 1, 2, 2, "unexpected '}' with no open block to close",
          "remove it, or add the '{' it was meant to close"),
        E("x++", 1, 2, 1, 4, "'++' is not supported",
          "write x += 1"),
        E("++x", 1, 1, 1, 3, "'++' is not supported",
          "write x += 1 or x -= 1"),
        E("f() => 1", 1, 5, 1, 7, "an arrow function here must be wrapped in parentheses",
          "write (x) => ... where a value is expected"),
        E("let x = 1 2", 1, 11, 1, 12, "expected the end of the statement, found the number 2",
          "put each statement on its own line, or separate statements with ';'"),
        E("step\n", 1, 5, 1, 5, "expected the step's text in quotes after 'step'",
          "for example: step \"Ask the counter service for a counter\""),
        E("step 42", 1, 6, 1, 8, "expected the step's text in quotes after 'step'",
          "for example: step \"Ask the counter service for a counter\""),
        E("dispose\n", 1, 8, 1, 8, "expected an expression after 'dispose'",
          "for example: dispose counter"),
        E("log", 1, 4, 1, 4, "expected an expression after 'log'",
          "for example: log x"),
        E("expect\n", 1, 7, 1, 7, "expected an expression after 'expect'",
          "for example: expect x == 1"),
        E("expect   # why\n", 1, 7, 1, 7, "expected an expression after 'expect'",
          "for example: expect x == 1"),
        E("let {a} = b", 1, 5, 1, 6, "destructuring is not supported",
          "bind one name: let x = EXPR"),
        E("let = 1", 1, 5, 1, 6, "expected a name after 'let'",
          "for example: let x = 1"),
        E("let 5 = 1", 1, 5, 1, 6, "expected a name after 'let'",
          "for example: let x = 1"),
        E("let step = 1", 1, 5, 1, 9, "'step' is a reserved word and cannot name a variable",
          "choose another name"),
        E("let x\n", 1, 6, 1, 6, "expected '=' after 'let x'",
          "give it a value: let x = EXPR"),
        E("using x\n", 1, 8, 1, 8, "expected '=' after 'using x'",
          "'using' needs a value to dispose: using x = EXPR"),
        E("const x 1", 1, 9, 1, 10, "expected '=' after 'const x'",
          "give it a value: const x = EXPR"),
        E("using e = catch f()", 1, 11, 1, 16, "'using' cannot be combined with 'catch'",
          "catch the error with let: let e = catch EXPR"),
        E("let e = catch\n", 1, 14, 1, 14, "expected an expression after 'catch'",
          "for example: let e = catch await env.S.fail()"),
        E("expect f() throws \"m\"", 1, 19, 1, 22, "expected an error name before the message",
          "write: expect EXPR throws Error \"text\""),
        E("expect f() throws 42", 1, 19, 1, 21, "unknown 'throws' form: expected an error name, found the number 42",
          "write 'throws', 'throws TypeError' or 'throws TypeError \"text\"'"),
        E("expect f() throws TypeError 42", 1, 29, 1, 31, "unknown 'throws' form: expected the message in quotes after 'TypeError', found the number 42",
          "write 'throws', 'throws TypeError' or 'throws TypeError \"text\"'"),
        E("sleep 250", 1, 7, 1, 10, "a duration needs a unit",
          "write 250ms or 2s"),
        E("sleep\n", 1, 6, 1, 6, "expected a duration after 'sleep'",
          "for example: sleep 250ms or sleep 2s"),
        E("sleep x", 1, 7, 1, 8, "expected a duration after 'sleep'",
          "for example: sleep 250ms or sleep 2s"),
        E("let f = () => { request 'r' {} }", 1, 17, 1, 24, "a request block cannot be inside a function",
          "requests are made by the script itself, at the top level or in a block"),
        E("request 'a' { request 'b' {} }", 1, 15, 1, 22, "a request block cannot be inside another request block",
          "close the first request block before starting the next"),
        E("request {}", 1, 9, 1, 10, "expected a label in quotes after 'request'",
          "write: request \"label\" { ... }"),
        E("request\n", 1, 8, 1, 8, "expected a label in quotes after 'request'",
          "write: request \"label\" { ... }"),
        E("request 'r' log 1", 1, 13, 1, 16, "expected '{' to start the body of request \"r\"",
          "write: request \"r\" { ... }"),
        E("return 1", 1, 1, 1, 7, "'return' is only allowed inside the body of an arrow function",
          "a function with statements is written (x) => { ...; return x }"),
        E("1 = 2", 1, 1, 1, 2, "cannot assign to a literal",
          "only a variable declared with let can be assigned"),
        E("'a' = 2", 1, 1, 1, 4, "cannot assign to a literal",
          "only a variable declared with let can be assigned"),
        E("a.b = 1", 1, 1, 1, 4, "cannot assign to a property",
          "only a variable declared with let can be assigned"),
        E("a[0] = 1", 1, 1, 1, 5, "cannot assign to a property",
          "only a variable declared with let can be assigned"),
        E("f() = 1", 1, 1, 1, 4, "cannot assign to this expression",
          "only a variable declared with let can be assigned"),
        E("x = catch f()", 1, 5, 1, 10, "'catch' can only start the value of a let or const declaration",
          "declare a new name: let e = catch EXPR"),
        E("x +=\n", 1, 5, 1, 5, "expected an expression after '+='",
          "for example: x += 1"),
        E("(a + b) => 1", 1, 4, 1, 5, "expected ',' or ')' after the parameter 'a'",
          "parameters are plain names: default values and destructuring are not supported"),
        E("let f = (a, a) => a", 1, 13, 1, 14, "duplicate parameter 'a'",
          "give each parameter its own name"),
        E("let f = (1) => a", 1, 10, 1, 11, "expected a parameter name, found the number 1",
          "parameters are plain names: (a, b) => ..."),
        E("let f = (a b) => a", 1, 12, 1, 13, "expected ',' or ')' after the parameter 'a'",
          "parameters are plain names: default values and destructuring are not supported"),
        E("let f = (a) =>\n", 1, 15, 1, 15, "expected the body of the arrow function after '=>'",
          "write (x) => x + 1 or (x) => { ...; return x }"),
        E("expect a === b", 1, 10, 1, 13, "'===' is not an operator of the scenario language",
          "write '==': it compares values deeply and stubs by identity"),
        E("expect a !== b", 1, 10, 1, 13, "'!==' is not an operator of the scenario language",
          "write '!=': it compares values deeply and stubs by identity"),
        E("let x = +1", 1, 9, 1, 10, "unary '+' is not supported",
          "write the value without '+'"),
        E("a.\n", 1, 3, 1, 3, "expected a property name after '.'",
          "for example: env.SERVICE or e.message"),
        E("a.5", 1, 3, 1, 4, "expected a property name after '.'",
          "for example: env.SERVICE or e.message"),
        E("a[1", 1, 4, 1, 4, "expected ']' to close the index started at 1:2",
          "every '[' needs a matching ']'"),
        E("a[1\nlog 2", 1, 4, 1, 4, "expected ']' to close the index started at 1:2",
          "every '[' needs a matching ']'"),
        E("f(1, 2", 1, 7, 1, 7, "expected ')' to close the call started at 1:2",
          "every '(' needs a matching ')'"),
        E("f(1 2)", 1, 5, 1, 6, "expected ')' to close the call started at 1:2",
          "separate arguments with ','"),
        E("f(1,\nlog 2", 2, 1, 2, 4, "expected an expression, found 'log', which starts a statement",
          "the '(' at 1:2 is never closed"),
        E("let x = 2s", 1, 9, 1, 11, "a duration like 2s can only follow 'sleep'",
          "for a number of milliseconds, write the number alone"),
        E("let x = ", 1, 8, 1, 8, "expected an expression after '='",
          "for example: let x = 1"),
        E("let x = )", 1, 9, 1, 10, "expected an expression, found ')'",
          nil),
        E("let x = catch", 1, 14, 1, 14, "expected an expression after 'catch'",
          "for example: let x = catch await env.S.fail()"),
        E("let x = throws", 1, 9, 1, 15, "'throws' can only follow the expression of an expect statement",
          "write: expect EXPR throws TypeError"),
        E("let x = expect", 1, 9, 1, 15, "expected an expression, found 'expect', which starts a statement",
          "statements go on their own line, or after ';'"),
        E("let x = !y => 1", 1, 10, 1, 11, "an arrow function here must be wrapped in parentheses",
          "write (y => ...)"),
        E("let x = new", 1, 12, 1, 12, "expected a constructor name after 'new'",
          "for example: new Date(0)"),
        E("let x = new Dat(0)", 1, 13, 1, 16, "'new Dat' is not supported",
          "did you mean 'Date'?"),
        E("let x = new Foo()", 1, 13, 1, 16, "'new Foo' is not supported",
          "the constructors are Date, Map, Set, RegExp, Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError"),
        E("let x = new Date", 1, 17, 1, 17, "expected '(' after 'new Date'",
          "write new Date(...)"),
        E("let x = bytes(1)", 1, 15, 1, 16, "bytes(...) takes one string of hex digits",
          "for example: bytes(\"68656c6c6f\")"),
        E("let x = bytes('zz')", 1, 15, 1, 19, "'z' is not a hex digit",
          "for example: bytes(\"68656c6c6f\")"),
        E("let x = bytes('abc')", 1, 15, 1, 20, "bytes(...) needs an even number of hex digits",
          "two hex digits per byte"),
        E("let x = bytes()", 1, 14, 1, 15, "bytes(...) takes one string of hex digits",
          "for example: bytes(\"68656c6c6f\")"),
        E("let x = rpcTarget", 1, 9, 1, 18, "rpcTarget must be called with an object",
          "write rpcTarget({ method: (x) => ... })"),
        E("let x = rpcTarget(a, b)", 1, 22, 1, 23, "rpcTarget(...) takes exactly one argument",
          "write rpcTarget({ method: (x) => ... })"),
        E("let x = Object.keys(a)", 1, 9, 1, 15, "only Object.is(a, b) is supported",
          "write Object.is(a, b)"),
        E("let x = Object", 1, 9, 1, 15, "only Object.is(a, b) is supported",
          "write Object.is(a, b)"),
        E("let x = Object.is(a)", 1, 18, 1, 19, "Object.is takes exactly two arguments",
          "write Object.is(a, b)"),
        E("let x = ()", 1, 10, 1, 11, "expected an expression inside '()'",
          "a function without parameters is written () => ..."),
        E("let x = (1", 1, 11, 1, 11, "expected ')' to close the '(' at 1:9",
          "every '(' needs a matching ')'"),
        E("let x = (1\nlog 2", 1, 11, 1, 11, "expected ')' to close the '(' at 1:9",
          "every '(' needs a matching ')'"),
        E("let x = [1,,2]", 1, 12, 1, 13, "empty array element",
          "remove the extra ','"),
        E("let x = [1 2]", 1, 12, 1, 13, "expected ']' to close the array started at 1:9",
          "separate elements with ','"),
        E("let x = [1", 1, 11, 1, 11, "expected ']' to close the array started at 1:9",
          "every '[' needs a matching ']'"),
        E("let x = ({ [k]: 1 })", 1, 12, 1, 13, "computed property names are not supported",
          "write the key as a name or a string"),
        E("let x = ({ 1 + 2 })", 1, 14, 1, 15, "expected ':' after the property name '1'",
          "write 1: value"),
        E("let x = ({ a: 1, a: 2 })", 1, 18, 1, 19, "duplicate property 'a'",
          "'a' is already set at 1:12"),
        E("let x = ({ f(x) { } })", 1, 12, 1, 13, "methods are written as arrow functions",
          "write f: (x) => ..."),
        E("let x = ({ a 1 })", 1, 14, 1, 15, "expected ':' after the property name 'a'",
          "write a: value"),
        E("let x = ({ a: 1 b: 2 })", 1, 17, 1, 18, "expected '}' to close the object started at 1:10",
          "separate properties with ','"),
        E("let x = ({ a: 1", 1, 16, 1, 16, "expected '}' to close the object started at 1:10",
          "every '{' needs a matching '}'"),
        E("let x = ({ true })", 1, 17, 1, 18, "expected ':' after the property name 'true'",
          "write true: value"),
        E("---", 1, 1, 1, 4, "unexpected '---' in the script",
          "only the first '---' line separates the header from the script"),
        E("let f = async (a) a", 1, 19, 1, 20, "expected the end of the statement, found 'a'",
          "put each statement on its own line, or separate statements with ';'"),
        E("log 1 +", 1, 8, 1, 8, "expected an expression after '+'",
          nil),
        E("expect x ==", 1, 12, 1, 12, "expected an expression after '=='",
          nil),
        E("let x = 'unterminated", 1, 9, 1, 22, "unterminated string",
          "close it with ' before the end of the line"),
        E("let x = f(1,\n  2\n", 2, 4, 2, 4, "expected ')' to close the call started at 1:10",
          "every '(' needs a matching ')'"),
        E("let x = Object.is(a, b, c)", 1, 25, 1, 26, "Object.is takes exactly two arguments",
          "write Object.is(a, b)"),
    ]

    @Test(arguments: cases)
    func diagnostic(_ expected: E) {
        let d = T.scriptError(expected.text)
        #expect(d?.message == expected.message)
        #expect(d?.range == expected.range)
        #expect(d?.hint == expected.hint)
        #expect(d?.fileName == "t.scenario")
    }

    @Test func nestingDeeperThanTheLimitIsALocatedError() {
        let parens = T.scriptError(String(repeating: "(", count: 300) + "1")
        #expect(T.brief(parens) == "1:201 nesting is too deep (more than 200 levels)")
        #expect(parens?.hint == "flatten it, or split it into several statements")
        #expect(T.brief(T.scriptError("let x = " + String(repeating: "!", count: 300) + "x")) == "1:208 nesting is too deep (more than 200 levels)")
        #expect(T.brief(T.scriptError(String(repeating: "{", count: 300))) == "1:201 nesting is too deep (more than 200 levels)")
        #expect(T.brief(T.scriptError("let f = " + String(repeating: "x => ", count: 300) + "1")) == "1:1009 nesting is too deep (more than 200 levels)")
        // 199 levels are fine.
        #expect(T.script(String(repeating: "(", count: 199) + "1" + String(repeating: ")", count: 199)).count == 1)
    }

    @Test func treesTallerThanTheLimitAreALocatedError() {
        let sum = T.scriptError("let x = 1" + String(repeating: " + 1", count: 600))
        #expect(T.brief(sum) == "1:2009 this expression is nested too deeply (more than 500 levels)")
        #expect(sum?.hint == "split it into several statements with let")
        #expect(T.brief(T.scriptError("let x = a" + String(repeating: ".b", count: 600))) == "1:1009 this expression is nested too deeply (more than 500 levels)")
        #expect(T.script("let x = 1" + String(repeating: " + 1", count: 400)).count == 1)
    }

    @Test func theFirstErrorInTheFileIsReported() {
        #expect(T.brief(T.scriptError("let = 1\nlet x = 'open")) == "1:5 expected a name after 'let'")
        #expect(T.brief(T.scriptError("let x = 1\nlet y = 'open\nlet = 1")) == "2:9 unterminated string")
    }
}
