import RPCEngine

/// Turns an interactive console session into a scenario file: the header, `---`, then every
/// statement that was run, each followed by (or turned into) an `expect` that pins down what it
/// did, so that replaying the file checks that the session still behaves the same way.
///
/// For each console entry, the statement text is parsed (``ScenarioParser/parseScript(fileName:text:)``)
/// and its last statement is recorded according to its outcome (earlier statements of a
/// `a; b` line are kept as written):
///
/// | statement | outcome | written |
/// |---|---|---|
/// | `EXPR` | value `v` | `expect EXPR == <literal of v>`, or `expect typeof EXPR == "<typeof v>"` when `v` has no literal (stubs, promises, errors, values holding them) |
/// | `EXPR` | error | `expect EXPR throws Name "message"` |
/// | `let x = EXPR` (`const`, `using`), `x = EXPR`, `x += EXPR` | value `v` | the statement, then `expect x == <literal>` (or `typeof`, as above; an error value gets `expect x.name == …` and `expect x.message == …`) |
/// | the same | error | `expect EXPR throws Name "message"` (the binding never happened) |
/// | `let e = catch EXPR` | the caught error | the statement, then `expect e.name == …`, `expect e.message == …` |
/// | anything else (`expect`, `dispose`, `sleep`, `step`, blocks, ...) | value or none | the statement as written |
/// | anything else | error | the statement commented out, with the error, so the file still runs |
/// | text that does not parse | — | commented out |
///
/// Each recorded statement evaluates its expression exactly once, as the console did, so side
/// effects (calls, ids, log lines) replay in the same order. Error names that are not plain names
/// (`My Error`) give a bare `expect EXPR throws`. The output always parses with
/// ``ScenarioParser/parse(fileName:text:)`` when the header does.
public struct ScenarioRecorder: Sendable {
    /// What running one console entry gave.
    public enum Outcome: Sendable {
        /// The statement produced this value (an expression's value; for a binding or an
        /// assignment, the value bound).
        case value(RpcValue)
        /// The statement threw or rejected.
        case error(RpcError)
        /// Nothing to show (`sleep`, `step`, a block, ...).
        case none
    }

    /// One executed console entry.
    public struct Entry: Sendable {
        /// The text the user typed: one statement, or several separated by `;` or newlines.
        public var statementText: String
        public var outcome: Outcome

        public init(_ statementText: String, _ outcome: Outcome) {
            self.statementText = statementText
            self.outcome = outcome
        }
    }

    /// The header of the recorded file.
    public var header: Header
    /// The entries recorded so far, in order.
    public private(set) var entries: [Entry] = []

    public init(header: Header) { self.header = header }

    /// Records one executed console entry.
    public mutating func record(_ statementText: String, _ outcome: Outcome) {
        entries.append(Entry(statementText, outcome))
    }

    /// The scenario file so far.
    public var text: String { Self.render(header: header, entries: entries) }

    /// A scenario file: the header, a `---` line, then the recorded statements, one per line
    /// (a multi-line statement keeps its lines), ending with a newline.
    public static func render(header: Header, entries: [Entry]) -> String {
        var out = header.text + "---\n"
        for entry in entries {
            for line in lines(for: entry) { out += line + "\n" }
        }
        return out
    }

    /// The script lines that record `entry`.
    public static func lines(for entry: Entry) -> [String] {
        let statements: [Statement]
        do {
            statements = try ScenarioParser.parseScript(fileName: "console", text: entry.statementText)
        } catch {
            return commented(entry.statementText, note: "not recorded, it does not parse: \(error.message)")
        }
        guard let last = statements.last else { return [] }
        return statements.dropLast().map(\.text) + lines(for: last, entry.outcome)
    }

    private static func lines(for statement: Statement, _ outcome: Outcome) -> [String] {
        switch (statement.kind, outcome) {
        case (.expression(let subject), .value(let value)):
            return [expectation(that: subject, is: value)]
        case (.expression(let subject), .error(let error)),
            (.declaration(_, _, let subject), .error(let error)),
            (.assignment(_, _, let subject), .error(let error)):
            return [throwsExpectation(subject, error)]
        case (.declaration(_, let name, _), .value(let value)),
            (.assignment(let name, _, _), .value(let value)),
            (.catchDeclaration(_, let name, _), .value(let value)):
            return [statement.text] + bindingExpectations(name.name, value)
        case (_, .error(let error)):
            return commented(statement.text, note: "failed in the console with \(error.name): \(error.message)")
        default:
            return [statement.text]
        }
    }

    // MARK: expectations, built as trees and printed by the parser's own printer

    /// `expect SUBJECT == LITERAL`, or `expect typeof SUBJECT == "TYPE"`.
    ///
    /// The subject is printed by the parser's printer, in parentheses when it is itself a
    /// comparison or a logical operation (`expect (a < b) == true`): the parser would read it
    /// the same way without them, but a reader might not.
    static func expectation(that subject: Expression, is value: RpcValue) -> String {
        let lhs: Expression
        let rhs: Expression
        if let literal = literalExpression(for: value) {
            (lhs, rhs) = (subject, literal)
        } else {
            (lhs, rhs) = (Expression(.unary(.typeof, subject)), Expression(.string(value.typeOf)))
        }
        let operand = BinaryOperator.add.precedence
        return "expect " + Printer.expression(lhs, minimum: operand) + " == " + Printer.expression(rhs, minimum: operand)
    }

    /// What to expect of a name just bound to `value`.
    static func bindingExpectations(_ name: String, _ value: RpcValue) -> [String] {
        let variable = Expression(.identifier(name))
        if case .error(let error) = value {
            return [
                expectation(that: Expression(.member(variable, Identifier("name"))), is: .string(error.name)),
                expectation(that: Expression(.member(variable, Identifier("message"))), is: .string(error.message)),
            ]
        }
        return [expectation(that: variable, is: value)]
    }

    /// `expect SUBJECT throws Name "message"` (a bare `throws` when the name is not a plain name).
    static func throwsExpectation(_ subject: Expression, _ error: RpcError) -> String {
        let nameIsWritable = Lexer.isIdentifier(error.name) && !Keywords.reserved.contains(error.name)
        let name = nameIsWritable ? Identifier(error.name) : nil
        let message = nameIsWritable && !error.message.isEmpty ? error.message : nil
        return Statement(.expect(.throwsError(subject, name: name, messageContains: message))).description
    }

    /// The lines of `text`, split at `\n` and `\r\n`.
    static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }

    /// `text`, every line commented out, after a comment line holding `note`.
    static func commented(_ text: String, note: String) -> [String] {
        ["# " + lines(of: note).joined(separator: " ")] + lines(of: text).map { "# " + $0 }
    }
}
