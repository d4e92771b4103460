/// Checks a parsed script before it runs: every name refers to a declaration (or a global), no
/// name is declared twice in one block, no `const` or `using` name is assigned, no name is used
/// before its declaration outside a function, and `runtime.*` names a real field.
///
/// These are the mistakes that can be found without running anything, so they are reported
/// like syntax errors: located, with a hint, and the file does not run (exit 2).
struct ScriptChecker {
    private struct Declared {
        let kind: DeclarationKind
        let range: SourceRange
    }

    private struct Block {
        var names: [String: Declared] = [:]
        /// Names whose declaration has run, when statements are checked in order (outside functions).
        var initialized: Set<String> = []
    }

    private let file: SourceFile
    /// Innermost last.
    private var blocks: [Block]
    /// How many arrow functions enclose the code being checked.
    private var functionDepth = 0
    /// Whether redeclaring a name of an earlier console line is allowed.
    private let allowRedeclaration: Bool

    private init(file: SourceFile, predeclared: [String: DeclarationKind], allowRedeclaration: Bool) {
        self.file = file
        var outer = Block()
        for (name, kind) in predeclared {
            outer.names[name] = Declared(kind: kind, range: .zero)
            outer.initialized.insert(name)
        }
        self.blocks = [outer]
        self.allowRedeclaration = allowRedeclaration
    }

    /// Checks a scenario's script.
    static func check(_ statements: [Statement], file: SourceFile) throws(ScenarioDiagnostic) {
        var checker = ScriptChecker(file: file, predeclared: [:], allowRedeclaration: false)
        try checker.checkBlock(statements, sharesOuterBlock: true)
    }

    /// Checks a console line, given the names earlier lines declared.
    static func checkConsoleLine(_ statements: [Statement], file: SourceFile, declared: [String: DeclarationKind])
        throws(ScenarioDiagnostic)
    {
        var checker = ScriptChecker(file: file, predeclared: declared, allowRedeclaration: true)
        try checker.checkBlock(statements, sharesOuterBlock: true)
    }

    private func fail(_ message: String, at range: SourceRange, hint: String? = nil) -> ScenarioDiagnostic {
        ScenarioDiagnostic(file: file, range: range, message: message, hint: hint)
    }

    // MARK: blocks and statements

    private mutating func checkBlock(_ statements: [Statement], sharesOuterBlock: Bool = false) throws(ScenarioDiagnostic) {
        if !sharesOuterBlock { blocks.append(Block()) }
        defer { if !sharesOuterBlock { blocks.removeLast() } }
        for statement in statements {
            switch statement.kind {
            case .declaration(let kind, let name, _), .catchDeclaration(let kind, let name, _):
                if !allowRedeclaration, let existing = blocks[blocks.count - 1].names[name.name] {
                    throw fail(
                        "'\(name.name)' is already declared in this block", at: name.range,
                        hint: "it was declared at \(existing.range.start); assign it with \(name.name) = ..., or choose another name")
                }
                blocks[blocks.count - 1].names[name.name] = Declared(kind: kind, range: name.range)
            default:
                break
            }
        }
        for statement in statements { try checkStatement(statement) }
    }

    private mutating func checkStatement(_ statement: Statement) throws(ScenarioDiagnostic) {
        switch statement.kind {
        case .declaration(_, let name, let value), .catchDeclaration(_, let name, let value):
            try checkExpression(value)
            blocks[blocks.count - 1].initialized.insert(name.name)
        case .assignment(let name, _, let value):
            try checkExpression(value)
            guard let declared = resolve(name.name) else {
                if ScriptInterpreter.globalNames.contains(name.name) {
                    throw fail("cannot assign to '\(name.name)'", at: name.range, hint: "it is a global of the script; declare a name of your own")
                }
                throw unknownName(name.name, at: name.range)
            }
            try checkInitialized(name.name, at: name.range)
            if declared.kind != .let {
                throw fail(
                    "cannot assign to '\(name.name)': it is declared with \(declared.kind)", at: name.range,
                    hint: declared.range == .zero
                        ? "declare it with let to change it" : "it is declared at \(declared.range.start); declare it with let to change it")
            }
        case .expression(let value), .dispose(let value):
            try checkExpression(value)
        case .expect(.truthy(let subject)), .expect(.throwsError(let subject, _, _)):
            try checkExpression(subject)
        case .expect(.comparison(let lhs, _, let rhs)):
            try checkExpression(lhs)
            try checkExpression(rhs)
        case .log(let values):
            for value in values { try checkExpression(value) }
        case .return(let value):
            if let value { try checkExpression(value) }
        case .block(let body), .request(_, let body):
            try checkBlock(body)
        case .sleep, .settle, .step:
            break
        }
    }

