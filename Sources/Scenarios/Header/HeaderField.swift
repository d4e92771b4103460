/// Where a header entry is written: its key and its value.
///
/// Kept beside each checked header value so that later stages (the interpreter checking that
/// `main` names a real module, say) can report problems at the right place.
public struct HeaderField: Sendable, Hashable {
    /// The key (for an array element or a `[[workers]]` table: the element or the table header).
    public var key: SourceRange
    /// The value (for a `[[workers]]` table, the same as `key`).
    public var value: SourceRange

    /// Creates a field location.
    public init(key: SourceRange, value: SourceRange) {
        self.key = key
        self.value = value
    }
}
