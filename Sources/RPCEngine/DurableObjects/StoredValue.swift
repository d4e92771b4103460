/// How Durable Object storage keeps a value: a compact, faithful binary encoding of
/// `RpcValue`'s data cases, stored as a SQLite BLOB in `_cf_KV.value`.
///
/// Storage uses structured clone, as Workers does: everything `RpcValue` can hold as data
/// survives exactly (`NaN`, `-0`, ±∞ and every other double bit for bit, bigints, dates,
/// regular expressions, maps and sets in order, bytes with their view kind, nested errors with
/// their own properties, `undefined` inside containers). References do not: a stub is refused
/// with `DataCloneError: RpcStub cannot be serialized in this context.`, functions and
/// `RpcTarget`s with `Remote RPC references can only be serialized for RPC.`, promises and
/// non-`RpcTarget` class instances with `Could not serialize object of type "X".` (§3.1).
///
/// Format (version 1): one byte `0x01`, then one value. A value is a tag byte and its payload;
/// integers are little-endian; a string is a u32 byte count and UTF-8.
///
/// | tag | value | payload |
/// |---|---|---|
/// | 0 | undefined | — |
/// | 1 | null | — |
/// | 2 / 3 | false / true | — |
/// | 4 | number | u64 IEEE-754 bits |
/// | 5 | bigint | decimal string |
/// | 6 | string | string |
/// | 7 | bytes | view kind string, u32 count, bytes |
/// | 8 | date | u64 IEEE-754 bits of the milliseconds |
/// | 9 | regexp | source string, flags string |
/// | 10 | map | u32 count, then key value pairs |
/// | 11 | set | u32 count, values |
/// | 12 | array | u32 count, values |
/// | 13 | object | u32 count, then key string and value pairs, in order |
/// | 14 | error | name string, message string, properties as an object payload (u32 count, pairs) |
enum StoredValue {
    static let version: UInt8 = 1

    /// Encodes `value`, refusing references with `DataCloneError`.
    static func encode(_ value: RpcValue) throws -> [UInt8] {
        var out: [UInt8] = [version]
        try write(value, into: &out)
        return out
    }

    /// Decodes what `encode` wrote; `Error` for anything else (a damaged or foreign value).
    static func decode(_ bytes: [UInt8]) throws -> RpcValue {
        var reader = Reader(bytes: bytes)
        guard try reader.byte() == version else { throw corrupt }
        let value = try reader.value()
        guard reader.offset == bytes.count else { throw corrupt }
        return value
    }

    static let corrupt = RpcError.error("Durable Object storage holds a value that cannot be decoded.")

    private static func write(_ value: RpcValue, into out: inout [UInt8]) throws {
        switch value {
        case .undefined: out.append(0)
        case .null: out.append(1)
        case .bool(let b): out.append(b ? 3 : 2)
        case .number(let n): out.append(4); u64(n.bitPattern, &out)
        case .bigint(let b): out.append(5); string(b.decimal, &out)
        case .string(let s): out.append(6); string(s, &out)
        case .bytes(let b): out.append(7); string(b.kind.rawValue, &out); u32(b.data.count, &out); out += b.data
        case .date(let ms): out.append(8); u64(ms.bitPattern, &out)
        case .regexp(let source, let flags): out.append(9); string(source, &out); string(flags, &out)
        case .map(let entries):
            out.append(10); u32(entries.count, &out)
            for e in entries { try write(e.key, into: &out); try write(e.value, into: &out) }
        case .set(let elements):
            out.append(11); u32(elements.count, &out)
            for e in elements { try write(e, into: &out) }
        case .array(let elements):
            out.append(12); u32(elements.count, &out)
            for e in elements { try write(e, into: &out) }
        case .object(let object):
            out.append(13); try pairs(object, &out)
        case .error(let e):
            out.append(14); string(e.name, &out); string(e.message, &out); try pairs(e.properties, &out)
        case .stub:
            throw RpcError.dataClone(RpcError.Message.stubNotStorable, at: nil)
        case .function, .target:
            throw RpcError.dataClone(RpcError.Message.referenceNotStorable, at: nil)
        case .promise:
            throw RpcError.dataClone(RpcError.Message.cannotSerialize("RpcPromise"), at: nil)
        case .opaque(let type):
            throw RpcError.dataClone(RpcError.Message.cannotSerialize(type), at: nil)
        }
    }

    private static func pairs(_ object: RpcObject, _ out: inout [UInt8]) throws {
        u32(object.count, &out)
        for e in object { string(e.key, &out); try write(e.value, into: &out) }
    }

    private static func u32(_ n: Int, _ out: inout [UInt8]) {
        let v = UInt32(truncatingIfNeeded: n)
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }

    private static func u64(_ v: UInt64, _ out: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }

    private static func string(_ s: String, _ out: inout [UInt8]) {
        let utf8 = Array(s.utf8)
        u32(utf8.count, &out)
        out += utf8
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() throws -> UInt8 {
            guard offset < bytes.count else { throw StoredValue.corrupt }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
            guard n >= 0, bytes.count - offset >= n else { throw StoredValue.corrupt }
            defer { offset += n }
            return bytes[offset..<offset + n]
        }

        mutating func u32() throws -> Int {
            var v: UInt32 = 0
            for (i, b) in try take(4).enumerated() { v |= UInt32(b) << UInt32(i * 8) }
            return Int(v)
        }

        mutating func u64() throws -> UInt64 {
            var v: UInt64 = 0
            for (i, b) in try take(8).enumerated() { v |= UInt64(b) << UInt64(i * 8) }
            return v
        }

        mutating func string() throws -> String {
            let count = try u32()
            guard let s = String(validating: try take(count), as: UTF8.self) else { throw StoredValue.corrupt }
            return s
        }

        mutating func count() throws -> Int {
            let n = try u32()
            // Every element takes at least one byte: a count beyond what is left is damage.
            guard n <= bytes.count - offset else { throw StoredValue.corrupt }
            return n
        }

        mutating func pairs() throws -> RpcObject {
            let n = try count()
            var object = RpcObject()
            for _ in 0..<n {
                let key = try string()
                object[key] = try value()
            }
            return object
        }

        mutating func value() throws -> RpcValue {
            switch try byte() {
            case 0: return .undefined
            case 1: return .null
            case 2: return .bool(false)
            case 3: return .bool(true)
            case 4: return .number(Double(bitPattern: try u64()))
            case 5:
                guard let b = RpcBigInt(try string()) else { throw StoredValue.corrupt }
                return .bigint(b)
            case 6: return .string(try string())
            case 7:
                guard let kind = RpcBytes.Kind(rawValue: try string()) else { throw StoredValue.corrupt }
                let n = try u32()
                return .bytes(RpcBytes(Array(try take(n)), kind: kind))
            case 8: return .date(Double(bitPattern: try u64()))
            case 9:
                let source = try string()
                return .regexp(source: source, flags: try string())
            case 10:
                let n = try count()
                var entries: [RpcMapEntry] = []
                for _ in 0..<n {
                    let k = try value()
                    entries.append(RpcMapEntry(k, try value()))
                }
                return .map(entries)
            case 11:
                let n = try count()
                return .set(try (0..<n).map { _ in try value() })
            case 12:
                let n = try count()
                return .array(try (0..<n).map { _ in try value() })
            case 13: return .object(try pairs())
            case 14:
                let name = try string()
                let message = try string()
                return .error(RpcError(name: name, message: message, properties: try pairs()))
            default: throw StoredValue.corrupt
            }
        }
    }
}
