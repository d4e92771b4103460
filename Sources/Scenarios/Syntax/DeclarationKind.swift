/// The keyword of a declaration statement.
public enum DeclarationKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `let x = ...`: may be assigned later.
    case `let`
    /// `const x = ...`: assigning it is an error (the interpreter reports it).
    case const
    /// `using x = ...`: disposed when the enclosing block, request or function body ends, in
    /// reverse order of declaration. Never assignable.
    case using

    /// The keyword.
    public var description: String { rawValue }
}
