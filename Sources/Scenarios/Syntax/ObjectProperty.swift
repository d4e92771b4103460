/// One `key: value` of an object literal (`{ a: 1, "b c": 2 }`); a shorthand `{ a }` is stored
/// as `a: a`. Keys are strings whatever their spelling (`{ 1: x }` has the key `"1"`).
public struct ObjectProperty: Sendable, Hashable {
    /// The property name.
    public var key: String
    /// Where the key is written.
    public var keyRange: SourceRange
    /// The value expression.
    public var value: Expression

    /// Creates a property.
    public init(key: String, keyRange: SourceRange = .zero, value: Expression) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
    }
}
