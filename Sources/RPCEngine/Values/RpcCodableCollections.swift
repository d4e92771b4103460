// How `RpcValueEncoder` and `RpcValueDecoder` treat Swift's hashed collections.
//
// The standard `Codable` conformances would turn `[Int: T]` into a flat array of alternating
// keys and values and a `Set` into an array, both in hash order, which differs from process to
// process. These hooks give them their JavaScript counterparts instead, `Map` and `Set`, with
// entries sorted (`RpcValue.codingOrder`) so the same value always encodes the same way.

/// A `Dictionary` the encoder writes as an object (`String` keys) or a `Map` (other keys).
protocol RpcEncodingDictionary {
    func rpcEncode(into target: RpcEncodingNode, at path: [any CodingKey], with encoder: RpcEncoding) throws
}

/// A `Dictionary` the decoder reads from an object (`String` keys) or a `Map` (other keys).
protocol RpcDecodingDictionary {
    static func rpcDecode(_ value: RpcValue, at path: [any CodingKey], with decoder: RpcDecoding) throws -> Self
}

/// A `Set` the encoder writes as a JavaScript `Set`.
protocol RpcEncodingSet {
    func rpcEncode(into target: RpcEncodingNode, at path: [any CodingKey], with encoder: RpcEncoding) throws
}

/// A `Set` the decoder reads from a JavaScript `Set` or an array.
protocol RpcDecodingSet {
    static func rpcDecode(_ value: RpcValue, at path: [any CodingKey], with decoder: RpcDecoding) throws -> Self
}

extension Dictionary: RpcEncodingDictionary where Key: Encodable, Value: Encodable {
    func rpcEncode(into target: RpcEncodingNode, at path: [any CodingKey], with encoder: RpcEncoding) throws {
        if Key.self == String.self {
            var object = RpcObject()
            for (key, value) in self.map({ (key: $0.key as! String, value: $0.value) }).sorted(by: { $0.key < $1.key }) {
                object[key] = try encoder.value(of: value, at: path + [RpcCodingKey(stringValue: key)])
            }
            target.set(.object(object))
            return
        }
        var entries: [RpcMapEntry] = []
        entries.reserveCapacity(count)
        for (key, value) in self {
            let encodedKey = try encoder.value(of: key, at: path)
            let encodedValue = try encoder.value(of: value, at: path + [RpcCodingKey(mapKey: encodedKey)])
            entries.append(RpcMapEntry(encodedKey, encodedValue))
        }
        entries.sort { RpcValue.codingOrder($0.key, $1.key) }
        target.set(.map(entries))
    }
}

extension Dictionary: RpcDecodingDictionary where Key: Decodable, Value: Decodable {
    static func rpcDecode(_ value: RpcValue, at path: [any CodingKey], with decoder: RpcDecoding) throws -> Self {
        var out: [Key: Value] = [:]
        if Key.self == String.self {
            guard case .object(let object) = value else { throw RpcCodingKey.mismatch("an object", value, at: path) }
            out.reserveCapacity(object.count)
            for entry in object {
                out[entry.key as! Key] = try decoder.decode(
                    Value.self, from: entry.value, at: path + [RpcCodingKey(stringValue: entry.key)])
            }
            return out
        }
        guard case .map(let entries) = value else { throw RpcCodingKey.mismatch("a Map", value, at: path) }
        out.reserveCapacity(entries.count)
        for entry in entries {
            let entryPath = path + [RpcCodingKey(mapKey: entry.key)]
            let key = try decoder.decode(Key.self, from: entry.key, at: entryPath)
            out[key] = try decoder.decode(Value.self, from: entry.value, at: entryPath)
        }
        return out
    }
}

extension Set: RpcEncodingSet where Element: Encodable {
    func rpcEncode(into target: RpcEncodingNode, at path: [any CodingKey], with encoder: RpcEncoding) throws {
        var elements: [RpcValue] = []
        elements.reserveCapacity(count)
        for element in self { elements.append(try encoder.value(of: element, at: path)) }
        elements.sort(by: RpcValue.codingOrder)
        target.set(.set(elements))
    }
}

extension Set: RpcDecodingSet where Element: Decodable {
    static func rpcDecode(_ value: RpcValue, at path: [any CodingKey], with decoder: RpcDecoding) throws -> Self {
        let elements: [RpcValue]
        switch value {
        case .set(let e), .array(let e): elements = e
        default: throw RpcCodingKey.mismatch("a Set", value, at: path)
        }
        var out = Set<Element>(minimumCapacity: elements.count)
        for (i, element) in elements.enumerated() {
            out.insert(try decoder.decode(Element.self, from: element, at: path + [RpcCodingKey(intValue: i)]))
        }
        return out
    }
}

extension RpcValue {
    /// A deterministic total order used to sort the keys of Swift dictionaries and the elements
    /// of Swift sets when they are encoded: Swift's hashed collections iterate in a different
    /// order in every process, and a transcript must not.
    ///
    /// Values order first by kind (`undefined`, `null`, booleans, numbers, bigints, strings,
    /// then everything else), then within a kind: `false < true`, numbers numerically with `NaN`
    /// last, bigints numerically, strings by Swift's `<`, other values by their summary.
    static func codingOrder(_ a: RpcValue, _ b: RpcValue) -> Bool {
        func rank(_ v: RpcValue) -> Int {
            switch v {
            case .undefined: 0
            case .null: 1
            case .bool: 2
            case .number: 3
            case .bigint: 4
            case .string: 5
            default: 6
            }
        }
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return !x && y
        case (.number(let x), .number(let y)):
            if x.isNaN || y.isNaN { return !x.isNaN && y.isNaN }
            return x < y
        case (.bigint(let x), .bigint(let y)): return x.lessThan(y)
        case (.string(let x), .string(let y)): return x < y
        default:
            let (ra, rb) = (rank(a), rank(b))
            if ra != rb { return ra < rb }
            return ra == 6 ? a.description < b.description : false
        }
    }
}

extension RpcBigInt {
    /// Numeric comparison of two canonical decimals.
    fileprivate func lessThan(_ other: RpcBigInt) -> Bool {
        let (a, b) = (decimal, other.decimal)
        let (na, nb) = (a.hasPrefix("-"), b.hasPrefix("-"))
        if na != nb { return na }
        let (ma, mb) = (na ? a.dropFirst() : Substring(a), nb ? b.dropFirst() : Substring(b))
        let magnitudeLess = ma.count != mb.count ? ma.count < mb.count : ma < mb
        let magnitudeEqual = ma == mb
        return na ? !magnitudeLess && !magnitudeEqual : magnitudeLess
    }
}
