import Foundation
import GRDB

/// `ctx.storage` of a Durable Object: a key-value API and SQL, in one SQLite database per
/// object (§8.5).
///
/// Reads (`get`, `list`) are asynchronous and keep the input gate closed while they are awaited:
/// no other call is delivered to the object until the read returns (they suspend once on the
/// loop, so this is observable). Writes (`put`, `delete`, `deleteAll`, writing SQL) are
/// synchronous, as writes in Workers need no await: they join the current *batch*, and every
/// write made without an intervening await is committed atomically. Until the batch is
/// confirmed, the output gate holds the object's results and outgoing calls.
///
/// Values are stored as a faithful encoding of `RpcValue` (see `StoredValue`); stubs, functions,
/// `RpcTarget`s and promises are refused with `DataCloneError`. Keys are ordered by their UTF-8
/// bytes.
///
/// Every operation throws the object's break reason once it is broken.
public struct DurableObjectStorage: Sendable {
    let runtime: Runtime
    let object: LoopBound<ObjectState>

    // MARK: reading

    /// The value at `key`, or `undefined`.
    public func get(_ key: String) async throws -> RpcValue {
        try await read(.get, RpcValue.quote(key)) { try $0.get(key) ?? .undefined } describe: { $0.summary(limit: 60) }
    }

    /// The value at `key` decoded as `T`, or nil when there is none.
    public func get<T: RpcDecodable>(_ key: String, as type: T.Type = T.self) async throws -> T? {
        let value = try await get(key)
        if case .undefined = value { return nil }
        return try T(rpc: value)
    }

    /// The stored keys among `keys` with their values, in key order (a `Map` in Workers).
    public func get(_ keys: [String]) async throws -> [(key: String, value: RpcValue)] {
        try await read(.get, "[" + keys.map(RpcValue.quote).joined(separator: ", ") + "]") { try $0.get(keys) } describe: {
            "\($0.count) key\($0.count == 1 ? "" : "s")"
        }
    }

    /// Keys and values in key order (`storage.list(options)`): `start` (inclusive) or
    /// `startAfter` (exclusive), `end` (exclusive), `prefix`, `reverse`, `limit`.
    public func list(_ options: DurableObjectListOptions = DurableObjectListOptions()) async throws -> [(key: String, value: RpcValue)] {
        if let limit = options.limit, limit <= 0 { throw RpcError.typeError(RpcError.Message.listLimitNotPositive) }
        if options.start != nil && options.startAfter != nil { throw RpcError.typeError(RpcError.Message.listStartAndStartAfter) }
        return try await read(.list, options.description) {
            try $0.list(start: options.start, startAfter: options.startAfter, end: options.end, prefix: options.prefix,
                        reverse: options.reverse, limit: options.limit)
        } describe: {
            "\($0.count) key\($0.count == 1 ? "" : "s")"
        }
    }

    // MARK: writing

    /// Stores `value` at `key` (joins the current batch). `TypeError` for `undefined`;
    /// `DataCloneError` for a value holding a reference.
    public func put(_ key: String, _ value: RpcValue) throws {
        if case .undefined = value { throw RpcError.typeError(RpcError.Message.putUndefined) }
        let bytes = try StoredValue.encode(value)
        try write(.put, "\(RpcValue.quote(key)) = \(value.summary(limit: 60))") { db in
            try db.put(key, bytes)
            return (1, "", ())
        }
    }

    /// Stores a Swift value.
    public func put(_ key: String, _ value: some RpcEncodable) throws {
        try put(key, try value.rpcValue())
    }

    /// Stores several entries in one batch (`put(entries)`); `undefined` values are skipped,
    /// as in Workers.
    public func put(_ entries: RpcObject) throws {
        let encoded = try entries.filter { if case .undefined = $0.value { false } else { true } }
            .map { ($0.key, try StoredValue.encode($0.value)) }
        try write(.put, RpcValue.object(entries).summary(limit: 60)) { db in
            for (key, bytes) in encoded { try db.put(key, bytes) }
            return (encoded.count, "", ())
        }
    }

    /// Deletes `key`; returns whether it existed.
    @discardableResult
    public func delete(_ key: String) throws -> Bool {
        try write(.delete, RpcValue.quote(key)) { db in
            let existed = try db.delete(key)
            return (1, " → \(existed)", existed)
        }
    }

