import RPCEngine

extension RuntimeID {
    /// Parses the text form of an id (`stub4`, `call12`, `ctx3`): the kind's prefix followed by a
    /// positive decimal number. Events name ids as text in a few fields (`target`, `by`); this is
    /// how the fold links them back.
    public init?(parsing text: String) {
        guard text.hasPrefix(Kind.prefix), let raw = Int(text.dropFirst(Kind.prefix.count)), raw > 0,
            String(raw) == text.dropFirst(Kind.prefix.count)
        else { return nil }
        self.init(raw)
    }
}
