import Foundation

/// A Swift type that can be sent as an RPC argument or result.
///
/// `SendableMetatype` lets generic member tables capture the type without warnings.
public protocol RpcEncodable: SendableMetatype {
    func rpcValue() throws -> RpcValue
}

/// A Swift type that can be received as an RPC argument or result.
public protocol RpcDecodable: SendableMetatype {
    /// Throws `TypeError` when `value` is not of this type.
    init(rpc value: RpcValue) throws
}

public typealias RpcConvertible = RpcEncodable & RpcDecodable

extension RpcDecodable {
    static func mismatch(_ expected: String, _ value: RpcValue) -> RpcError {
        .typeError("Expected \(expected), but received \(value.summary(limit: 60)).")
    }
}

extension RpcValue: RpcConvertible {
    public func rpcValue() -> RpcValue { self }
    public init(rpc value: RpcValue) { self = value }
}

extension Int: RpcConvertible {
    /// Throws `DataCloneError` beyond ±(2^53−1), where a JavaScript number loses precision.
    public func rpcValue() throws -> RpcValue {
        guard magnitude <= 9_007_199_254_740_991 else {
            throw RpcError.dataClone(
                "\(self) cannot be sent as a number without losing precision (integers are exact only up to ±9007199254740991); use RpcBigInt or String instead.",
                at: nil)
        }
        return .number(Double(self))
    }
    public init(rpc value: RpcValue) throws {
        guard case .number(let n) = value, n == n.rounded(), abs(n) <= 9_007_199_254_740_991 else {
            throw Self.mismatch("an integer", value)
        }
        self = Int(n)
    }
}

extension Double: RpcConvertible {
    public func rpcValue() -> RpcValue { .number(self) }
    public init(rpc value: RpcValue) throws {
        guard case .number(let n) = value else { throw Self.mismatch("a number", value) }
        self = n
    }
}

extension String: RpcConvertible {
    public func rpcValue() -> RpcValue { .string(self) }
    public init(rpc value: RpcValue) throws {
        guard case .string(let s) = value else { throw Self.mismatch("a string", value) }
        self = s
    }
}

extension Bool: RpcConvertible {
    public func rpcValue() -> RpcValue { .bool(self) }
    public init(rpc value: RpcValue) throws {
        guard case .bool(let b) = value else { throw Self.mismatch("a boolean", value) }
        self = b
    }
}

extension Date: RpcConvertible {
    public func rpcValue() -> RpcValue { .date((timeIntervalSince1970 * 1000).rounded()) }
    public init(rpc value: RpcValue) throws {
        guard case .date(let ms) = value, !ms.isNaN else { throw Self.mismatch("a valid Date", value) }
        self = Date(timeIntervalSince1970: ms / 1000)
    }
}

extension RpcBytes: RpcConvertible {
    public func rpcValue() -> RpcValue { .bytes(self) }
    public init(rpc value: RpcValue) throws {
        guard case .bytes(let b) = value else { throw Self.mismatch("bytes", value) }
        self = b
    }
}

extension RpcBigInt: RpcConvertible {
    public func rpcValue() -> RpcValue { .bigint(self) }
    public init(rpc value: RpcValue) throws {
        guard case .bigint(let b) = value else { throw Self.mismatch("a bigint", value) }
        self = b
    }
}

extension RpcError: RpcConvertible {
    public func rpcValue() -> RpcValue { .error(self) }
    public init(rpc value: RpcValue) throws {
        guard case .error(let e) = value else { throw Self.mismatch("an Error", value) }
        self = e
    }
}

/// `undefined` and `null` decode as `nil`, so optional parameters behave like JavaScript
/// parameters with defaults (`increment(n = 1)` takes `Int?`); `nil` encodes as `undefined`.
extension Optional: RpcEncodable where Wrapped: RpcEncodable {
    public func rpcValue() throws -> RpcValue { try self?.rpcValue() ?? .undefined }
}

extension Optional: RpcDecodable where Wrapped: RpcDecodable {
    public init(rpc value: RpcValue) throws {
        switch value {
        case .undefined, .null: self = nil
        default: self = try Wrapped(rpc: value)
        }
    }
}

extension Array: RpcEncodable where Element: RpcEncodable {
    public func rpcValue() throws -> RpcValue { .array(try map { try $0.rpcValue() }) }
}

extension Array: RpcDecodable where Element: RpcDecodable {
    public init(rpc value: RpcValue) throws {
        guard case .array(let elements) = value else { throw Self.mismatch("an array", value) }
        self = try elements.map { try Element(rpc: $0) }
    }
}

/// String-keyed dictionaries travel as plain objects, keys sorted so the order is stable.
extension Dictionary: RpcEncodable where Key == String, Value: RpcEncodable {
    public func rpcValue() throws -> RpcValue {
        .object(RpcObject(try sorted { $0.key < $1.key }.map { ($0.key, try $0.value.rpcValue()) }))
    }
}

extension Dictionary: RpcDecodable where Key == String, Value: RpcDecodable {
    public init(rpc value: RpcValue) throws {
        guard case .object(let object) = value else { throw Self.mismatch("an object", value) }
        var out: [String: Value] = [:]
        for entry in object { out[entry.key] = try Value(rpc: entry.value) }
        self = out
    }
}
