/// Binary data with the kind of view it was sent as (§3.1: typed arrays keep their type).
public struct RpcBytes: Sendable, Equatable {
    /// The JavaScript class the bytes travel as.
    public enum Kind: String, Sendable, CaseIterable {
        case arrayBuffer = "ArrayBuffer", dataView = "DataView"
        case uint8 = "Uint8Array", int8 = "Int8Array", uint8Clamped = "Uint8ClampedArray"
        case uint16 = "Uint16Array", int16 = "Int16Array", uint32 = "Uint32Array", int32 = "Int32Array"
        case float32 = "Float32Array", float64 = "Float64Array"
        case bigUint64 = "BigUint64Array", bigInt64 = "BigInt64Array"
    }
    public var kind: Kind
    public var data: [UInt8]
    public init(_ data: [UInt8], kind: Kind = .uint8) { self.data = data; self.kind = kind }

    /// Lower-case hex, as scenario files write bytes (`bytes("68656c6c6f")`).
    public var hex: String {
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(data.count * 2)
        for b in data { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return out
    }

    /// Parses lower- or upper-case hex; nil for odd lengths or other characters.
    public init?(hex: String, kind: Kind = .uint8) {
        let chars = Array(hex.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 97...102: c - 87
            case 65...70: c - 55
            default: nil
            }
        }
        var i = 0
        while i < chars.count {
            guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        self.init(out, kind: kind)
    }
}
