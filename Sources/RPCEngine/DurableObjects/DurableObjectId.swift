/// A Durable Object's id (`DurableObjectId` in Workers): 32 bytes, written as 64 lower-case hex
/// digits, unique within its namespace.
///
/// Ids are derived as workerd derives them (§8.1): the namespace has a key (here SHA-256 of
/// `"<script worker>/<class name>"`); the first 16 bytes are HMAC(key, name) for `idFromName`,
/// or 16 bytes from the runtime's seeded random source for `newUniqueId`; the last 16 bytes are
/// HMAC(key, first 16 bytes). So `idFromName` is deterministic, a runtime with the same seed
/// makes the same unique ids, and `idFromString` can tell an id of another namespace.
///
/// Across RPC and in scenario values an id is its hex string (`RpcValue.string`); `name` is
/// known only to the runtime that derived the id from a name (`stub.name` in Workers is
/// `undefined` for unique ids and for ids parsed from strings, as here).
public struct DurableObjectId: Sendable, Hashable, CustomStringConvertible {
    /// 64 lower-case hex digits.
    public let hex: String
    /// The name it was derived from (`idFromName`), if any.
    public let name: String?

    public init(hex: String, name: String? = nil) {
        self.hex = hex
        self.name = name
    }

    /// `id.toString()`.
    public var description: String { hex }

    /// `id.equals(other)`: same object (names are not compared).
    public func equals(_ other: DurableObjectId) -> Bool { hex == other.hex }

    public static func == (a: DurableObjectId, b: DurableObjectId) -> Bool { a.hex == b.hex }
    public func hash(into hasher: inout Hasher) { hasher.combine(hex) }

    /// Whether `text` is 64 hex digits (either case).
    static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) || (65...70).contains($0) }
    }
}

extension DurableObjectId: RpcConvertible {
    public func rpcValue() -> RpcValue { .string(hex) }

    /// Accepts the id's hex string. Which namespace it belongs to is checked where it is used
    /// (`get`, `idFromString`).
    public init(rpc value: RpcValue) throws {
        guard case .string(let text) = value else { throw Self.mismatch("a Durable Object id", value) }
        guard Self.isWellFormed(text) else { throw RpcError.typeError(RpcError.Message.invalidDurableObjectId) }
        self.init(hex: text.lowercased())
    }
}

/// One Durable Object namespace: a class exported by a worker's module. Every binding that
/// names the same (script, class) reaches the same objects.
struct DurableObjectNamespaceKey: Hashable, Sendable, CustomStringConvertible {
    /// The worker whose module exports the class.
    let script: String
    let className: String
    var description: String { "\(script)/\(className)" }
}

/// Makes and checks the ids of one namespace (workerd's `ActorIdFactoryImpl`).
struct DurableObjectIdFactory: Sendable {
    let key: [UInt8]

    init(_ namespace: DurableObjectNamespaceKey) {
        key = SHA256.hash(Array("\(namespace.script)/\(namespace.className)".utf8))
    }

    func idFromName(_ name: String) -> DurableObjectId {
        let base = Array(SHA256.hmac(key: key, Array(name.utf8)).prefix(16))
        return DurableObjectId(hex: hex(base + mac(base)), name: name)
    }

    /// An id from 16 random bytes.
    func uniqueId(random: [UInt8]) -> DurableObjectId {
        let base = Array(random.prefix(16))
        return DurableObjectId(hex: hex(base + mac(base)))
    }

    /// Parses and checks an id: `TypeError` for a malformed string or an id of another
    /// namespace (workerd's messages).
    func idFromString(_ text: String) throws -> DurableObjectId {
        guard DurableObjectId.isWellFormed(text), let bytes = RpcBytes(hex: text)?.data else {
            throw RpcError.typeError(RpcError.Message.invalidDurableObjectId)
        }
        guard Array(bytes[16...]) == mac(Array(bytes[..<16])) else {
            throw RpcError.typeError(RpcError.Message.durableObjectIdOfOtherNamespace)
        }
        return DurableObjectId(hex: text.lowercased())
    }

    private func mac(_ base: [UInt8]) -> [UInt8] { Array(SHA256.hmac(key: key, base).prefix(16)) }
    private func hex(_ bytes: [UInt8]) -> String { RpcBytes(bytes).hex }
}

extension RpcError.Message {
    /// `idFromString` (and `get`) with a string that is not 64 hex digits.
    public static let invalidDurableObjectId = "Invalid Durable Object ID: must be 64 hex digits"
    /// `idFromString` (and `get`) with an id made by another namespace.
    public static let durableObjectIdOfOtherNamespace = "Durable Object ID is not valid for this namespace."
    /// §8.3: an RPC call to an object whose class does not extend `DurableObject`.
    public static let durableObjectWithoutRpc =
        "The receiving Durable Object does not support RPC, because its class was not declared with `extends DurableObject`. In order to enable RPC, make sure your class extends the special class `DurableObject`, which can be imported from the module \"cloudflare:workers\"."
    /// `get(x)` with something that is not an id.
    public static let notADurableObjectId =
        "Failed to execute 'get' on 'DurableObjectNamespace': parameter 1 is not of type 'DurableObjectId'."
    /// `ctx.abort()` in a Durable Object with no reason.
    public static let durableObjectAborted = "Application called abort() to reset Durable Object."
    /// Storage: `put(key, undefined)`.
    public static let putUndefined = "put() called with undefined value."
    /// Storage: `list({ limit })` with a limit that is not positive.
    public static let listLimitNotPositive = "List limit must be positive."
    /// Storage: `list({ start, startAfter })`.
    public static let listStartAndStartAfter = "list() cannot be called with both start and startAfter values."
    /// Storage: `deleteAll()` inside `transaction()`.
    public static let deleteAllInTransaction = "Cannot call deleteAll() within a transaction"
    /// `sql.exec` with BEGIN, COMMIT, ROLLBACK, SAVEPOINT or RELEASE.
    public static let sqlTransactionStatement =
        "To execute a transaction, please use the state.storage.transaction() or state.storage.transactionSync() APIs instead of the SQL BEGIN TRANSACTION or SAVEPOINT statements. The JavaScript API is safer because it will automatically roll back on exceptions, and because it interacts correctly with Durable Objects' automatic atomic write coalescing."
    /// `sql.exec` touching the storage's own tables (names starting with `_cf_`).
    public static let sqlNotAuthorized = "not authorized: SQLITE_AUTH"
    /// Storage values: a stub cannot be stored (§3.1).
    public static let stubNotStorable = "RpcStub cannot be serialized in this context."
    /// Storage values: functions and `RpcTarget`s cannot be stored (§3.1).
    public static let referenceNotStorable = "Remote RPC references can only be serialized for RPC."
}