    // MARK: expressions

    private mutating func checkExpression(_ expression: Expression) throws(ScenarioDiagnostic) {
        switch expression.kind {
        case .number, .bigint, .string, .boolean, .null, .undefined, .bytes:
            break
        case .identifier(let name):
            if resolve(name) == nil && !ScriptInterpreter.globalNames.contains(name) {
                throw unknownName(name, at: expression.range)
            }
            try checkInitialized(name, at: expression.range)
        case .array(let elements):
            for element in elements { try checkExpression(element) }
        case .object(let properties):
            for property in properties { try checkExpression(property.value) }
        case .new(_, let arguments):
            for argument in arguments { try checkExpression(argument) }
        case .rpcTarget(let value), .await(let value), .unary(_, let value):
            try checkExpression(value)
        case .member(let base, let name):
            try checkExpression(base)
            if case .identifier("runtime") = base.kind, resolve("runtime") == nil,
                !ScriptInterpreter.runtimeFields.contains(name.name)
            {
                throw fail(
                    "runtime has no field '\(name.name)'", at: name.range,
                    hint: Suggestion.hint(for: name.name, among: ScriptInterpreter.runtimeFields, listIntro: "runtime's fields: "))
            }
        case .sameValue(let a, let b), .index(let a, let b), .binary(_, let a, let b):
            try checkExpression(a)
            try checkExpression(b)
        case .call(let callee, let arguments):
            try checkExpression(callee)
            for argument in arguments { try checkExpression(argument) }
        case .arrow(let parameters, let body):
            var scope = Block()
            for parameter in parameters {
                scope.names[parameter.name] = Declared(kind: .let, range: parameter.range)
                scope.initialized.insert(parameter.name)
            }
            blocks.append(scope)
            functionDepth += 1
            defer {
                functionDepth -= 1
                blocks.removeLast()
            }
            switch body {
            case .expression(let value): try checkExpression(value)
            case .block(let statements): try checkBlock(statements)
            }
        }
    }

    // MARK: names

    /// The declaration `name` refers to, innermost first.
    private func resolve(_ name: String) -> Declared? {
        for block in blocks.reversed() {
            if let declared = block.names[name] { return declared }
        }
        return nil
    }

    private func unknownName(_ name: String, at range: SourceRange) -> ScenarioDiagnostic {
        var candidates: [String] = []
        for block in blocks.reversed() { candidates += block.names.keys.sorted() }
        candidates += ScriptInterpreter.globalNames
        let hint = Suggestion.closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
            ?? "declare it first: let \(name) = ..."
        return fail("unknown name '\(name)'", at: range, hint: hint)
    }

    /// Reports a use of `name` before its declaration outside any function (JavaScript's
    /// temporal dead zone, found statically; inside a function the use may run later).
    mutating func checkInitialized(_ name: String, at range: SourceRange) throws(ScenarioDiagnostic) {
        guard functionDepth == 0 else { return }
        for block in blocks.reversed() where block.names[name] != nil {
            if !block.initialized.contains(name), let declared = block.names[name] {
                throw fail(
                    "'\(name)' is used before its declaration", at: range,
                    hint: "it is declared at \(declared.range.start); move the declaration up")
            }
            return
        }
    }
}
