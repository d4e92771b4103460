/// One token of the script, produced by ``Lexer``.
struct Token: Sendable {
    /// The kinds of token.
    enum Kind: Sendable, Equatable {
        /// A word: a name or a keyword (keywords are decided by the parser, in context).
        case identifier(String)
        /// A number literal (without sign).
        case number(Double)
        /// A bigint literal: its decimal digits without leading zeros.
        case bigint(String)
        /// A string literal, escapes decoded.
        case string(String)
        /// A duration literal (`250ms`, `2s`), a whole number of milliseconds.
        case duration(milliseconds: Int64)
        /// An operator or punctuation mark.
        case punctuator(Punctuator)
        /// The end of a line (significant: it ends statements).
        case newline
        /// The end of the script.
        case end
        /// A lexical error; the lexer stops after it, and the parser throws it when it gets there,
        /// so errors are reported in the order they appear in the file.
        indirect case invalid(ScenarioDiagnostic)
    }

    /// The kind and value.
    var kind: Kind
    /// The range in the file.
    var range: SourceRange
    /// Scalar offset of the first character.
    var start: Int
    /// Scalar offset just past the last character.
    var end: Int

    /// How a diagnostic names this token: `'foo'`, `')'`, `number 12`, `a string`, `the end of
    /// the line`, `the end of the file`.
    var spelling: String {
        switch kind {
        case .identifier(let name): "'\(name)'"
        case .number(let value): "the number \(NumberLiteral(value))"
        case .bigint(let digits): "the bigint \(digits)n"
        case .string: "a string"
        case .duration: "a duration"
        case .punctuator(let p): "'\(p.rawValue)'"
        case .newline: "the end of the line"
        case .end: "the end of the file"
        case .invalid: "an invalid token"
        }
    }

    /// The word, when the token is an identifier.
    var word: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    /// Whether the token is the punctuator `p`.
    func isPunctuator(_ p: Punctuator) -> Bool {
        if case .punctuator(let q) = kind { return q == p }
        return false
    }

    /// Whether the token is the word `word`.
    func isWord(_ word: String) -> Bool {
        if case .identifier(let name) = kind { return name == word }
        return false
    }

    /// Whether the token is a newline.
    var isNewline: Bool {
        if case .newline = kind { return true }
        return false
    }
}
