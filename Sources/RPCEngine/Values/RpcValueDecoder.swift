import Foundation

/// Reads any `Decodable` type out of an `RpcValue`: the inverse of `RpcValueEncoder`, so that
/// plain Swift `Codable` types can be received as RPC arguments and results (see `RpcCodable`).
///
/// What it accepts:
/// * `.object` for structs, classes and keyed containers (unknown keys are ignored);
/// * `.array` for arrays and unkeyed containers; `.set` or `.array` for `Set`;
/// * `.number` for every numeric type: integers must be integral and in range for the type
///   (and within ±(2^53 − 1)), a `Float` must not overflow;
/// * `.string`, `.bool`; `.date` (a valid one) for `Date`; `.bytes` of any kind for `Data`;
///   `.string` holding a URL for `URL`;
/// * for optionals, a missing key, `undefined` and `null` all decode as `nil`, as a
///   JavaScript caller would expect of an optional parameter;
/// * `.object` for `[String: T]`, `.map` for dictionaries with other keys;
/// * anything for `RpcValue`; `.stub` for `Stub`; `.bigint` for `RpcBigInt`.
///
/// Guarantees: every mismatch throws `RpcError` `TypeError` naming the coding path the way
/// JavaScript would reach the value, `Expected a number at user.age, but received "x".`, with
/// the path also in `RpcError.path`; a `DecodingError` thrown by a type's own `init(from:)`
/// (an unknown enum raw value, say) becomes the same kind of `TypeError`, `… (at user.role)`.
/// Any other error a type throws is passed through unchanged.
public struct RpcValueDecoder: Sendable {
    /// Handed to `init(from:)` implementations as `Decoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// A decoder; `userInfo` is passed to every `init(from:)` it runs.
    public init(userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.userInfo = userInfo
    }

    /// Decodes a `T` from `value`; throws `RpcError` (`TypeError`) when the value does not fit.
    public func decode<T: Decodable>(_ type: T.Type = T.self, from value: RpcValue) throws -> T {
        do {
            return try RpcDecoding(value: value, codingPath: [], options: userInfo).decode(T.self, from: value, at: [])
        } catch let error as DecodingError {
            throw RpcDecoding.convert(error)
        }
    }
}

// MARK: - Decoder

