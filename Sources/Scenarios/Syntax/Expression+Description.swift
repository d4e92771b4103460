extension Expression {
    /// The expression in compact, normalised script syntax: `await env.S.add(1, 2) == 3`.
    ///
    /// Used by transcripts and the inspector's console. It inserts only the parentheses that
    /// precedence needs, quotes strings with `"`, and writes arrow functions as
    /// `(a, b) => ...`. Parsing the text back gives the same tree, locations aside (see
    /// ``erasingSourceInfo()``).
    public var description: String { Printer.expression(self, minimum: Printer.lowest) }
}
