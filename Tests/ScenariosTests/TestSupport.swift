import Testing

@testable import Scenarios

/// Shared helpers: parsing shortcuts and a small DSL for building expected trees without
/// locations (compare against `erasingSourceInfo()` of a parsed tree).
enum T {
    /// Parses script text (no header) or records the failure.
    static func script(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Statement] {
        do {
            return try ScenarioParser.parseScript(fileName: "t.scenario", text: text)
        } catch {
            Issue.record("unexpected diagnostic:\n\(error.rendered)", sourceLocation: sourceLocation)
            return []
        }
    }

    /// The single statement of `text`, locations erased.
    static func statement(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Statement? {
        let statements = script(text, sourceLocation: sourceLocation)
        guard statements.count == 1 else {
            Issue.record("expected one statement, got \(statements.count)", sourceLocation: sourceLocation)
            return nil
        }
        return statements[0].erasingSourceInfo()
    }

    /// The expression of the single expression statement `text`, locations kept.
    static func located(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Expression? {
        let statements = script(text, sourceLocation: sourceLocation)
        guard statements.count == 1, case .expression(let e) = statements[0].kind else {
            Issue.record("expected one expression statement", sourceLocation: sourceLocation)
            return nil
        }
        return e
    }

    /// The expression of the single expression statement `text`, locations erased.
    static func expression(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Expression? {
        located(text, sourceLocation: sourceLocation)?.erasingSourceInfo()
    }

    /// The diagnostic that parsing script `text` throws, or `nil` (recorded) if it parses.
    static func scriptError(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        -> ScenarioDiagnostic?
    {
        do {
            _ = try ScenarioParser.parseScript(fileName: "t.scenario", text: text)
            Issue.record("expected a diagnostic for: \(text)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// The diagnostic that parsing the whole file `text` throws, or `nil` (recorded).
    static func fileError(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        -> ScenarioDiagnostic?
    {
        do {
            _ = try ScenarioParser.parse(fileName: "x.scenario", text: text)
            Issue.record("expected a diagnostic", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// Parses a whole file or records the failure.
    static func file(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ParsedScenario? {
        do {
            return try ScenarioParser.parse(fileName: "x.scenario", text: text)
        } catch {
            Issue.record("unexpected diagnostic:\n\(error.rendered)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// "line:column message" of a diagnostic, the compact form most error tests compare.
    static func brief(_ d: ScenarioDiagnostic?) -> String {
        guard let d else { return "<none>" }
        return "\(d.line):\(d.column) \(d.message)"
    }

    /// A range from line/column pairs.
    static func range(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> SourceRange {
        SourceRange(start: .init(line: l1, column: c1), end: .init(line: l2, column: c2))
    }

    /// A minimal header for whole-file tests.
    static let header = "[[workers]]\nname = \"main\"\n---\n"
}

// MARK: - Tree-building DSL (no locations)

func e(_ kind: Expression.Kind) -> Expression { Expression(kind) }
func num(_ value: Double) -> Expression { e(.number(NumberLiteral(value))) }
func str(_ text: String) -> Expression { e(.string(text)) }
func id(_ name: String) -> Expression { e(.identifier(name)) }
func name(_ text: String) -> Identifier { Identifier(text) }
func member(_ base: Expression, _ property: String) -> Expression { e(.member(base, Identifier(property))) }
func call(_ callee: Expression, _ arguments: Expression...) -> Expression { e(.call(callee, arguments: arguments)) }
func bin(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression) -> Expression { e(.binary(op, lhs, rhs)) }
func un(_ op: UnaryOperator, _ operand: Expression) -> Expression { e(.unary(op, operand)) }
func await_(_ operand: Expression) -> Expression { e(.await(operand)) }
func s(_ kind: Statement.Kind) -> Statement { Statement(kind) }

// MARK: - S-expressions: every node of a tree, fully bracketed

/// The tree in a fully bracketed form that names every node, so comparing two of these strings
/// compares two trees exactly (locations aside): `(call (. env add) 1 2)`.
func sx(_ e: Expression) -> String {
    switch e.kind {
    case .number(let n): return n.description
    case .bigint(let digits): return digits + "n"
    case .string(let text): return Printer.quoted(text)
    case .boolean(let value): return value ? "true" : "false"
    case .null: return "null"
    case .undefined: return "undefined"
    case .identifier(let name): return name
    case .array(let elements): return "[" + elements.map(sx).joined(separator: " ") + "]"
    case .object(let properties): return "{" + properties.map { "\($0.key): \(sx($0.value))" }.joined(separator: ", ") + "}"
    case .new(let c, let arguments): return "(new \(c)" + arguments.map { " " + sx($0) }.joined() + ")"
    case .bytes(let bytes): return "(bytes " + bytes.map { String($0) }.joined(separator: " ") + ")"
    case .rpcTarget(let target): return "(rpcTarget \(sx(target)))"
    case .sameValue(let a, let b): return "(Object.is \(sx(a)) \(sx(b)))"
    case .member(let base, let name): return "(. \(sx(base)) \(name.name))"
    case .index(let base, let key): return "([] \(sx(base)) \(sx(key)))"
    case .call(let callee, let arguments): return "(call \(sx(callee))" + arguments.map { " " + sx($0) }.joined() + ")"
    case .await(let operand): return "(await \(sx(operand)))"
    case .unary(let op, let operand): return "(\(op) \(sx(operand)))"
    case .binary(let op, let lhs, let rhs): return "(\(op) \(sx(lhs)) \(sx(rhs)))"
    case .arrow(let parameters, let body):
        let head = "(=> (" + parameters.map(\.name).joined(separator: " ") + ") "
        switch body {
        case .expression(let value): return head + sx(value) + ")"
        case .block(let statements): return head + "{" + statements.map(sx).joined(separator: "; ") + "})"
        }
    }
}

/// A statement in the same fully bracketed form.
func sx(_ s: Statement) -> String {
    switch s.kind {
    case .declaration(let k, let name, let value): return "(\(k) \(name.name) \(sx(value)))"
    case .catchDeclaration(let k, let name, let value): return "(\(k) \(name.name) (catch \(sx(value))))"
    case .assignment(let name, let op, let value): return "(\(op) \(name.name) \(sx(value)))"
    case .expression(let value): return sx(value)
    case .expect(.truthy(let subject)): return "(expect \(sx(subject)))"
    case .expect(.comparison(let lhs, let op, let rhs)): return "(expect \(op) \(sx(lhs)) \(sx(rhs)))"
    case .expect(.throwsError(let subject, let name, let message)):
        return "(expect-throws \(sx(subject))" + (name.map { " " + $0.name } ?? "")
            + (message.map { " " + Printer.quoted($0) } ?? "") + ")"
    case .dispose(let value): return "(dispose \(sx(value)))"
    case .sleep(let duration): return "(sleep \(duration))"
    case .settle: return "(settle)"
    case .step(let text): return "(step \(Printer.quoted(text)))"
    case .log(let arguments): return "(log" + arguments.map { " " + sx($0) }.joined() + ")"
    case .block(let statements): return "(block" + statements.map { " " + sx($0) }.joined() + ")"
    case .request(let label, let body): return "(request \(Printer.quoted(label)) {" + body.map(sx).joined(separator: "; ") + "})"
    case .return(let value): return "(return" + (value.map { " " + sx($0) } ?? "") + ")"
    }
}

extension T {
    /// The S-expression of the single expression statement `text`.
    static func sxe(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        located(text, sourceLocation: sourceLocation).map(sx) ?? "<none>"
    }

    /// The S-expressions of the statements of `text`, joined by " | ".
    static func sxs(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        script(text, sourceLocation: sourceLocation).map(sx).joined(separator: " | ")
    }
}
