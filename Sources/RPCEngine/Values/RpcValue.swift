/// A value as it crosses an RPC boundary: the structured-clone set Workers supports (§3.1),
/// plus the references that travel as stubs.
///
/// Values are *copied* at every crossing (the engine rebuilds them on the receiving side), so no
/// two workers ever share mutable state; only the reference cases (`function`, `target`,
/// `stub`, `promise`) stay connected to where they came from, through stubs.
public enum RpcValue: Sendable {
    case undefined
    case null
    case bool(Bool)
    /// A JavaScript number: `NaN`, `-0` and the infinities survive a round trip.
    case number(Double)
    case bigint(RpcBigInt)
    case string(String)
    /// `ArrayBuffer`, typed arrays and `DataView`, keeping the kind.
    case bytes(RpcBytes)
    /// Milliseconds since 1970 (`NaN` for an invalid date).
    case date(Double)
    case regexp(source: String, flags: String)
    /// Entries in insertion order.
    case map([RpcMapEntry])
    /// Elements in insertion order.
    case set([RpcValue])
    case array([RpcValue])
    /// A plain object: own enumerable string keys in insertion order.
    case object(RpcObject)
    /// An `Error` value (returned or nested, not thrown).
    case error(RpcError)
    /// A handle on a remote (or loopback) capability.
    case stub(Stub)
    /// The pending result of a call. Only meaningful locally: nested in arguments or results it
    /// is refused with `DataCloneError` (§3.1, §5.6).
    case promise(RpcPromise)
    /// A local function, sent by reference: the receiver gets a stub, and calls run here.
    case function(RpcFunction)
    /// A local `RpcTarget`, sent by reference.
    case target(RpcTargetRef)
    /// An instance of a class that is not an `RpcTarget`: refused with `DataCloneError`.
    case opaque(typeName: String)
}

/// One entry of an `RpcValue.map`.
public struct RpcMapEntry: Sendable {
    public var key: RpcValue
    public var value: RpcValue
    public init(_ key: RpcValue, _ value: RpcValue) { self.key = key; self.value = value }
}

extension RpcValue {
    /// `typeof` in JavaScript terms.
    public var typeOf: String {
        switch self {
        case .undefined: "undefined"
        case .null: "object"
        case .bool: "boolean"
        case .number: "number"
        case .bigint: "bigint"
        case .string: "string"
        case .stub, .function: "function"
        case .promise, .target, .opaque, .bytes, .date, .regexp, .map, .set, .array, .object, .error: "object"
        }
    }

    /// Whether the value is an object (and so gets a disposer when it is an RPC result, §4.7).
    public var isObject: Bool {
        switch self {
        case .undefined, .null, .bool, .number, .bigint, .string: false
        default: true
        }
    }

    /// JavaScript truthiness.
    public var isTruthy: Bool {
        switch self {
        case .undefined, .null: false
        case .bool(let b): b
        case .number(let n): !(n == 0 || n.isNaN)
        case .bigint(let b): !b.isZero
        case .string(let s): !s.isEmpty
        default: true
        }
    }

    /// The field `key` of a plain object (`undefined` when absent or not an object).
    public subscript(key: String) -> RpcValue {
        if case .object(let o) = self { return o[key] ?? .undefined }
        return .undefined
    }

    /// The element at `index` of an array (`undefined` when absent).
    public subscript(index: Int) -> RpcValue {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return .undefined
    }

    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var numberValue: Double? { if case .number(let n) = self { n } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var stubValue: Stub? { if case .stub(let s) = self { s } else { nil } }
}

extension RpcValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByNilLiteral
{
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: RpcValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, RpcValue)...) {
        self = .object(RpcObject(elements))
    }
    /// `nil` is JavaScript `null`.
    public init(nilLiteral: ()) { self = .null }
}
