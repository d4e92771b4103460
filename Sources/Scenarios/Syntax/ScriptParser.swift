/// A recursive-descent parser from tokens to ``Statement``s.
///
/// Guarantees, whatever the input:
/// * every loop consumes a token per iteration or returns/throws (tokens end with `.end` or
///   `.invalid`, and ``advance()`` never moves past the last one);
/// * recursion is bounded: each nesting construct (brackets, unary operators, blocks, function
///   bodies) goes through ``enterNesting(at:)``, capped at ``ScenarioParser/maximumNesting``;
///   the binary-operator recursion adds at most one frame per precedence level;
/// * every node's ``Expression/height`` is capped at ``ScenarioParser/maximumHeight``, so trees
///   built by loops (`a.b.c...`, `1 + 1 + ...`) stay shallow enough for recursive walks.
///
/// Newlines end statements, except inside `(...)`, `[...]` and object literals, where they are
/// skipped (``newlineModes``), and after a binary operator, `=`, `=>` and a few keywords, where an
/// operand must follow. A line starting with `.` continues the member chain of the line above.
///
/// A class so that debug builds do not copy the parser's state on every helper call; one
/// instance parses one script on one thread and is then dropped.
final class ScriptParser {
    private let file: SourceFile
    private let tokens: [Token]
    private var index = 0
    /// Innermost last: the bracket whose contents are being parsed (newlines are insignificant
    /// there), or `nil` where newlines end statements (the script, a block, a function body).
    private var newlineModes: [Token?] = [nil] {
        didSet { insideBrackets = newlineModes.last.map { $0 != nil } ?? false }
    }
    /// Whether newlines are currently insignificant (the innermost mode is a bracket); kept in
    /// step with ``newlineModes`` because it is read for every token.
    private var insideBrackets = false
    private var nesting = 0
    private var functionDepth = 0
    private var requestDepth = 0
    /// The last consumed token that is not a newline.
    private var previous: Token?
    /// Token index of each opening bracket to the index of its closing bracket.
    private let matching: [Int: Int]

    /// A parser over the given tokens (which must end with `.end` or `.invalid`).
    init(file: SourceFile, tokens: [Token]) {
        self.file = file
        self.tokens =
            tokens.isEmpty ? [Token(kind: .end, range: .point(SourceLocation(line: 1, column: 1)), start: 0, end: 0)] : tokens
        var matching: [Int: Int] = [:]
        var stack: [(index: Int, opener: Punctuator)] = []
        var index = 0
        while index < self.tokens.count {
            defer { index += 1 }
            guard case .punctuator(let p) = self.tokens[index].kind else { continue }
            switch p {
            case .leftParen, .leftBracket, .leftBrace:
                stack.append((index, p))
            case .rightParen, .rightBracket, .rightBrace:
                let opener: Punctuator = p == .rightParen ? .leftParen : p == .rightBracket ? .leftBracket : .leftBrace
                if let last = stack.last, last.opener == opener {
                    stack.removeLast()
                    matching[last.index] = index
                }
            default:
                break
            }
        }
        self.matching = matching
    }

    /// Parses the script of `file` starting at scalar offset `start`.
    static func parse(_ file: SourceFile, from start: Int) throws(ScenarioDiagnostic) -> [Statement] {
        try ScriptParser(file: file, tokens: Lexer.tokenize(file, from: start)).parseStatements(until: .endOfFile)
    }

    // MARK: Tokens

    private func current() throws(ScenarioDiagnostic) -> Token {
        if insideBrackets { skipNewlines() }
        let token = tokens[index]
        if case .invalid(let diagnostic) = token.kind { throw diagnostic }
        return token
    }

    private func skipNewlines() {
        while index < tokens.count - 1, tokens[index].isNewline { index += 1 }
    }