    /// Deletes `keys`; returns how many existed.
    @discardableResult
    public func delete(_ keys: [String]) throws -> Int {
        try write(.delete, "[" + keys.map(RpcValue.quote).joined(separator: ", ") + "]") { db in
            var count = 0
            for key in keys where try db.delete(key) { count += 1 }
            return (keys.count, " → \(count)", count)
        }
    }

    /// Deletes everything: every key, and every table the object made with SQL. `Error` inside
    /// `transaction()`.
    public func deleteAll() throws {
        let object = self.object
        let inTransaction = runtime.onLoop { _ in object.value.transactionDepth > 0 }
        if inTransaction { throw RpcError.error(RpcError.Message.deleteAllInTransaction) }
        try write(.deleteAll, "") { db in
            let count = try db.deleteAll()
            return (1, "→ \(count) key\(count == 1 ? "" : "s")", ())
        }
    }

    // MARK: transactions and SQL

    /// Runs `body` as one transaction (§8.5): other calls wait until it ends (it is a critical
    /// section, like `blockConcurrencyWhile`, but a failure does not break the object). If
    /// `body` throws, or calls `txn.rollback()`, everything it wrote is undone; a thrown error
    /// is rethrown.
    public func transaction<T>(_ body: nonisolated(nonsending) (DurableObjectTransaction) async throws -> T) async throws -> T {
        let object = self.object
        let section = try runtime.onLoop { rt -> Int in
            let section = try rt.beginSection(object.value, label: "transaction")
            do {
                try rt.beginTransaction(object.value, savepoint: "_cf_txn_\(section)")
            } catch {
                rt.endSection(object.value, section, error: RpcError.from(error))
                throw error
            }
            return section
        }
        let txn = DurableObjectTransaction(storage: self)
        do {
            let result = try await DurableObjectTaskLocals.$sections.withValue(DurableObjectTaskLocals.sections + [section]) {
                try await body(txn)
            }
            let rolledBack = txn.state.rolledBack
            try runtime.onLoop { rt in
                try rt.endTransaction(object.value, savepoint: "_cf_txn_\(section)", commit: !rolledBack)
                rt.endSection(object.value, section, error: nil)
            }
            return result
        } catch {
            runtime.onLoop { rt in
                try? rt.endTransaction(object.value, savepoint: "_cf_txn_\(section)", commit: false)
                rt.endSection(object.value, section, error: RpcError.from(error))
            }
            throw error
        }
    }

    /// The SQL API (`ctx.storage.sql`).
    public var sql: DurableObjectSql { DurableObjectSql(storage: self) }

    // MARK: plumbing

    private func read<T: Sendable>(
        _ op: DurableObjectEvent.StorageOperation, _ detail: String, _ body: @Sendable (ObjectDatabase) throws -> T,
        describe: @Sendable (T) -> String
    ) async throws -> T {
        let object = self.object
        try runtime.onLoop { try $0.beginStorageRead(object.value, op) }
        await runtime.suspendOnce()
        return try runtime.onLoop { rt in
            defer { rt.endStorageRead(object.value) }
            let value = try rt.performStorageRead(object.value) { try body($0) }
            rt.storageEvent(object.value, op, detail + " → " + describe(value))
            return value
        }
    }

    /// Runs a write: `body` returns how many writes it made, a suffix for the event's detail,
    /// and the operation's result.
    func write<R: Sendable>(
        _ op: DurableObjectEvent.StorageOperation, _ detail: String,
        _ body: @Sendable (ObjectDatabase) throws -> (writes: Int, suffix: String, result: R)
    ) throws -> R {
        let object = self.object
        return try runtime.onLoop { rt in
            let outcome = try rt.performStorageWrite(object.value, body)
            rt.storageEvent(object.value, op, detail + outcome.suffix)
            return outcome.result
        }
    }
}

/// `storage.list()` options.
public struct DurableObjectListOptions: Sendable, CustomStringConvertible {
    /// The first key (inclusive).
    public var start: String?
    /// The key after which to start (exclusive); not together with `start`.
    public var startAfter: String?
    /// The key before which to stop (exclusive).
    public var end: String?
    public var prefix: String?
    /// Descending key order (`limit` then counts from the end).
    public var reverse: Bool
    /// At most this many entries; must be positive.
    public var limit: Int?

