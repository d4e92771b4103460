import RPCEngine

/// Hand-written JSON for the exporters: string escaping, numbers, and the tagged form of
/// ``RpcValue`` that ``JSONLExporter`` writes.
///
/// Written by hand rather than through `JSONEncoder` so that key order is fixed by the code
/// (exports are diffed and checked in byte for byte) and so that the values JSON cannot hold
/// (`NaN`, `Infinity`, `-0`, `undefined`, bigint) get an explicit, lossless tag.
enum ExportJSON {
    /// `text` as a JSON string literal: `"` and `\` escaped, `\n` `\r` `\t` `\b` `\f` by name,
    /// the other control characters (U+0000–U+001F) as `\u00XX`; everything else, non-ASCII
    /// included, is written as is (JSON text is UTF-8).
    static func quote(_ text: String) -> String { RpcValue.quote(text) }

    /// A finite number as a JSON number (JavaScript's spelling, which JSON accepts), or, for
    /// the values JSON has no number for, the string `"NaN"`, `"Infinity"`, `"-Infinity"` or
    /// `"-0"`.
    static func number(_ n: Double) -> String {
        if n.isNaN || n.isInfinite || (n == 0 && n.sign == .minus) { return quote(RpcValue.formatNumber(n)) }
        return RpcValue.formatNumber(n)
    }

    /// `[a, b, c]` from already encoded elements.
    static func array(_ elements: [String]) -> String { "[" + elements.joined(separator: ",") + "]" }

    /// An optional string: the string, or `null`.
    static func string(_ text: String?) -> String { text.map(quote) ?? "null" }

    /// An optional id (`ctx3`, `call7`, ...): its text, or `null`.
    static func id<K>(_ id: RuntimeID<K>?) -> String { id.map { quote($0.description) } ?? "null" }

    // MARK: tagged values