/// The `Decoder` handed to `init(from:)`: one value and the path that leads to it.
struct RpcDecoding: Decoder, SingleValueDecodingContainer {
    let value: RpcValue
    let codingPath: [any CodingKey]
    let options: [CodingUserInfoKey: any Sendable]
    var userInfo: [CodingUserInfoKey: Any] { options }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else {
            throw RpcCodingKey.mismatch("an object", value, at: codingPath)
        }
        return KeyedDecodingContainer(RpcKeyedDecodingContainer<Key>(decoder: self, object: object, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw RpcCodingKey.mismatch("an array", value, at: codingPath)
        }
        return RpcUnkeyedDecodingContainer(decoder: self, elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// A decoder for a nested value, sharing the options.
    func decoder(for value: RpcValue, at path: [any CodingKey]) -> RpcDecoding {
        RpcDecoding(value: value, codingPath: path, options: options)
    }

    // MARK: Unboxing

    /// Decodes a `T` from `value`, special-casing the types that have their own RPC
    /// representation; everything else runs its own `init(from:)`.
    func decode<T: Decodable>(_ type: T.Type, from value: RpcValue, at path: [any CodingKey]) throws -> T {
        if T.self == Date.self {
            guard case .date(let ms) = value, !ms.isNaN else { throw RpcCodingKey.mismatch("a valid Date", value, at: path) }
            return Date(timeIntervalSince1970: ms / 1000) as! T
        }
        if T.self == Data.self {
            guard case .bytes(let bytes) = value else { throw RpcCodingKey.mismatch("bytes", value, at: path) }
            return Data(bytes.data) as! T
        }
        if T.self == URL.self {
            guard case .string(let text) = value, let url = URL(string: text) else {
                throw RpcCodingKey.mismatch("a URL string", value, at: path)
            }
            return url as! T
        }
        if let dictionary = T.self as? any RpcDecodingDictionary.Type {
            return try dictionary.rpcDecode(value, at: path, with: self) as! T
        }
        if let set = T.self as? any RpcDecodingSet.Type {
            return try set.rpcDecode(value, at: path, with: self) as! T
        }
        // `RpcValue`, `Stub` and `RpcBigInt` recognise this decoder in their `init(from:)`.
        return try T(from: decoder(for: value, at: path))
    }

    static func bool(_ value: RpcValue, at path: [any CodingKey]) throws -> Bool {
        guard case .bool(let b) = value else { throw RpcCodingKey.mismatch("a boolean", value, at: path) }
        return b
    }

    static func string(_ value: RpcValue, at path: [any CodingKey]) throws -> String {
        guard case .string(let s) = value else { throw RpcCodingKey.mismatch("a string", value, at: path) }
        return s
    }

    static func double(_ value: RpcValue, at path: [any CodingKey]) throws -> Double {
        guard case .number(let n) = value else { throw RpcCodingKey.mismatch("a number", value, at: path) }
        return n
    }

    /// A `Float`, refusing finite numbers that would become infinite.
    static func float(_ value: RpcValue, at path: [any CodingKey]) throws -> Float {
        let n = try double(value, at: path)
        let f = Float(n)
        guard f.isFinite || !n.isFinite else {
            throw RpcCodingKey.mismatch("a number in the range of Float", value, at: path)
        }
        return f
    }

    /// An integer: the number must be integral (`Expected an integer …`) and within both the
    /// type's range and ±(2^53 − 1) (`Expected an integer from 0 to 255 …`).
    static func integer<T: FixedWidthInteger>(_ type: T.Type, _ value: RpcValue, at path: [any CodingKey]) throws -> T {
        let n = try double(value, at: path)
        guard n.isFinite, n == n.rounded(.towardZero) else {
            throw RpcCodingKey.mismatch("an integer", value, at: path)
        }
        let safe = 9_007_199_254_740_991.0
        let low = T.isSigned ? max(-safe, Double(T.min)) : 0
        let high = min(safe, Double(T.max))
        guard n >= low, n <= high else {
            let range = "from \(RpcValue.formatNumber(low)) to \(RpcValue.formatNumber(high))"
            throw RpcCodingKey.mismatch("an integer \(range)", value, at: path)
        }
        return T(n)
    }

    /// A `DecodingError` from a type's own `init(from:)`, as a `TypeError` naming the path.
    static func convert(_ error: DecodingError) -> RpcError {
        var path: [any CodingKey]
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            context = c
            path = c.codingPath
        case .keyNotFound(let key, let c):
            context = c
            path = c.codingPath + [key]
        @unknown default:
            return .typeError(String(describing: error))
        }
        let where_ = RpcCodingKey.render(path)
        var converted = RpcError.typeError(
            where_.isEmpty ? context.debugDescription : "\(context.debugDescription) (at \(where_))")
        if !where_.isEmpty { converted.path = where_ }
        return converted
    }

    // MARK: SingleValueDecodingContainer

    func decodeNil() -> Bool { value.isNullish }
    func decode(_ type: Bool.Type) throws -> Bool { try Self.bool(value, at: codingPath) }
    func decode(_ type: String.Type) throws -> String { try Self.string(value, at: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try Self.double(value, at: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try Self.float(value, at: codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try Self.integer(type, value, at: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try Self.integer(type, value, at: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try Self.integer(type, value, at: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try Self.integer(type, value, at: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try Self.integer(type, value, at: codingPath) }
    func decode(_ type: Int128.Type) throws -> Int128 { try Self.integer(type, value, at: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try Self.integer(type, value, at: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try Self.integer(type, value, at: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try Self.integer(type, value, at: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try Self.integer(type, value, at: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try Self.integer(type, value, at: codingPath) }
    func decode(_ type: UInt128.Type) throws -> UInt128 { try Self.integer(type, value, at: codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decode(type, from: value, at: codingPath) }
}

extension RpcValue {
    /// `undefined` or `null`: what an optional decodes as `nil`.
    var isNullish: Bool {
        switch self {
        case .undefined, .null: true
        default: false
        }
    }
}

// MARK: - Keyed

struct RpcKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: RpcDecoding
    let object: RpcObject
    let codingPath: [any CodingKey]

    var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }

    /// A missing key reads as `undefined`, as in JavaScript, so the mismatch message says
    /// `but received undefined` and optionals decode it as `nil`.
    private func value(_ key: Key) -> RpcValue { object[key.stringValue] ?? .undefined }
    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func decodeNil(forKey key: Key) throws -> Bool { value(key).isNullish }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try RpcDecoding.bool(value(key), at: path(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try RpcDecoding.string(value(key), at: path(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try RpcDecoding.double(value(key), at: path(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try RpcDecoding.float(value(key), at: path(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try RpcDecoding.integer(type, value(key), at: path(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try RpcDecoding.integer(type, value(key), at: path(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try RpcDecoding.integer(type, value(key), at: path(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try RpcDecoding.integer(type, value(key), at: path(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try RpcDecoding.integer(type, value(key), at: path(key)) }
    func decode(_ type: Int128.Type, forKey key: Key) throws -> Int128 { try RpcDecoding.integer(type, value(key), at: path(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try RpcDecoding.integer(type, value(key), at: path(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try RpcDecoding.integer(type, value(key), at: path(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try RpcDecoding.integer(type, value(key), at: path(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try RpcDecoding.integer(type, value(key), at: path(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try RpcDecoding.integer(type, value(key), at: path(key)) }
    func decode(_ type: UInt128.Type, forKey key: Key) throws -> UInt128 { try RpcDecoding.integer(type, value(key), at: path(key)) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.decode(type, from: value(key), at: path(key))
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder.decoder(for: value(key), at: path(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.decoder(for: value(key), at: path(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        decoder.decoder(for: object["super"] ?? .undefined, at: codingPath + [RpcCodingKey.superKey])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder.decoder(for: value(key), at: path(key))
    }
}

// MARK: - Unkeyed

struct RpcUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    let decoder: RpcDecoding
    let elements: [RpcValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(decoder: RpcDecoding, elements: [RpcValue], codingPath: [any CodingKey]) {
        self.decoder = decoder
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// Past the end an array reads as `undefined`, as in JavaScript.
    private var current: RpcValue { currentIndex < elements.count ? elements[currentIndex] : .undefined }
    private var currentPath: [any CodingKey] { codingPath + [RpcCodingKey(intValue: currentIndex)] }

    /// Decodes the current element and moves on only if that succeeded.
    private mutating func next<T>(_ body: (RpcValue, [any CodingKey]) throws -> T) throws -> T {
        let result = try body(current, currentPath)
        currentIndex += 1
        return result
    }

    mutating func decodeNil() throws -> Bool {
        guard current.isNullish else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(RpcDecoding.bool) }
    mutating func decode(_ type: String.Type) throws -> String { try next(RpcDecoding.string) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(RpcDecoding.double) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(RpcDecoding.float) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next { try RpcDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next { try RpcDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next { try RpcDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next { try RpcDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next { try RpcDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: Int128.Type) throws -> Int128 { try next { try RpcDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next { try RpcDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next { try RpcDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next { try RpcDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next { try RpcDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next { try RpcDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: UInt128.Type) throws -> UInt128 { try next { try RpcDecoding.integer(type, $0, at: $1) } }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next { [decoder] in try decoder.decode(type, from: $0, at: $1) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next { [decoder] in try decoder.decoder(for: $0, at: $1).container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next { [decoder] in try decoder.decoder(for: $0, at: $1).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder {
        try next { [decoder] in decoder.decoder(for: $0, at: $1) }
    }
}
