/// A plain, JSON-like value from the header: the value of a `[workers.vars]` entry or of a
/// service binding's `props`.
///
/// TOML dates and times have no JSON counterpart; they are kept as strings holding their TOML
/// text (`2026-05-01`, `07:32:00`). Table entries keep their order of declaration.
public indirect enum HeaderValue: Sendable, Hashable, CustomStringConvertible {
    /// A string.
    case string(String)
    /// A TOML integer.
    case integer(Int)
    /// A TOML float (may be `inf` or `nan`).
    case double(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// An array.
    case array([HeaderValue])
    /// A table, entries in declaration order.
    case table([Entry])

    /// One `key = value` of a table value.
    public struct Entry: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The value.
        public var value: HeaderValue

        /// Creates an entry.
        public init(key: String, value: HeaderValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value in JSON-like notation: `"a"`, `1`, `true`, `[1, 2]`, `{"k": 1}`.
    public var description: String {
        switch self {
        case .string(let text): return Printer.quoted(text)
        case .integer(let value): return String(value)
        case .double(let value): return String(value)
        case .bool(let value): return String(value)
        case .array(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .table(let entries):
            return "{" + entries.map { Printer.quoted($0.key) + ": " + $0.value.description }.joined(separator: ", ") + "}"
        }
    }
}
