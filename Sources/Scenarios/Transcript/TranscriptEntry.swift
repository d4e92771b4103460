/// One line (or a few) of a transcript: a step heading, a statement with what it did, or the
/// opening and closing of a block.
public enum TranscriptEntry: Sendable, Hashable {
    /// `step "text"`: a heading.
    case step(text: String, line: Int)
    /// A statement and its outcome. `depth` is the nesting in blocks; `inFunction` marks a
    /// statement that ran inside an arrow function (only logs and failed expectations of
    /// function bodies are recorded).
    case statement(line: Int, depth: Int, source: String, outcome: TranscriptOutcome, inFunction: Bool)
    /// The first line of a block or request block (`request "label" {`), with a note such as
    /// the context the request runs in.
    case blockStart(line: Int, depth: Int, source: String, note: String?)
    /// The `}` of a block, with a note such as `request ended`.
    case blockEnd(line: Int, depth: Int, note: String?)
    /// A line the interpreter adds (the end of the implicit request, for instance).
    case note(String)

    /// Whether this entry is a failed expectation.
    public var isFailure: Bool {
        if case .statement(_, _, _, .failed, _) = self { return true }
        return false
    }
}

/// What a statement did, as a transcript shows it.
public enum TranscriptOutcome: Sendable, Hashable {
    /// Nothing worth printing.
    case none
    /// The statement's value (a declaration's bound value, an expression's value), summarised.
    case value(String)
    /// An expectation that held.
    case held
    /// An expectation that failed, with what was expected and what happened.
    case failed(expected: String, actual: String)
    /// An error nobody caught; the run stops here.
    case error(String)
    /// `log` / `console.log`: the text printed.
    case logged(String)
    /// Anything else worth a word (`sleep`: the clock after it).
    case note(String)
}
