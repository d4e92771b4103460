/// A built-in that `new` can construct: `new Date(0)`, `new Map([["a", 1]])`, `new Error("m")`.
///
/// The set is closed, so a misspelt `new Dat(0)` is a located syntax error rather than a
/// runtime surprise. The error constructors are the ones structured clone carries.
public enum Constructor: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `new Date(ms)` / `new Date("iso")`.
    case date = "Date"
    /// `new Map(entries?)`.
    case map = "Map"
    /// `new Set(values?)`.
    case set = "Set"
    /// `new RegExp(source, flags?)`.
    case regExp = "RegExp"
    /// `new Error(message)`.
    case error = "Error"
    /// `new TypeError(message)`.
    case typeError = "TypeError"
    /// `new RangeError(message)`.
    case rangeError = "RangeError"
    /// `new SyntaxError(message)`.
    case syntaxError = "SyntaxError"
    /// `new ReferenceError(message)`.
    case referenceError = "ReferenceError"
    /// `new EvalError(message)`.
    case evalError = "EvalError"
    /// `new URIError(message)`.
    case uriError = "URIError"

    /// The constructor's name as written.
    public var description: String { rawValue }
}
