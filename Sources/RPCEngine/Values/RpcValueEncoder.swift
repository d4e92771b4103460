import Foundation

/// Turns any `Encodable` value into the `RpcValue` a JavaScript caller or callee would see, so
/// that plain Swift `Codable` types can be RPC arguments and results (see `RpcCodable`).
///
/// The mapping (§3.1 lists the values that exist):
/// * structs, classes and keyed containers → `.object`, keys in the order they were encoded;
/// * arrays and unkeyed containers → `.array`;
/// * `Int…`/`UInt…`/`Float`/`Double` → `.number`; `String` → `.string`; `Bool` → `.bool`;
/// * `Date` → `.date` (whole milliseconds; out of JavaScript's range → Invalid Date);
///   `Data` → `.bytes` (`Uint8Array`); `URL` → `.string` (its absolute string);
/// * `nil` → `undefined`; `encodeIfPresent` of `nil` leaves the key out;
/// * `[String: T]` → `.object` with keys sorted; other dictionaries → `.map`, and `Set` →
///   `.set`, entries sorted by key (Swift's hashed collections have no stable order, and
///   transcripts must be deterministic);
/// * `RpcValue`, `Stub` and `RpcBigInt` pass through unchanged, so a struct can hold a
///   capability or an arbitrary value.
///
/// Guarantees: the result contains no `Encodable` leftovers, and encoding the same value twice
/// gives equal results. Integers beyond ±(2^53 − 1) cannot be JavaScript numbers without losing
/// precision, so they throw `DataCloneError` (as the serializing side does in Workers) instead
/// of silently changing; so does any `EncodingError` a type's `encode(to:)` throws, with the
/// coding path in the message (`… (at user.id)`) and in `RpcError.path`.
public struct RpcValueEncoder: Sendable {
    /// Handed to `encode(to:)` implementations as `Encoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// An encoder; `userInfo` is passed to every `encode(to:)` it runs.
    public init(userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.userInfo = userInfo
    }

    /// Encodes `value`; throws `RpcError` (`DataCloneError`) when it has no RPC representation.
    public func encode<T: Encodable>(_ value: T) throws -> RpcValue {
        let root = RpcEncodingNode()
        do {
            try RpcEncoding(node: root, codingPath: [], options: userInfo).encode(value, into: root, at: [])
        } catch let error as EncodingError {
            throw RpcEncoding.convert(error)
        }
        return root.finish()
    }
}

// MARK: - Storage

/// A value under construction. Containers hold a node by reference, so a nested container
/// or super encoder can keep writing after the call that created it has returned.
final class RpcEncodingNode {
    private enum Kind { case empty, value, object, array }
    private var kind = Kind.empty
    private var value = RpcValue.undefined
    private var keys: [String] = []
    private var children: [String: RpcEncodingNode] = [:]
    private var elements: [RpcEncodingNode] = []

    init() {}

    /// Makes this node a finished value, discarding anything encoded here before.
    func set(_ value: RpcValue) {
        reset(to: .value)
        self.value = value
    }

    /// Makes this node an object; an existing object is kept, so two keyed containers on one
    /// encoder write into the same object.
    func makeObject() { if kind != .object { reset(to: .object) } }

    /// Makes this node an array; an existing array is kept.
    func makeArray() { if kind != .array { reset(to: .array) } }

    /// A fresh child at `key`, replacing any earlier value there but keeping its position.
    func newChild(forKey key: String) -> RpcEncodingNode {
        let child = RpcEncodingNode()
        setChild(child, forKey: key)
        return child
    }

    /// Puts `child` at `key`, replacing any earlier value there but keeping its position.
    func setChild(_ child: RpcEncodingNode, forKey key: String) {
        makeObject()
        if children.updateValue(child, forKey: key) == nil { keys.append(key) }
    }

    /// The child at `key`, created empty if there is none.
    func child(forKey key: String) -> RpcEncodingNode {
        makeObject()
        if let existing = children[key] { return existing }
        return newChild(forKey: key)
    }

    func append(_ child: RpcEncodingNode) {
        makeArray()
        elements.append(child)
    }

    var elementCount: Int { elements.count }

    /// The finished value. A node nothing was encoded into becomes `{}` (a type whose
    /// `encode(to:)` wrote nothing is an empty object, as with `JSONEncoder` when nested).
    func finish() -> RpcValue {
        switch kind {
        case .empty: .object(RpcObject())
        case .value: value
        case .object: .object(RpcObject(keys.map { ($0, children[$0]!.finish()) }))
        case .array: .array(elements.map { $0.finish() })
        }
    }

    private func reset(to kind: Kind) {
        self.kind = kind
        value = .undefined
        keys = []
        children = [:]
        elements = []
    }
}

// MARK: - Encoder

/// The `Encoder` handed to `encode(to:)`: one node and the path that leads to it.
final class RpcEncoding: Encoder, SingleValueEncodingContainer {
    let node: RpcEncodingNode
    let codingPath: [any CodingKey]
    let options: [CodingUserInfoKey: any Sendable]
    var userInfo: [CodingUserInfoKey: Any] { options }