    public init(
        start: String? = nil, startAfter: String? = nil, end: String? = nil, prefix: String? = nil, reverse: Bool = false,
        limit: Int? = nil
    ) {
        self.start = start
        self.startAfter = startAfter
        self.end = end
        self.prefix = prefix
        self.reverse = reverse
        self.limit = limit
    }

    /// The options as a JavaScript object literal (`{prefix: "a", limit: 2}`).
    public var description: String {
        var parts: [String] = []
        if let start { parts.append("start: \(RpcValue.quote(start))") }
        if let startAfter { parts.append("startAfter: \(RpcValue.quote(startAfter))") }
        if let end { parts.append("end: \(RpcValue.quote(end))") }
        if let prefix { parts.append("prefix: \(RpcValue.quote(prefix))") }
        if reverse { parts.append("reverse: true") }
        if let limit { parts.append("limit: \(limit)") }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}

/// The `txn` of `storage.transaction(txn => ...)`: the storage's operations, plus `rollback()`.
public struct DurableObjectTransaction: Sendable {
    /// Safety of `@unchecked Sendable`: only touched on the runtime's loop, by the transaction's
    /// own code.
    final class State: @unchecked Sendable { var rolledBack = false }
    let storage: DurableObjectStorage
    let state = State()

    public func get(_ key: String) async throws -> RpcValue { try await storage.get(key) }
    public func get<T: RpcDecodable>(_ key: String, as type: T.Type = T.self) async throws -> T? { try await storage.get(key, as: type) }
    public func get(_ keys: [String]) async throws -> [(key: String, value: RpcValue)] { try await storage.get(keys) }
    public func list(_ options: DurableObjectListOptions = DurableObjectListOptions()) async throws -> [(key: String, value: RpcValue)] {
        try await storage.list(options)
    }
    public func put(_ key: String, _ value: RpcValue) throws { try storage.put(key, value) }
    public func put(_ key: String, _ value: some RpcEncodable) throws { try storage.put(key, value) }
    public func put(_ entries: RpcObject) throws { try storage.put(entries) }
    @discardableResult public func delete(_ key: String) throws -> Bool { try storage.delete(key) }
    @discardableResult public func delete(_ keys: [String]) throws -> Int { try storage.delete(keys) }

    /// Undoes everything this transaction wrote when it ends, without an error (idempotent).
    public func rollback() { state.rolledBack = true }
}

/// `ctx.storage.sql`.
public struct DurableObjectSql: Sendable {
    let storage: DurableObjectStorage

    /// Runs `query` (one or more statements; the last one's rows are returned) with positional
    /// `?` bindings (`null`/`undefined`, numbers, strings, bytes). Synchronous, as in Workers;
    /// writing statements join the current batch. Statements that control transactions are
    /// refused (use `transaction()`), and so is any reference to the storage's own `_cf_`
    /// tables (a textual check: `Error: not authorized: SQLITE_AUTH`).
    @discardableResult
    public func exec(_ query: String, _ bindings: RpcValue...) throws -> SqlCursor {
        try exec(query, bindings: bindings)
    }

    /// `exec` with the bindings as an array.
    @discardableResult
    public func exec(_ query: String, bindings: [RpcValue]) throws -> SqlCursor {
        if query.lowercased().contains("_cf_") { throw RpcError.error(RpcError.Message.sqlNotAuthorized) }
        let values = try bindings.map(Self.databaseValue)
        let object = storage.object
        return try storage.runtime.onLoop { rt in
            let cursor = try rt.performSql(object.value, query, values)
            let rows = cursor.rawRows.count
            rt.storageEvent(object.value, .sql, "\(RpcValue.quote(query)) → \(rows) row\(rows == 1 ? "" : "s")"
                + (cursor.rowsWritten > 0 ? ", \(cursor.rowsWritten) written" : ""))
            return cursor
        }
    }

    static func databaseValue(_ value: RpcValue) throws -> DatabaseValue {
        switch value {
        case .null, .undefined: return .null
        case .number(let n): return n.databaseValue
        case .string(let s): return s.databaseValue
        case .bytes(let b): return Data(b.data).databaseValue
        default:
            throw RpcError.typeError("SQL bindings must be null, numbers, strings or bytes; received \(value.summary(limit: 40)).")
        }
    }
}

