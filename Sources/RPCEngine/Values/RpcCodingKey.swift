/// The coding keys `RpcValueEncoder` and `RpcValueDecoder` add to coding paths themselves:
/// array indices, dictionary keys, map keys and `super`.
///
/// Keeping the kind lets error messages render a path the way JavaScript code would reach the
/// value (`users[2].address.city`, `scores[Date(0)]`), rather than as a list of key names.
struct RpcCodingKey: CodingKey {
    enum Kind {
        /// A property name or `[String: T]` key: rendered `.name` (or `["b c"]`).
        case name
        /// An array or set position: rendered `[2]`.
        case index
        /// A `Map` key, already rendered as a value summary: rendered `[1]` or `["a"]`.
        case mapKey
    }

    let kind: Kind
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) { kind = .name; self.stringValue = stringValue; intValue = nil }
    init(intValue: Int) { kind = .index; stringValue = "Index \(intValue)"; self.intValue = intValue }
    init(mapKey: RpcValue) { kind = .mapKey; stringValue = mapKey.summary(limit: 40); intValue = nil }

    static let superKey = RpcCodingKey(stringValue: "super")

    /// Renders a coding path JavaScript-style: `user.age`, `items[0].name`, `["b c"].d`.
    /// The empty path renders as the empty string.
    static func render(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            if let key = key as? RpcCodingKey {
                switch key.kind {
                case .index: out += "[\(key.intValue ?? 0)]"; continue
                case .mapKey: out += "[\(key.stringValue)]"; continue
                case .name: break
                }
            }
            let name = key.stringValue
            if RpcValue.isIdentifier(name) {
                out += out.isEmpty ? name : "." + name
            } else {
                out += "[\(RpcValue.quote(name))]"
            }
        }
        return out
    }

    /// `Expected a number at user.age, but received "x".`: the shape of every decoding
    /// mismatch, the same sentence `RpcDecodable` conversions use with the path spliced in.
    static func mismatch(_ expected: String, _ value: RpcValue, at path: [any CodingKey]) -> RpcError {
        let where_ = render(path)
        var error = RpcError.typeError(
            "Expected \(expected)\(where_.isEmpty ? "" : " at \(where_)"), but received \(value.summary(limit: 60)).")
        if !where_.isEmpty { error.path = where_ }
        return error
    }
}