    init(node: RpcEncodingNode, codingPath: [any CodingKey], options: [CodingUserInfoKey: any Sendable]) {
        self.node = node
        self.codingPath = codingPath
        self.options = options
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(RpcKeyedEncodingContainer<Key>(encoder: self, node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return RpcUnkeyedEncodingContainer(encoder: self, node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    /// An encoder for a child node, sharing the options.
    func encoder(for node: RpcEncodingNode, at path: [any CodingKey]) -> RpcEncoding {
        RpcEncoding(node: node, codingPath: path, options: options)
    }

    // MARK: Boxing

    /// Encodes `value` into `target`, special-casing the types that have their own RPC
    /// representation; everything else runs its own `encode(to:)`.
    func encode<T: Encodable>(_ value: T, into target: RpcEncodingNode, at path: [any CodingKey]) throws {
        switch value {
        case let date as Date:
            target.set(.date(Self.milliseconds(date)))
        case let data as Data:
            target.set(.bytes(RpcBytes([UInt8](data))))
        case let url as URL:
            target.set(.string(url.absoluteString))
        case let dictionary as any RpcEncodingDictionary:
            try dictionary.rpcEncode(into: target, at: path, with: self)
        case let set as any RpcEncodingSet:
            try set.rpcEncode(into: target, at: path, with: self)
        default:
            // `RpcValue`, `Stub` and `RpcBigInt` recognise this encoder in their `encode(to:)`.
            try value.encode(to: encoder(for: target, at: path))
        }
    }

    /// Encodes `value` on its own and returns the finished result.
    func value<T: Encodable>(of value: T, at path: [any CodingKey]) throws -> RpcValue {
        let node = RpcEncodingNode()
        try encode(value, into: node, at: path)
        return node.finish()
    }

    /// A JavaScript time value: whole milliseconds (rounding away the binary noise of
    /// `Date`'s 2001-based storage), `NaN` outside ±8.64e15 ms as `TimeClip` does.
    static func milliseconds(_ date: Date) -> Double {
        let ms = (date.timeIntervalSince1970 * 1000).rounded()
        return ms.isFinite && abs(ms) <= 8.64e15 ? ms : .nan
    }

    /// An integer as a JavaScript number, refusing values a double cannot hold exactly.
    static func number<T: BinaryInteger>(_ value: T, at path: [any CodingKey]) throws -> RpcValue {
        let limit: Int64 = 9_007_199_254_740_991
        let tooLarge = T(exactly: limit).map { value > $0 } ?? false
        let tooSmall = T.isSigned && (T(exactly: -limit).map { value < $0 } ?? false)
        if tooLarge || tooSmall {
            let where_ = RpcCodingKey.render(path)
            throw RpcError.dataClone(
                "\(value) cannot be sent as a number without losing precision (integers are exact only up to ±9007199254740991); use RpcBigInt or String instead.",
                at: where_.isEmpty ? nil : where_)
        }
        return .number(Double(value))
    }

    /// A `Float` as the double a reader expects (`0.1` rather than `0.10000000149011612`):
    /// the shortest decimal that reads back as the same `Float`, so decoding is exact.
    static func number(_ value: Float) -> RpcValue {
        .number(value.isFinite ? Double("\(value)") ?? Double(value) : Double(value))
    }

    /// An `EncodingError` from a type's own `encode(to:)`, as the `DataCloneError` the sender
    /// of an unserializable value gets (§3.1).
    static func convert(_ error: EncodingError) -> RpcError {
        switch error {
        case .invalidValue(_, let context):
            let where_ = RpcCodingKey.render(context.codingPath)
            return .dataClone(context.debugDescription, at: where_.isEmpty ? nil : where_)
        @unknown default:
            return .dataClone(String(describing: error), at: nil)
        }
    }

    // MARK: SingleValueEncodingContainer

    func encodeNil() throws { node.set(.undefined) }
    func encode(_ value: Bool) throws { node.set(.bool(value)) }
    func encode(_ value: String) throws { node.set(.string(value)) }
    func encode(_ value: Double) throws { node.set(.number(value)) }
    func encode(_ value: Float) throws { node.set(Self.number(value)) }
    func encode(_ value: Int) throws { node.set(try Self.number(value, at: codingPath)) }
    func encode(_ value: Int8) throws { node.set(try Self.number(value, at: codingPath)) }
    func encode(_ value: Int16) throws { node.set(try Self.number(value, at: codingPath)) }
    func encode(_ value: Int32) throws { node.set(try Self.number(value, at: codingPath)) }
    func encode(_ value: Int64) throws { node.set(try Self.number(value, at: codingPath)) }
    func encode(_ value: Int128) throws { node.set(try Self.number(value, at: codingPath)) }
    func encode(_ value: UInt) throws { node.set(try Self.number(value, at: codingPath)) }
    func encode(_ value: UInt8) throws { node.set(try Self.number(value, at: codingPath)) }
    func encode(_ value: UInt16) throws { node.set(try Self.number(value, at: codingPath)) }
    func encode(_ value: UInt32) throws { node.set(try Self.number(value, at: codingPath)) }
    func encode(_ value: UInt64) throws { node.set(try Self.number(value, at: codingPath)) }
    func encode(_ value: UInt128) throws { node.set(try Self.number(value, at: codingPath)) }
    func encode<T: Encodable>(_ value: T) throws { try encode(value, into: node, at: codingPath) }
}

// MARK: - Keyed

struct RpcKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: RpcEncoding
    let node: RpcEncodingNode
    let codingPath: [any CodingKey]

    private func set(_ value: RpcValue, _ key: Key) { node.newChild(forKey: key.stringValue).set(value) }
    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    mutating func encodeNil(forKey key: Key) throws { set(.undefined, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.number(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(RpcEncoding.number(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(try RpcEncoding.number(value, at: path(key)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(try RpcEncoding.number(value, at: path(key)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(try RpcEncoding.number(value, at: path(key)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(try RpcEncoding.number(value, at: path(key)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(try RpcEncoding.number(value, at: path(key)), key) }
    mutating func encode(_ value: Int128, forKey key: Key) throws { set(try RpcEncoding.number(value, at: path(key)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(try RpcEncoding.number(value, at: path(key)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(try RpcEncoding.number(value, at: path(key)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(try RpcEncoding.number(value, at: path(key)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(try RpcEncoding.number(value, at: path(key)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(try RpcEncoding.number(value, at: path(key)), key) }
    mutating func encode(_ value: UInt128, forKey key: Key) throws { set(try RpcEncoding.number(value, at: path(key)), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        // Attached only once encoded, so a throwing value leaves no half-written key behind.
        let child = RpcEncodingNode()
        try encoder.encode(value, into: child, at: path(key))
        node.setChild(child, forKey: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(forKey: key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(
            RpcKeyedEncodingContainer<NestedKey>(encoder: encoder, node: child, codingPath: path(key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: key.stringValue)
        child.makeArray()
        return RpcUnkeyedEncodingContainer(encoder: encoder, node: child, codingPath: path(key))
    }

    mutating func superEncoder() -> any Encoder {
        encoder.encoder(for: node.newChild(forKey: "super"), at: codingPath + [RpcCodingKey.superKey])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.encoder(for: node.newChild(forKey: key.stringValue), at: path(key))
    }
}

// MARK: - Unkeyed

struct RpcUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let encoder: RpcEncoding
    let node: RpcEncodingNode
    let codingPath: [any CodingKey]

    var count: Int { node.elementCount }

    private var nextPath: [any CodingKey] { codingPath + [RpcCodingKey(intValue: count)] }

    private func append(_ value: RpcValue) {
        let child = RpcEncodingNode()
        child.set(value)
        node.append(child)
    }

    mutating func encodeNil() throws { append(.undefined) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(.number(value)) }
    mutating func encode(_ value: Float) throws { append(RpcEncoding.number(value)) }
    mutating func encode(_ value: Int) throws { append(try RpcEncoding.number(value, at: nextPath)) }
    mutating func encode(_ value: Int8) throws { append(try RpcEncoding.number(value, at: nextPath)) }
    mutating func encode(_ value: Int16) throws { append(try RpcEncoding.number(value, at: nextPath)) }
    mutating func encode(_ value: Int32) throws { append(try RpcEncoding.number(value, at: nextPath)) }
    mutating func encode(_ value: Int64) throws { append(try RpcEncoding.number(value, at: nextPath)) }
    mutating func encode(_ value: Int128) throws { append(try RpcEncoding.number(value, at: nextPath)) }
    mutating func encode(_ value: UInt) throws { append(try RpcEncoding.number(value, at: nextPath)) }
    mutating func encode(_ value: UInt8) throws { append(try RpcEncoding.number(value, at: nextPath)) }
    mutating func encode(_ value: UInt16) throws { append(try RpcEncoding.number(value, at: nextPath)) }
    mutating func encode(_ value: UInt32) throws { append(try RpcEncoding.number(value, at: nextPath)) }
    mutating func encode(_ value: UInt64) throws { append(try RpcEncoding.number(value, at: nextPath)) }
    mutating func encode(_ value: UInt128) throws { append(try RpcEncoding.number(value, at: nextPath)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = RpcEncodingNode()
        try encoder.encode(value, into: child, at: nextPath)
        node.append(child)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = nextPath
        let child = RpcEncodingNode()
        child.makeObject()
        node.append(child)
        return KeyedEncodingContainer(RpcKeyedEncodingContainer<NestedKey>(encoder: encoder, node: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath
        let child = RpcEncodingNode()
        child.makeArray()
        node.append(child)
        return RpcUnkeyedEncodingContainer(encoder: encoder, node: child, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let path = nextPath
        let child = RpcEncodingNode()
        node.append(child)
        return encoder.encoder(for: child, at: path)
    }
}