    /// The tagged form of a value: always an object whose first key is `"type"`.
    ///
    /// | value | form |
    /// |---|---|
    /// | `undefined`, `null` | `{"type":"undefined"}`, `{"type":"null"}` |
    /// | boolean | `{"type":"boolean","value":true}` |
    /// | number | `{"type":"number","value":1.5}`; `"NaN"`, `"Infinity"`, `"-Infinity"`, `"-0"` as strings |
    /// | bigint | `{"type":"bigint","value":"-12"}` (decimal digits) |
    /// | string | `{"type":"string","value":"…"}` |
    /// | bytes | `{"type":"bytes","kind":"Uint8Array","hex":"6869"}` |
    /// | date | `{"type":"date","value":0}` (ms since 1970; `"NaN"` for an invalid date) |
    /// | regexp | `{"type":"regexp","source":"a+","flags":"g"}` |
    /// | map | `{"type":"map","entries":[[KEY,VALUE],…]}` |
    /// | set | `{"type":"set","values":[…]}` |
    /// | array | `{"type":"array","values":[…]}` |
    /// | object | `{"type":"object","value":{"key":VALUE,…}}` (keys in insertion order) |
    /// | error | `{"type":"error","name":…,"message":…,"remote":…,"properties":{…},"durableObjectId":…,"path":…}` |
    /// | stub | `{"type":"stub","id":"stub4","kind":"function"}` |
    /// | promise | `{"type":"promise","id":"stub5","call":"call3"}` |
    /// | local function | `{"type":"function","name":"anonymous"}` |
    /// | local RpcTarget | `{"type":"rpcTarget","class":"Counter"}` |
    /// | other class | `{"type":"opaque","class":"Session"}` |
    static func value(_ value: RpcValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    /// The tagged form of an error (the `error` row of ``value(_:)``).
    static func error(_ error: RpcError) -> String {
        var out = ""
        write(error, into: &out)
        return out
    }

    private static func write(_ value: RpcValue, into out: inout String) {
        switch value {
        case .undefined: out += #"{"type":"undefined"}"#
        case .null: out += #"{"type":"null"}"#
        case .bool(let b): out += #"{"type":"boolean","value":"# + (b ? "true" : "false") + "}"
        case .number(let n): out += #"{"type":"number","value":"# + number(n) + "}"
        case .bigint(let b): out += #"{"type":"bigint","value":"# + quote(b.decimal) + "}"
        case .string(let s): out += #"{"type":"string","value":"# + quote(s) + "}"
        case .bytes(let b): out += #"{"type":"bytes","kind":"# + quote(b.kind.rawValue) + #","hex":"# + quote(b.hex) + "}"
        case .date(let ms): out += #"{"type":"date","value":"# + number(ms) + "}"
        case .regexp(let source, let flags):
            out += #"{"type":"regexp","source":"# + quote(source) + #","flags":"# + quote(flags) + "}"
        case .map(let entries):
            out += #"{"type":"map","entries":["#
            for (i, entry) in entries.enumerated() {
                if i > 0 { out += "," }
                out += "["
                write(entry.key, into: &out)
                out += ","
                write(entry.value, into: &out)
                out += "]"
            }
            out += "]}"
        case .set(let elements):
            out += #"{"type":"set","values":"#
            writeElements(elements, into: &out)
            out += "}"
        case .array(let elements):
            out += #"{"type":"array","values":"#
            writeElements(elements, into: &out)
            out += "}"
        case .object(let object):
            out += #"{"type":"object","value":"#
            writeEntries(object, into: &out)
            out += "}"
        case .error(let e): write(e, into: &out)
        case .stub(let stub):
            out += #"{"type":"stub","id":"# + quote(stub.id.description) + #","kind":"# + quote(stub.kind.rawValue) + "}"
        case .promise(let promise):
            out += #"{"type":"promise","id":"# + quote(promise.id.description) + #","call":"#
                + quote(promise.call.description) + "}"
        case .function(let function): out += #"{"type":"function","name":"# + quote(function.name) + "}"
        case .target(let target): out += #"{"type":"rpcTarget","class":"# + quote(target.typeName) + "}"
        case .opaque(let typeName): out += #"{"type":"opaque","class":"# + quote(typeName) + "}"
        }
    }

    private static func write(_ e: RpcError, into out: inout String) {
        out += #"{"type":"error","name":"# + quote(e.name) + #","message":"# + quote(e.message)
        out += #","remote":"# + (e.remote ? "true" : "false") + #","properties":"#
        writeEntries(e.properties, into: &out)
        out += #","durableObjectId":"# + string(e.durableObjectId) + #","path":"# + string(e.path) + "}"
    }

    private static func writeElements(_ elements: [RpcValue], into out: inout String) {
        out += "["
        for (i, element) in elements.enumerated() {
            if i > 0 { out += "," }
            write(element, into: &out)
        }
        out += "]"
    }

    private static func writeEntries(_ object: RpcObject, into out: inout String) {
        out += "{"
        for (i, entry) in object.entries.enumerated() {
            if i > 0 { out += "," }
            out += quote(entry.key) + ":"
            write(entry.value, into: &out)
        }
        out += "}"
    }
}

/// A JSON object written field by field, in the order of the calls.
struct ExportJSONObject {
    private var text = "{"
    private var isEmpty = true

    init() {}

    /// Adds `"key":` followed by `json`, which must already be JSON text.
    mutating func raw(_ key: String, _ json: String) {
        if !isEmpty { text += "," }
        isEmpty = false
        text += ExportJSON.quote(key) + ":" + json
    }

    mutating func string(_ key: String, _ value: String?) { raw(key, ExportJSON.string(value)) }
    mutating func int(_ key: String, _ value: Int?) { raw(key, value.map { String($0) } ?? "null") }
    mutating func bool(_ key: String, _ value: Bool) { raw(key, value ? "true" : "false") }
    mutating func id<K>(_ key: String, _ value: RuntimeID<K>?) { raw(key, ExportJSON.id(value)) }

    /// The object's text.
    var json: String { text + "}" }
}
