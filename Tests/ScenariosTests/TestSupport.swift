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
