/// A name as written in the script, with where it was written: a variable, a parameter, a
/// property after `.`, or an error name after `throws`.
public struct Identifier: Sendable, Hashable, CustomStringConvertible {
    /// The name itself.
    public var name: String
    /// Where the name is written.
    public var range: SourceRange

    /// Creates a name at `range`.
    public init(_ name: String, range: SourceRange = .zero) {
        self.name = name
        self.range = range
    }

    /// The name.
    public var description: String { name }
}
