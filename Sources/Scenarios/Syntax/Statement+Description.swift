extension Statement {
    /// The statement in compact, normalised script syntax, on one line (blocks are written
    /// `{ a; b }`): `let x = await env.S.add(1, 2)`, `expect f() throws TypeError "bad"`,
    /// `sleep 250ms`. Parsing it back gives the same tree, locations and ``text`` aside.
    public var description: String {
        let e = { (expression: Expression) in Printer.expression(expression, minimum: Printer.lowest) }
        switch kind {
        case .declaration(let keyword, let name, let value):
            return "\(keyword) \(name) = \(e(value))"
        case .catchDeclaration(let keyword, let name, let value):
            return "\(keyword) \(name) = catch \(e(value))"
        case .assignment(let name, let op, let value):
            return "\(name) \(op) \(e(value))"
        case .expression(let expression):
            let text = e(expression)
            return text.hasPrefix("{") ? "(\(text))" : text
        case .expect(.truthy(let subject)):
            return "expect \(e(subject))"
        case .expect(.comparison(let lhs, let op, let rhs)):
            return "expect " + Printer.expression(Expression(.binary(op.binaryOperator, lhs, rhs)), minimum: Printer.lowest)
        case .expect(.throwsError(let subject, let name, let message)):
            var text = "expect \(e(subject)) throws"
            if let name { text += " \(name)" }
            if let message { text += " " + Printer.quoted(message) }
            return text
        case .dispose(let value):
            return "dispose \(e(value))"
        case .sleep(let duration):
            let (seconds, attoseconds) = duration.components
            return "sleep \(seconds * 1000 + attoseconds / 1_000_000_000_000_000)ms"
        case .settle:
            return "settle"
        case .step(let text):
            return "step " + Printer.quoted(text)
        case .log(let arguments):
            if arguments.count == 1 { return "log \(e(arguments[0]))" }
            return "console.log(" + arguments.map(e).joined(separator: ", ") + ")"
        case .block(let statements):
            return Printer.block(statements)
        case .request(let label, let body):
            return "request " + Printer.quoted(label) + " " + Printer.block(body)
        case .return(let value):
            return value.map { "return \(e($0))" } ?? "return"
        }
    }
}
