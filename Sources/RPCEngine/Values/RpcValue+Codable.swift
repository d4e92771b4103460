// `Codable` conformances for the value types that have no data-only representation, so that
// a `Codable` struct can hold them (`struct Job: RpcCodable { var callback: Stub }`).
//
// With `RpcValueEncoder` / `RpcValueDecoder` they pass through unchanged. Any other coder gets
// an `EncodingError` / `DecodingError` for `RpcValue` and `Stub` — a stub is a live
// capability, not data, and an `RpcValue` may hold one — while `RpcBigInt` falls back to its
// decimal string, which every format can carry.
//
// Trade-off: `Stub: Encodable` gives `Stub` a real `encode(to:)` member, and real members shadow
// dynamic ones, so a remote method named `encode` is called as `stub[dynamicMember: "encode"](…)`
// (nested paths such as `stub.codec.encode(…)` are unaffected).

extension RpcValue: Codable {
    /// With `RpcValueEncoder`, stores this value unchanged; other encoders throw
    /// `EncodingError.invalidValue` (the value may hold a capability).
    public func encode(to encoder: any Encoder) throws {
        guard let encoder = encoder as? RpcEncoding else {
            throw EncodingError.invalidValue(
                self,
                .init(codingPath: encoder.codingPath, debugDescription: "An RpcValue can only be encoded by RpcValueEncoder."))
        }
        encoder.node.set(self)
    }

    /// With `RpcValueDecoder`, the value as received, whatever it is; other decoders throw
    /// `DecodingError.typeMismatch`.
    public init(from decoder: any Decoder) throws {
        guard let decoder = decoder as? RpcDecoding else {
            throw DecodingError.typeMismatch(
                RpcValue.self,
                .init(codingPath: decoder.codingPath, debugDescription: "An RpcValue can only be decoded by RpcValueDecoder."))
        }
        self = decoder.value
    }
}

extension Stub: Codable {
    /// With `RpcValueEncoder`, stores `.stub(self)`, so the capability travels by reference
    /// (§3.1); other encoders throw `EncodingError.invalidValue`.
    public func encode(to encoder: any Encoder) throws {
        guard let encoder = encoder as? RpcEncoding else {
            throw EncodingError.invalidValue(
                self,
                .init(codingPath: encoder.codingPath, debugDescription: "A Stub can only be encoded by RpcValueEncoder."))
        }
        encoder.node.set(.stub(self))
    }

    /// With `RpcValueDecoder`, the stub of a `.stub` value (`TypeError` naming the path for
    /// anything else); other decoders throw `DecodingError.typeMismatch`.
    public init(from decoder: any Decoder) throws {
        guard let decoder = decoder as? RpcDecoding else {
            throw DecodingError.typeMismatch(
                Stub.self,
                .init(codingPath: decoder.codingPath, debugDescription: "A Stub can only be decoded by RpcValueDecoder."))
        }
        guard case .stub(let stub) = decoder.value else {
            throw RpcCodingKey.mismatch("a stub", decoder.value, at: decoder.codingPath)
        }
        self = stub
    }
}

extension RpcBigInt: Codable {
    /// `.bigint` with `RpcValueEncoder`; the decimal string with any other encoder.
    public func encode(to encoder: any Encoder) throws {
        if let encoder = encoder as? RpcEncoding {
            encoder.node.set(.bigint(self))
        } else {
            var container = encoder.singleValueContainer()
            try container.encode(decimal)
        }
    }

    /// A `.bigint` with `RpcValueDecoder` (`TypeError` naming the path for anything else); a
    /// decimal string with any other decoder (`DecodingError.dataCorrupted` if it is not one).
    public init(from decoder: any Decoder) throws {
        if let decoder = decoder as? RpcDecoding {
            guard case .bigint(let value) = decoder.value else {
                throw RpcCodingKey.mismatch("a bigint", decoder.value, at: decoder.codingPath)
            }
            self = value
            return
        }
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = RpcBigInt(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "\"\(text)\" is not a decimal integer."))
        }
        self = value
    }
}