    @discardableResult
    private func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        if !token.isNewline { previous = token }
        return token
    }

    /// The index of the first token at or after `start` that is not a newline.
    private func significantIndex(from start: Int) -> Int {
        var i = Swift.min(start, tokens.count - 1)
        while i < tokens.count - 1, tokens[i].isNewline { i += 1 }
        return i
    }

    /// Where to report a missing token when `token` is what was found instead: right after the
    /// previous token if `token` is on a later line (or is the end of a line or of the file),
    /// else at `token`.
    private func missingRange(_ token: Token) -> SourceRange {
        guard let previous else { return token.range }
        switch token.kind {
        case .newline, .end: return .point(previous.range.end)
        default: return token.range.start.line > previous.range.end.line ? .point(previous.range.end) : token.range
        }
    }

    private func fail(_ message: String, at range: SourceRange, hint: String? = nil) -> ScenarioDiagnostic {
        ScenarioDiagnostic(file: file, range: range, message: message, hint: hint)
    }

    private func enterNesting(at token: Token) throws(ScenarioDiagnostic) {
        nesting += 1
        if nesting > ScenarioParser.maximumNesting {
            throw fail(
                "nesting is too deep (more than \(ScenarioParser.maximumNesting) levels)", at: token.range,
                hint: "flatten it, or split it into several statements")
        }
    }

    private func isStatementEnd(_ token: Token) -> Bool {
        switch token.kind {
        case .newline, .end, .punctuator(.semicolon), .punctuator(.rightBrace): true
        default: false
        }
    }

    private static func startsExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .number, .bigint, .string: true
        case .punctuator(let p): [.leftParen, .leftBracket, .leftBrace, .minus, .bang].contains(p)
        default: false
        }
    }

    /// Throws "expected an expression after 'KEYWORD'" when the statement ends at `token`.
    private func requireOperand(after keyword: Token, example: String? = nil) throws(ScenarioDiagnostic) {
        let token = try current()
        guard isStatementEnd(token) else { return }
        let name = keyword.spelling
        throw fail("expected an expression after \(name)", at: missingRange(token), hint: example.map { "for example: \($0)" })
    }

    private func makeExpression(_ kind: Expression.Kind, from first: Token) throws(ScenarioDiagnostic) -> Expression {
        let end = previous?.range.end ?? first.range.end
        let expression = Expression(kind, range: SourceRange(start: first.range.start, end: Swift.max(end, first.range.start)))
        if expression.height > ScenarioParser.maximumHeight {
            throw fail(
                "this expression is nested too deeply (more than \(ScenarioParser.maximumHeight) levels)",
                at: previous?.range ?? first.range, hint: "split it into several statements with let")
        }
        return expression
    }

    // MARK: Statements

    private enum ListEnd {
        case endOfFile
        case brace(open: Token, what: String)
    }

    private func parseStatements(until listEnd: ListEnd) throws(ScenarioDiagnostic) -> [Statement] {
        var statements: [Statement] = []
        while true {
            let token = try current()
            switch token.kind {
            case .newline, .punctuator(.semicolon):
                advance()
            case .end:
                if case .brace(let open, let what) = listEnd {
                    throw fail(
                        "unclosed \(what): this '{' has no matching '}'", at: open.range,
                        hint: "add a '}' where the \(what) ends")
                }
                return statements
            case .punctuator(.rightBrace):
                if case .brace = listEnd { return statements }
                throw fail(
                    "unexpected '}' with no open block to close", at: token.range,
                    hint: "remove it, or add the '{' it was meant to close")
            default:
                let statement = try parseStatement()
                statements.append(statement)
                switch statement.kind {
                case .block, .request: break  // a closing '}' ends the statement, as in JavaScript
                default: try expectStatementEnd()
                }
            }
        }
    }

    private func expectStatementEnd() throws(ScenarioDiagnostic) {
        let token = try current()
        if isStatementEnd(token) { return }
        switch token.kind {
        case .punctuator(.increment), .punctuator(.decrement):
            let op = token.isPunctuator(.increment) ? "+=" : "-="
            throw fail("'\(token.spelling.dropFirst().dropLast())' is not supported", at: token.range, hint: "write x \(op) 1")
        case .punctuator(.arrow):
            throw fail(
                "an arrow function here must be wrapped in parentheses", at: token.range,
                hint: "write (x) => ... where a value is expected")
        default:
            throw fail(
                "expected the end of the statement, found \(token.spelling)", at: token.range,
                hint: "put each statement on its own line, or separate statements with ';'")
        }
    }

    private func parseStatement() throws(ScenarioDiagnostic) -> Statement {
        let first = try current()
        let kind = try parseStatementKind(first)
        let last = previous ?? first
        let statement = Statement(
            kind, range: SourceRange(start: first.range.start, end: Swift.max(first.range.end, last.range.end)),
            text: file.string(from: first.start, to: Swift.max(first.end, last.end)))
        if statement.height > ScenarioParser.maximumHeight {
            throw fail(
                "this statement is nested too deeply (more than \(ScenarioParser.maximumHeight) levels)",
                at: .point(first.range.start), hint: "split it into several statements")
        }
        return statement
    }

    private func parseStatementKind(_ first: Token) throws(ScenarioDiagnostic) -> Statement.Kind {
        switch first.word {
        case "let": return try parseDeclaration(.let)
        case "const": return try parseDeclaration(.const)
        case "using": return try parseDeclaration(.using)
        case "expect": return try parseExpect()
        case "dispose":
            advance()
            try requireOperand(after: first, example: "dispose counter")
            return .dispose(try parseExpression())
        case "sleep": return try parseSleep()
        case "settle":
            advance()
            return .settle
        case "step":
            advance()
            let text = try current()
            guard case .string(let narration) = text.kind else {
                throw fail(
                    "expected the step's text in quotes after 'step'", at: missingRange(text),
                    hint: "for example: step \"Ask the counter service for a counter\"")
            }
            advance()
            return .step(narration)
        case "log":
            advance()
            try requireOperand(after: first, example: "log x")
            return .log([try parseExpression()])
        case "request": return try parseRequest()
        case "return": return try parseReturn()
        default:
            if first.isPunctuator(.leftBrace) { return .block(try parseBlock(what: "block")) }
            if first.isPunctuator(.decrement), index + 1 < tokens.count, tokens[index + 1].isPunctuator(.minus) {
                throw fail(
                    "unexpected '---' in the script", at: first.range.union(tokens[index + 1].range),
                    hint: "only the first '---' line separates the header from the script")
            }
            return try parseExpressionStatement()
        }
    }

    private func parseDeclaration(_ kind: DeclarationKind) throws(ScenarioDiagnostic) -> Statement.Kind {
        advance()
        let nameToken = try current()
        guard let name = nameToken.word else {
            if nameToken.isPunctuator(.leftBrace) || nameToken.isPunctuator(.leftBracket) {
                throw fail(
                    "destructuring is not supported", at: nameToken.range, hint: "bind one name: \(kind) x = EXPR")
            }
            throw fail(
                "expected a name after '\(kind)'", at: missingRange(nameToken), hint: "for example: \(kind) x = 1")
        }
        if Keywords.reserved.contains(name) {
            throw fail("'\(name)' is a reserved word and cannot name a variable", at: nameToken.range, hint: "choose another name")
        }
        advance()
        let assign = try current()
        guard assign.isPunctuator(.assign) else {
            let hint =
                kind == .using
                ? "'using' needs a value to dispose: using \(name) = EXPR" : "give it a value: \(kind) \(name) = EXPR"
            throw fail("expected '=' after '\(kind) \(name)'", at: missingRange(assign), hint: hint)
        }
        advance()
        skipNewlines()
        let identifier = Identifier(name, range: nameToken.range)
        let value = try current()
        if value.isWord("catch") {
            guard kind != .using else {
                throw fail(
                    "'using' cannot be combined with 'catch'", at: value.range,
                    hint: "catch the error with let: let \(name) = catch EXPR")
            }
            advance()
            try requireOperand(after: value, example: "\(kind) \(name) = catch await env.S.fail()")
            return .catchDeclaration(kind, identifier, try parseExpression())
        }
        try requireOperand(after: assign, example: "\(kind) \(name) = 1")
        return .declaration(kind, identifier, try parseExpression())
    }

    private func parseExpect() throws(ScenarioDiagnostic) -> Statement.Kind {
        let keyword = advance()
        try requireOperand(after: keyword, example: "expect x == 1")
        let subject = try parseExpression()
        let next = try current()
        if next.isWord("throws") {
            advance()
            let token = try current()
            switch token.kind {
            case .identifier(let name) where !Keywords.reserved.contains(name):
                advance()
                let errorName = Identifier(name, range: token.range)
                let message = try current()
                if case .string(let text) = message.kind {
                    advance()
                    return .expect(.throwsError(subject, name: errorName, messageContains: text))
                }
                guard isStatementEnd(message) else {
                    throw fail(
                        "unknown 'throws' form: expected the message in quotes after '\(name)', found \(message.spelling)",
                        at: message.range, hint: "write 'throws', 'throws TypeError' or 'throws TypeError \"text\"'")
                }
                return .expect(.throwsError(subject, name: errorName, messageContains: nil))
            case .string:
                throw fail(
                    "expected an error name before the message", at: token.range,
                    hint: "write: expect EXPR throws Error \"text\"")
            default:
                if isStatementEnd(token) { return .expect(.throwsError(subject, name: nil, messageContains: nil)) }
                throw fail(
                    "unknown 'throws' form: expected an error name, found \(token.spelling)", at: token.range,
                    hint: "write 'throws', 'throws TypeError' or 'throws TypeError \"text\"'")
            }
        }
        if case .binary(let op, let lhs, let rhs) = subject.kind, let comparison = op.comparison {
            return .expect(.comparison(lhs, comparison, rhs))
        }
        return .expect(.truthy(subject))
    }

    private func parseSleep() throws(ScenarioDiagnostic) -> Statement.Kind {
        advance()
        let token = try current()
        switch token.kind {
        case .duration(let milliseconds):
            advance()
            return .sleep(.milliseconds(milliseconds))
        case .number:
            throw fail("a duration needs a unit", at: token.range, hint: "write 250ms or 2s")
        default:
            throw fail(
                "expected a duration after 'sleep'", at: missingRange(token), hint: "for example: sleep 250ms or sleep 2s")
        }
    }

    private func parseRequest() throws(ScenarioDiagnostic) -> Statement.Kind {
        let keyword = advance()
        if functionDepth > 0 {
            throw fail(
                "a request block cannot be inside a function", at: keyword.range,
                hint: "requests are made by the script itself, at the top level or in a block")
        }
        if requestDepth > 0 {
            throw fail(
                "a request block cannot be inside another request block", at: keyword.range,
                hint: "close the first request block before starting the next")
        }
        let labelToken = try current()
        guard case .string(let label) = labelToken.kind else {
            throw fail(
                "expected a label in quotes after 'request'", at: missingRange(labelToken),
                hint: "write: request \"label\" { ... }")
        }
        advance()
        skipNewlines()
        let open = try current()
        guard open.isPunctuator(.leftBrace) else {
            throw fail(
                "expected '{' to start the body of request \"\(label)\"", at: missingRange(open),
                hint: "write: request \"\(label)\" { ... }")
        }
        requestDepth += 1
        defer { requestDepth -= 1 }
        return .request(label: label, body: try parseBlock(what: "request block"))
    }

    private func parseReturn() throws(ScenarioDiagnostic) -> Statement.Kind {
        let keyword = advance()
        guard functionDepth > 0 else {
            throw fail(
                "'return' is only allowed inside the body of an arrow function", at: keyword.range,
                hint: "a function with statements is written (x) => { ...; return x }")
        }
        let token = try current()
        return isStatementEnd(token) ? .return(nil) : .return(try parseExpression())
    }

    /// Parses `{ statements }` at the current `{`; `what` names it in diagnostics.
    private func parseBlock(what: String) throws(ScenarioDiagnostic) -> [Statement] {
        let open = advance()
        try enterNesting(at: open)
        defer { nesting -= 1 }
        newlineModes.append(nil)
        defer { newlineModes.removeLast() }
        let body = try parseStatements(until: .brace(open: open, what: what))
        advance()  // the '}' that ended the list
        return body
    }

    private func parseExpressionStatement() throws(ScenarioDiagnostic) -> Statement.Kind {
        let expression = try parseExpression()
        let token = try current()
        let op: AssignmentOperator? =
            switch token.kind {
            case .punctuator(.assign): .assign
            case .punctuator(.plusAssign): .add
            case .punctuator(.minusAssign): .subtract
            default: nil
            }
        if let op {
            guard case .identifier(let name) = expression.kind else { throw assignmentTargetError(expression) }
            advance()
            skipNewlines()
            let value = try current()
            if value.isWord("catch") {
                throw fail(
                    "'catch' can only start the value of a let or const declaration", at: value.range,
                    hint: "declare a new name: let e = catch EXPR")
            }
            try requireOperand(after: token, example: "\(name) \(op) 1")
            return .assignment(Identifier(name, range: expression.range), op, try parseExpression())
        }
        if case .call(let callee, let arguments) = expression.kind, case .member(let base, let member) = callee.kind,
            base.kind == .identifier("console"), member.name == "log"
        {
            return .log(arguments)
        }
        return .expression(expression)
    }

    private func assignmentTargetError(_ target: Expression) -> ScenarioDiagnostic {
        let hint = "only a variable declared with let can be assigned"
        switch target.kind {
        case .number, .bigint, .string, .boolean, .null, .undefined, .array, .object, .bytes:
            return fail("cannot assign to a literal", at: target.range, hint: hint)
        case .member, .index:
            return fail("cannot assign to a property", at: target.range, hint: hint)
        default:
            return fail("cannot assign to this expression", at: target.range, hint: hint)
        }
    }

    // MARK: Expressions

    private func parseExpression() throws(ScenarioDiagnostic) -> Expression {
        let first = try current()
        try enterNesting(at: first)
        defer { nesting -= 1 }
        if isArrowStart(at: index) { return try parseArrow(start: first) }
        if first.isWord("async"), index + 1 < tokens.count, isArrowStart(at: index + 1) {
            advance()
            return try parseArrow(start: first)
        }
        return try parseBinary(minimumPrecedence: 1)
    }

    /// Whether the tokens at `position` start an arrow function: `x =>` or `( ... ) =>`.
    private func isArrowStart(at position: Int) -> Bool {
        let token = tokens[position]
        let after: Int
        if let word = token.word, !Keywords.reserved.contains(word) {
            after = position + 1
        } else if token.isPunctuator(.leftParen), let close = matching[position] {
            after = close + 1
        } else {
            return false
        }
        guard after < tokens.count else { return false }
        let next = insideBrackets ? significantIndex(from: after) : after
        return tokens[next].isPunctuator(.arrow)
    }

    private func parseArrow(start: Token) throws(ScenarioDiagnostic) -> Expression {
        let parameters = try parseParameters()
        let arrow = try current()
        guard arrow.isPunctuator(.arrow) else {
            throw fail("expected '=>' after the parameters", at: missingRange(arrow), hint: "write (a, b) => ...")
        }
        advance()
        skipNewlines()
        let bodyStart = try current()
        let body: Expression.ArrowBody
        if bodyStart.isPunctuator(.leftBrace) {
            functionDepth += 1
            defer { functionDepth -= 1 }
            body = .block(try parseBlock(what: "function body"))
        } else if isStatementEnd(bodyStart) {
            throw fail(
                "expected the body of the arrow function after '=>'", at: missingRange(bodyStart),
                hint: "write (x) => x + 1 or (x) => { ...; return x }")
        } else {
            body = .expression(try parseExpression())
        }
        return try makeExpression(.arrow(parameters: parameters, body: body), from: start)
    }

    private func parseParameters() throws(ScenarioDiagnostic) -> [Identifier] {
        let first = try current()
        if let name = first.word {
            advance()
            return [Identifier(name, range: first.range)]
        }
        newlineModes.append(advance())  // '('
        defer { newlineModes.removeLast() }
        var parameters: [Identifier] = []
        while true {
            let token = try current()
            if token.isPunctuator(.rightParen) {
                advance()
                return parameters
            }
            guard let name = token.word, !Keywords.reserved.contains(name) else {
                throw fail(
                    "expected a parameter name, found \(token.spelling)", at: token.range,
                    hint: "parameters are plain names: (a, b) => ...")
            }
            if parameters.contains(where: { $0.name == name }) {
                throw fail("duplicate parameter '\(name)'", at: token.range, hint: "give each parameter its own name")
            }
            advance()
            parameters.append(Identifier(name, range: token.range))
            let separator = try current()
            if separator.isPunctuator(.comma) {
                advance()
            } else if !separator.isPunctuator(.rightParen) {
                throw fail(
                    "expected ',' or ')' after the parameter '\(name)'", at: separator.range,
                    hint: "parameters are plain names: default values and destructuring are not supported")
            }
        }
    }

    private func parseBinary(minimumPrecedence: Int) throws(ScenarioDiagnostic) -> Expression {
        let first = try current()
        var left = try parseUnary()
        while true {
            let token = try current()
            guard case .punctuator(let p) = token.kind else { return left }
            if p == .strictEqual || p == .strictNotEqual {
                let plain = p == .strictEqual ? "==" : "!="
                throw fail(
                    "'\(p.rawValue)' is not an operator of the scenario language", at: token.range,
                    hint: "write '\(plain)': it compares values deeply and stubs by identity")
            }
            guard let op = BinaryOperator(rawValue: p.rawValue), op.precedence >= minimumPrecedence else { return left }
            advance()
            skipNewlines()
            let right = try parseBinary(minimumPrecedence: op.precedence + 1)
            left = try makeExpression(.binary(op, left, right), from: first)
        }
    }

    private func parseUnary() throws(ScenarioDiagnostic) -> Expression {
        let token = try current()
        let op: UnaryOperator?
        switch token.kind {
        case .punctuator(.minus): op = .negate
        case .punctuator(.bang): op = .not
        case .identifier("typeof"): op = .typeof
        case .identifier("await"): op = nil
        case .punctuator(.plus):
            throw fail("unary '+' is not supported", at: token.range, hint: "write the value without '+'")
        case .punctuator(.increment), .punctuator(.decrement):
            throw fail("'\(token.spelling.dropFirst().dropLast())' is not supported", at: token.range, hint: "write x += 1 or x -= 1")
        default:
            return try parsePostfix()
        }
        try enterNesting(at: token)
        defer { nesting -= 1 }
        advance()
        skipNewlines()
        if op == .negate, let folded = try foldNegativeLiteral(minus: token) { return folded }
        let operand = try parseUnary()
        if let op { return try makeExpression(.unary(op, operand), from: token) }
        return try makeExpression(.await(operand), from: token)
    }

    /// `-` directly before a number or bigint literal that is not the base of a member access,
    /// index or call becomes a negative literal (so `-0` is negative zero, `-2.5` one number).
    private func foldNegativeLiteral(minus: Token) throws(ScenarioDiagnostic) -> Expression? {
        let token = try current()
        let kind: Expression.Kind
        switch token.kind {
        case .number(let value): kind = .number(NumberLiteral(-value))
        case .bigint(let digits): kind = .bigint(digits == "0" ? "0" : "-" + digits)
        default: return nil
        }
        let saved = index
        advance()
        if postfixContinues() {
            index = saved
            previous = minus
            return nil
        }
        return try makeExpression(kind, from: minus)
    }

    /// Whether a member access, index or call follows; moves past newlines when the chain
    /// continues on the next line (`.` always may; `[` and `(` only inside brackets).
    private func postfixContinues() -> Bool {
        let token = tokens[index]
        if token.isPunctuator(.dot) || token.isPunctuator(.leftBracket) || token.isPunctuator(.leftParen) {
            return true
        }
        guard token.isNewline else { return false }
        let next = significantIndex(from: index)
        let nextToken = tokens[next]
        if nextToken.isPunctuator(.dot)
            || (insideBrackets && (nextToken.isPunctuator(.leftBracket) || nextToken.isPunctuator(.leftParen)))
        {
            index = next
            return true
        }
        return false
    }

    private func parsePostfix() throws(ScenarioDiagnostic) -> Expression {
        let first = try current()
        var expression = try parsePrimary()
        while postfixContinues() {
            let token = try current()
            if token.isPunctuator(.dot) {
                advance()
                skipNewlines()
                let nameToken = try current()
                guard let name = nameToken.word else {
                    throw fail(
                        "expected a property name after '.'", at: missingRange(nameToken),
                        hint: "for example: env.SERVICE or e.message")
                }
                advance()
                expression = try makeExpression(.member(expression, Identifier(name, range: nameToken.range)), from: first)
            } else if token.isPunctuator(.leftBracket) {
                let key = try parseIndexKey(open: advance())
                expression = try makeExpression(.index(expression, key), from: first)
            } else {
                let arguments = try parseArguments(open: advance(), what: "call")
                expression = try makeExpression(.call(expression, arguments: arguments), from: first)
            }
        }
        return expression
    }

    private func parseIndexKey(open: Token) throws(ScenarioDiagnostic) -> Expression {
        newlineModes.append(open)
        defer { newlineModes.removeLast() }
        let key = try parseExpression()
        let close = try current()
        guard close.isPunctuator(.rightBracket) else {
            throw fail(
                "expected ']' to close the index started at \(open.range.start)", at: missingRange(close),
                hint: "every '[' needs a matching ']'")
        }
        advance()
        return key
    }

    /// Parses arguments after `open` (already consumed) up to and including the `)`.
    private func parseArguments(open: Token, what: String) throws(ScenarioDiagnostic) -> [Expression] {
        newlineModes.append(open)
        defer { newlineModes.removeLast() }
        var arguments: [Expression] = []
        while true {
            if try current().isPunctuator(.rightParen) {
                advance()
                return arguments
            }
            arguments.append(try parseExpression())
            let separator = try current()
            if separator.isPunctuator(.comma) {
                advance()
            } else if !separator.isPunctuator(.rightParen) {
                throw fail(
                    "expected ')' to close the \(what) started at \(open.range.start)", at: missingRange(separator),
                    hint: Self.startsExpression(separator) && missingRange(separator) == separator.range
                        ? "separate arguments with ','" : "every '(' needs a matching ')'")
            }
        }
    }

    private func parsePrimary() throws(ScenarioDiagnostic) -> Expression {
        let token = try current()
        switch token.kind {
        case .number(let value):
            advance()
            return try makeExpression(.number(NumberLiteral(value)), from: token)
        case .bigint(let digits):
            advance()
            return try makeExpression(.bigint(digits), from: token)
        case .string(let text):
            advance()
            return try makeExpression(.string(text), from: token)
        case .duration:
            throw fail(
                "a duration like \(file.string(from: token.start, to: token.end)) can only follow 'sleep'",
                at: token.range, hint: "for a number of milliseconds, write the number alone")
        case .identifier(let word):
            return try parseWord(word, token)
        case .punctuator(.leftParen):
            return try parseParenthesized()
        case .punctuator(.leftBracket):
            return try parseArray()
        case .punctuator(.leftBrace):
            return try parseObject()
        case .newline, .end:
            throw fail("expected an expression after \(previous?.spelling ?? "this")", at: missingRange(token))
        default:
            throw fail("expected an expression, found \(token.spelling)", at: token.range)
        }
    }

    private func parseWord(_ word: String, _ token: Token) throws(ScenarioDiagnostic) -> Expression {
        let literal: Expression.Kind? =
            switch word {
            case "true": .boolean(true)
            case "false": .boolean(false)
            case "null": .null
            case "undefined": .undefined
            case "NaN": .number(NumberLiteral(.nan))
            case "Infinity": .number(NumberLiteral(.infinity))
            default: nil
            }
        if let literal {
            advance()
            return try makeExpression(literal, from: token)
        }
        let next = tokens[Swift.min(index + 1, tokens.count - 1)]
        switch word {
        case "new":
            return try parseNew()
        case "bytes" where next.isPunctuator(.leftParen):
            return try parseBytes()
        case "rpcTarget":
            return try parseRpcTarget()
        case "Object":
            return try parseObjectIs()
        case "catch":
            throw fail(
                "'catch' can only start the value of a let or const declaration", at: token.range,
                hint: "write: let e = catch EXPR")
        case "throws":
            throw fail(
                "'throws' can only follow the expression of an expect statement", at: token.range,
                hint: "write: expect EXPR throws TypeError")
        default:
            break
        }
        if Keywords.statement.contains(word) || word == "typeof" || word == "await" {
            var hint = "statements go on their own line, or after ';'"
            if let open = newlineModes.last.flatMap({ $0 }), let previous, token.range.start.line > previous.range.end.line {
                hint = "the '\(open.spelling.dropFirst().dropLast())' at \(open.range.start) is never closed"
            }
            throw fail("expected an expression, found '\(word)', which starts a statement", at: token.range, hint: hint)
        }
        if next.isPunctuator(.arrow) {
            throw fail(
                "an arrow function here must be wrapped in parentheses", at: token.range,
                hint: "write (\(word) => ...)")
        }
        advance()
        return try makeExpression(.identifier(word), from: token)
    }

    private func parseNew() throws(ScenarioDiagnostic) -> Expression {
        let newToken = advance()
        skipNewlines()
        let nameToken = try current()
        guard let name = nameToken.word else {
            throw fail(
                "expected a constructor name after 'new'", at: missingRange(nameToken), hint: "for example: new Date(0)")
        }
        guard let constructor = Constructor(rawValue: name) else {
            throw fail(
                "'new \(name)' is not supported", at: nameToken.range,
                hint: Suggestion.hint(
                    for: name, among: Constructor.allCases.map(\.rawValue), listIntro: "the constructors are "))
        }
        advance()
        let open = try current()
        guard open.isPunctuator(.leftParen) else {
            throw fail("expected '(' after 'new \(name)'", at: missingRange(open), hint: "write new \(name)(...)")
        }
        let arguments = try parseArguments(open: advance(), what: "call")
        return try makeExpression(.new(constructor, arguments: arguments), from: newToken)
    }

    private func parseBytes() throws(ScenarioDiagnostic) -> Expression {
        let bytesToken = advance()
        let open = advance()
        let example = "for example: bytes(\"68656c6c6f\")"
        let arguments = try parseArguments(open: open, what: "call")
        guard arguments.count == 1, case .string(let hex) = arguments[0].kind else {
            throw fail(
                "bytes(...) takes one string of hex digits", at: arguments.last?.range ?? open.range, hint: example)
        }
        let digits = hex.unicodeScalars.filter { $0 != " " }
        var bytes: [UInt8] = []
        var high: Int?
        for scalar in digits {
            guard let value = Lexer.digitValue(scalar), value < 16 else {
                throw fail("'\(Character(scalar))' is not a hex digit", at: arguments[0].range, hint: example)
            }
            if let h = high {
                bytes.append(UInt8(h * 16 + value))
                high = nil
            } else {
                high = value
            }
        }
        if high != nil {
            throw fail("bytes(...) needs an even number of hex digits", at: arguments[0].range, hint: "two hex digits per byte")
        }
        return try makeExpression(.bytes(bytes), from: bytesToken)
    }

    private func parseRpcTarget() throws(ScenarioDiagnostic) -> Expression {
        let name = advance()
        let hint = "write rpcTarget({ method: (x) => ... })"
        let open = try current()
        guard open.isPunctuator(.leftParen) else {
            throw fail("rpcTarget must be called with an object", at: name.range, hint: hint)
        }
        let arguments = try parseArguments(open: advance(), what: "call")
        guard arguments.count == 1 else {
            throw fail(
                "rpcTarget(...) takes exactly one argument", at: arguments.count > 1 ? arguments[1].range : open.range,
                hint: hint)
        }
        return try makeExpression(.rpcTarget(arguments[0]), from: name)
    }

    private func parseObjectIs() throws(ScenarioDiagnostic) -> Expression {
        let object = advance()
        let hint = "write Object.is(a, b)"
        guard index + 2 < tokens.count, tokens[index].isPunctuator(.dot), tokens[index + 1].isWord("is"),
            tokens[index + 2].isPunctuator(.leftParen)
        else {
            throw fail("only Object.is(a, b) is supported", at: object.range, hint: hint)
        }
        advance()
        advance()
        let open = advance()
        let arguments = try parseArguments(open: open, what: "call")
        guard arguments.count == 2 else {
            throw fail(
                "Object.is takes exactly two arguments", at: arguments.count > 2 ? arguments[2].range : open.range,
                hint: hint)
        }
        return try makeExpression(.sameValue(arguments[0], arguments[1]), from: object)
    }

    private func parseParenthesized() throws(ScenarioDiagnostic) -> Expression {
        let open = advance()
        newlineModes.append(open)
        defer { newlineModes.removeLast() }
        let first = try current()
        if first.isPunctuator(.rightParen) {
            throw fail(
                "expected an expression inside '()'", at: first.range,
                hint: "a function without parameters is written () => ...")
        }
        let inner = try parseExpression()
        let close = try current()
        guard close.isPunctuator(.rightParen) else {
            throw fail(
                "expected ')' to close the '(' at \(open.range.start)", at: missingRange(close),
                hint: "every '(' needs a matching ')'")
        }
        advance()
        return inner
    }

    private func parseArray() throws(ScenarioDiagnostic) -> Expression {
        let open = advance()
        newlineModes.append(open)
        defer { newlineModes.removeLast() }
        var elements: [Expression] = []
        while true {
            let token = try current()
            if token.isPunctuator(.rightBracket) {
                advance()
                return try makeExpression(.array(elements), from: open)
            }
            if token.isPunctuator(.comma) {
                throw fail("empty array element", at: token.range, hint: "remove the extra ','")
            }
            elements.append(try parseExpression())
            let separator = try current()
            if separator.isPunctuator(.comma) {
                advance()
            } else if !separator.isPunctuator(.rightBracket) {
                throw fail(
                    "expected ']' to close the array started at \(open.range.start)", at: missingRange(separator),
                    hint: Self.startsExpression(separator) && missingRange(separator) == separator.range
                        ? "separate elements with ','" : "every '[' needs a matching ']'")
            }
        }
    }

    private func parseObject() throws(ScenarioDiagnostic) -> Expression {
        let open = advance()
        newlineModes.append(open)
        defer { newlineModes.removeLast() }
        var properties: [ObjectProperty] = []
        var seen: [String: SourceRange] = [:]
        while true {
            let token = try current()
            if token.isPunctuator(.rightBrace) {
                advance()
                return try makeExpression(.object(properties), from: open)
            }
            let key: String
            switch token.kind {
            case .identifier(let word): key = word
            case .string(let text): key = text
            case .number(let value): key = NumberLiteral(value).description
            case .punctuator(.leftBracket):
                throw fail(
                    "computed property names are not supported", at: token.range,
                    hint: "write the key as a name or a string")
            default:
                throw fail(
                    "expected a property name, found \(token.spelling)", at: missingRange(token),
                    hint: "write name: value or \"name\": value")
            }
            advance()
            if let earlier = seen[key] {
                throw fail("duplicate property '\(key)'", at: token.range, hint: "'\(key)' is already set at \(earlier.start)")
            }
            seen[key] = token.range
            let next = try current()
            let value: Expression
            if next.isPunctuator(.colon) {
                advance()
                value = try parseExpression()
            } else if (next.isPunctuator(.comma) || next.isPunctuator(.rightBrace)), let word = token.word,
                !Keywords.reserved.contains(word)
            {
                value = try makeExpression(.identifier(word), from: token)
            } else if next.isPunctuator(.leftParen) {
                throw fail(
                    "methods are written as arrow functions", at: token.range, hint: "write \(key): (x) => ...")
            } else {
                throw fail(
                    "expected ':' after the property name '\(key)'", at: missingRange(next), hint: "write \(key): value")
            }
            properties.append(ObjectProperty(key: key, keyRange: token.range, value: value))
            let separator = try current()
            if separator.isPunctuator(.comma) {
                advance()
            } else if !separator.isPunctuator(.rightBrace) {
                throw fail(
                    "expected '}' to close the object started at \(open.range.start)", at: missingRange(separator),
                    hint: Self.startsExpression(separator) && missingRange(separator) == separator.range
                        ? "separate properties with ','" : "every '{' needs a matching '}'")
            }
        }
    }
}
