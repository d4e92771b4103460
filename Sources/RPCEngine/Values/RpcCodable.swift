/// A `Codable` type that can be an RPC argument or result with no further code:
///
/// ```swift
/// struct User: RpcCodable { var name: String; var age: Int }
/// $0.method("rename", Users.rename)   // func rename(_ user: User, to: String) -> User
/// ```
///
/// The default `rpcValue()` runs `RpcValueEncoder` and the default `init(rpc:)` runs
/// `RpcValueDecoder`, so the value a JavaScript peer sees is the plain object it would send
/// (`{ name: "Ada", age: 36 }`), and a mismatched argument is refused with a `TypeError` that
/// names the field (`Expected a number at age, but received "x".`). A type may still
/// implement either requirement itself.
public protocol RpcCodable: Codable, RpcEncodable, RpcDecodable {}

extension RpcCodable {
    /// The value as `RpcValueEncoder` encodes it; throws `DataCloneError` when some part of it
    /// cannot be sent.
    public func rpcValue() throws -> RpcValue { try RpcValueEncoder().encode(self) }

    /// Decodes `value` with `RpcValueDecoder`; throws `TypeError` naming the coding path.
    public init(rpc value: RpcValue) throws { self = try RpcValueDecoder().decode(Self.self, from: value) }
}
