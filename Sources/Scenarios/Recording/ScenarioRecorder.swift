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
        /// Whether this entry is not a statement but the console's `:new-request`: the request
        /// the entries before it ran in ended here, and the ones after it run in a new one.
        public var endsRequest = false

        public init(_ statementText: String, _ outcome: Outcome) {
            self.statementText = statementText
            self.outcome = outcome
        }

        /// The console's `:new-request`.
        public static var newRequest: Entry {
            var entry = Entry("", .none)
            entry.endsRequest = true
            return entry
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

    /// Records the console's `:new-request`: the current request ended here.
    public mutating func recordNewRequest() {
        entries.append(.newRequest)
    }

    /// The scenario file so far.
    public var text: String { Self.render(header: header, entries: entries) }

    /// A scenario file: the header, a `---` line, then the recorded statements, one per line
    /// (a multi-line statement keeps its lines), ending with a newline.
    ///
    /// A session that ran in one request is written as top-level statements (the scenario's
    /// implicit request). A session split by `:new-request` is written as one `request` block
    /// per request that ran statements (`request "console 1" { ... }`, ...), so each replays in
    /// its own request, ended — with automatic disposal — at its `}` as the console's request
    /// ended at `:new-request`, and a value carried from one into a later one meets the same
    /// cross-request rules (§4.12). The console's names outlive its requests, so every name a
    /// `let` or `const` declared is declared once before the first block (`let x = undefined`)
    /// and its declaration becomes an assignment. `using` and `catch` bindings stay in their
    /// block: they are disposed (or only meaningful) within the request that made them. A
    /// `request` block typed in the console is written between the console's blocks, since
    /// requests do not nest (the console's request it interrupts continues in a new block).
    public static func render(header: Header, entries: [Entry]) -> String {
        var out = header.text + "---\n"
        let requests = entries.split(whereSeparator: \.endsRequest)
        guard requests.count > 1 else {
            for entry in entries where !entry.endsRequest {
                for line in lines(for: entry) { out += line + "\n" }
            }
            return out
        }
        let hoisted = hoistedNames(entries)
        if !hoisted.isEmpty {
            out += "# The console's names outlive its requests: declared here, assigned in the requests.\n"
            for name in hoisted { out += "let \(name) = undefined\n" }
        }
        var blocks = 0
        for request in requests {
            var open = false
            for entry in request {
                let entryLines = lines(for: entry, hoisting: Set(hoisted))
                // A `request` block typed in the console cannot go inside another: it is
                // written between the console's blocks (the block before it ends there).
                if holdsRequestBlock(entry) {
                    if open { out += "}\n" }
                    open = false
                    for line in entryLines { out += line + "\n" }
                    continue
                }
                if !open {
                    blocks += 1
                    out += "request \"console \(blocks)\" {\n"
                    open = true
                }
                for line in entryLines { out += "  " + line + "\n" }
            }
            if open { out += "}\n" }
        }
        return out
    }

    /// Whether `entry` has a `request` block among its statements.
    static func holdsRequestBlock(_ entry: Entry) -> Bool {
        guard let statements = try? ScenarioParser.parseScript(fileName: "console", text: entry.statementText) else { return false }
        return statements.contains { if case .request = $0.kind { return true } else { return false } }
    }

    /// The names `let` and `const` statements of `entries` declare, in order of first
    /// declaration.
    static func hoistedNames(_ entries: [Entry]) -> [String] {
        var names: [String] = []
        for entry in entries where !entry.endsRequest {
            guard let statements = try? ScenarioParser.parseScript(fileName: "console", text: entry.statementText) else { continue }
            for statement in statements {
                if case .declaration(let kind, let name, _) = statement.kind, kind != .using, !names.contains(name.name) {
                    names.append(name.name)
                }
            }
        }
        return names
    }

    /// The script lines that record `entry`; a `let` or `const` of a name in `hoisting` is
    /// written as an assignment to it (see ``render(header:entries:)``).
    public static func lines(for entry: Entry, hoisting: Set<String> = []) -> [String] {
        let parsed: [Statement]
        do {
            parsed = try ScenarioParser.parseScript(fileName: "console", text: entry.statementText)
        } catch {
            return commented(entry.statementText, note: "not recorded, it does not parse: \(error.message)")
        }
        let statements = hoisting.isEmpty ? parsed : parsed.map { assigning($0, hoisting) }
        guard let last = statements.last else { return [] }
        return statements.dropLast().map(\.text) + lines(for: last, entry.outcome)
    }

    /// `statement`, or, when it declares a name of `hoisting` with `let` or `const`, the
    /// assignment of the same expression to that name.
    static func assigning(_ statement: Statement, _ hoisting: Set<String>) -> Statement {
        guard case .declaration(let kind, let name, let value) = statement.kind, kind != .using, hoisting.contains(name.name)
        else { return statement }
        let assignment = Statement(.assignment(name, .assign, value))
        return Statement(assignment.kind, range: statement.range, text: assignment.description)
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
