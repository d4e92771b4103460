import Foundation
import GRDB

/// The SQLite database of one Durable Object (through GRDB): the key-value API's table
/// `_cf_KV` and whatever tables the object creates with `sql.exec`.
///
/// Writes are *batched* the way workerd coalesces them (§8.5): the first write after a commit
/// opens a transaction (`BEGIN`), every write until the next commit joins it, and the runtime
/// commits it from a job it schedules at that first write — so everything written without an
/// intervening await is one atomic commit, and the output gate holds results until it is done.
/// GRDB is told to allow a transaction left open between accesses for exactly this.
///
/// In memory by default. On disk (`Runtime(stateDirectory:)`) the file is in WAL mode with
/// `synchronous=FULL`: a commit is on disk before it is confirmed, so killing the process at any
/// moment loses no confirmed write (an unconfirmed batch is rolled back by SQLite on reopen,
/// and its results were never delivered).
///
/// All access happens on the runtime's loop, one job at a time (GRDB's queue serializes it
/// again; the calls are synchronous).
final class ObjectDatabase {
    let queue: DatabaseQueue
    /// The file, or nil in memory.
    let path: String?
    /// A batch transaction is open: writes made since the last commit are unconfirmed.
    private(set) var batchOpen = false
    /// Writes in the open batch.
    private(set) var batchWrites = 0
    /// How many batches have been committed (the number of the last one).
    private(set) var batchNumber = 0

    init(path: String?) throws {
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        config.label = path.map { "do:\(($0 as NSString).lastPathComponent)" } ?? "do:memory"
        if path != nil {
            config.journalMode = .wal
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        }
        if let path {
            queue = try DatabaseQueue(path: path, configuration: config)
        } else {
            queue = try DatabaseQueue(named: nil, configuration: config)
        }
        self.path = path
        try queue.inDatabase { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS _cf_KV (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID")
        }
    }

    func close() {
        if batchOpen { rollback() }
        try? queue.close()
    }

    // MARK: batches

    /// Opens a batch if none is open; returns whether it did (the caller schedules the commit).
    @discardableResult
    func beginBatchIfNeeded() throws -> Bool {
        guard !batchOpen else { return false }
        return try queue.inDatabase { db in try beginBatchIfNeeded(in: db) }
    }

    /// `beginBatchIfNeeded` inside a database access that is already open.
    func beginBatchIfNeeded(in db: Database) throws -> Bool {
        guard !batchOpen else { return false }
        try db.execute(sql: "BEGIN IMMEDIATE")
        batchOpen = true
        batchWrites = 0
        return true
    }

    func noteWrites(_ n: Int) { batchWrites += n }

    /// Commits the open batch (durably, on disk). Returns the number of writes it held.
    func commit() throws -> Int {
        guard batchOpen else { return 0 }
        try queue.inDatabase { db in try db.execute(sql: "COMMIT") }
        batchOpen = false
        batchNumber += 1
        defer { batchWrites = 0 }
        return batchWrites
    }

    /// Discards the open batch. Returns the number of writes it held.
    @discardableResult
    func rollback() -> Int {
        guard batchOpen else { return 0 }
        try? queue.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        batchOpen = false
        defer { batchWrites = 0 }
        return batchWrites
    }

    func savepoint(_ name: String) throws { try queue.inDatabase { db in try db.execute(sql: "SAVEPOINT \(name)") } }
    func release(_ name: String) throws { try queue.inDatabase { db in try db.execute(sql: "RELEASE \(name)") } }
    func rollback(to name: String) throws {
        try queue.inDatabase { db in
            try db.execute(sql: "ROLLBACK TO \(name)")
            try db.execute(sql: "RELEASE \(name)")
        }
    }

    // MARK: key-value

    func get(_ key: String) throws -> RpcValue? {
        let blob = try queue.inDatabase { db in try Data.fetchOne(db, sql: "SELECT value FROM _cf_KV WHERE key = ?", arguments: [key]) }
        return try blob.map { try StoredValue.decode(Array($0)) }
    }

    /// The stored keys among `keys`, in key order.
    func get(_ keys: [String]) throws -> [(key: String, value: RpcValue)] {
        var found: [(key: String, value: RpcValue)] = []
        for key in Set(keys) {
            if let value = try get(key) { found.append((key, value)) }
        }
        return try order(found)
    }

    func put(_ key: String, _ bytes: [UInt8]) throws {
        try queue.inDatabase { db in
            try db.execute(
                sql: "INSERT INTO _cf_KV (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key, Data(bytes)])
        }
    }

    /// Deletes `key`; returns whether it existed.
    func delete(_ key: String) throws -> Bool {
        try queue.inDatabase { db in
            try db.execute(sql: "DELETE FROM _cf_KV WHERE key = ?", arguments: [key])
            return db.changesCount > 0
        }
    }

    /// Deletes every key and every table, view and trigger the object made with SQL (as
    /// workerd's SQLite-backed `deleteAll()` does). Returns how many keys there were.
    func deleteAll() throws -> Int {
        try queue.inDatabase { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            try db.execute(sql: "DELETE FROM _cf_KV")
            let keys = db.changesCount
            let objects = try Row.fetchAll(db, sql: """
                SELECT type, name FROM sqlite_master
                WHERE type IN ('view', 'trigger', 'table') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                  AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'
                ORDER BY CASE type WHEN 'view' THEN 0 WHEN 'trigger' THEN 1 ELSE 2 END, name
                """)
            for row in objects {
                let type: String = row["type"]
                let name: String = row["name"]
                try db.execute(sql: "DROP \(type.uppercased()) IF EXISTS \(name.quotedDatabaseIdentifier)")
            }
            return keys
        }
    }

    /// The keys in `[start, end)` with `prefix`, in key order (reversed when asked), at most
    /// `limit`. Keys compare by their UTF-8 bytes (SQLite's BINARY collation), as in Workers.
    func list(start: String?, startAfter: String?, end: String?, prefix: String?, reverse: Bool, limit: Int?) throws
        -> [(key: String, value: RpcValue)]
    {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let start { conditions.append("key >= ?"); arguments.append(start) }
        if let startAfter { conditions.append("key > ?"); arguments.append(startAfter) }
        if let end { conditions.append("key < ?"); arguments.append(end) }
        if let prefix, !prefix.isEmpty {
            conditions.append("substr(key, 1, ?) = ?")
            arguments.append(prefix.unicodeScalars.count)
            arguments.append(prefix)
        }
        var sql = "SELECT key, value FROM _cf_KV"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY key " + (reverse ? "DESC" : "ASC")
        if let limit { sql += " LIMIT \(limit)" }
        let rows = try queue.inDatabase { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
        }
        return try rows.map { row in
            let key: String = row["key"]
            let data: Data = row["value"]
            return (key, try StoredValue.decode(Array(data)))
        }
    }

    /// Sorts keys by their UTF-8 bytes, as SQLite does.
    private func order(_ entries: [(key: String, value: RpcValue)]) throws -> [(key: String, value: RpcValue)] {
        entries.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
    }

    // MARK: SQL

    /// Runs `query` (one or more statements) with `bindings`; returns the last statement's
    /// rows. `beginBatch` is called before the first statement that writes.
    func exec(_ query: String, _ bindings: [DatabaseValue], beginBatch: (Database) throws -> Void) throws -> SqlCursor {
        do {
            return try run(query, bindings, beginBatch: beginBatch)
        } catch let error as DatabaseError {
            // A failed statement is undone by SQLite; some failures undo the whole transaction,
            // and then the batch is gone too.
            if batchOpen && !queue.inDatabase({ $0.isInsideTransaction }) {
                batchOpen = false
                batchWrites = 0
            }
            throw Self.workersError(error)
        }
    }

    /// SQLite's message and result code, as Workers reports them (`no such table: t: SQLITE_ERROR`).
    static func workersError(_ error: DatabaseError) -> RpcError {
        let names: [Int32: String] = [
            1: "SQLITE_ERROR", 5: "SQLITE_BUSY", 8: "SQLITE_READONLY", 11: "SQLITE_CORRUPT", 13: "SQLITE_FULL",
            18: "SQLITE_TOOBIG", 19: "SQLITE_CONSTRAINT", 20: "SQLITE_MISMATCH", 23: "SQLITE_AUTH", 25: "SQLITE_RANGE",
        ]
        let code = error.resultCode.primaryResultCode.rawValue
        return RpcError.error("\(error.message ?? "SQLite error"): \(names[code] ?? "SQLITE_ERROR")")
    }

    private func run(_ query: String, _ bindings: [DatabaseValue], beginBatch: (Database) throws -> Void) throws -> SqlCursor {
        try queue.inDatabase { db in
            let before = db.totalChangesCount
            let statements = try db.allStatements(sql: query, arguments: bindings.isEmpty ? nil : StatementArguments(bindings))
            var columns: [String] = []
            var rows: [[RpcValue]] = []
            var read = 0
            var wrote = false
            while let statement = try statements.next() {
                if Self.isTransactionControl(statement.sql) {
                    throw RpcError.error(RpcError.Message.sqlTransactionStatement)
                }
                if !statement.isReadonly {
                    try beginBatch(db)
                    wrote = true
                }
                columns = statement.columnNames
                rows = []
                let cursor = try Row.fetchCursor(statement)
                while let row = try cursor.next() {
                    rows.append((0..<row.count).map { Self.value(row[$0] as DatabaseValue) })
                }
                read += rows.count
            }
            let written = db.totalChangesCount - before
            return SqlCursor(columnNames: columns, rawRows: rows, rowsRead: read, rowsWritten: written, wrote: wrote)
        }
    }

    static func isTransactionControl(_ sql: String) -> Bool {
        let word = sql.drop { $0.isWhitespace || $0 == ";" }.prefix { $0.isLetter }.uppercased()
        return ["BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"].contains(word)
    }

    static func value(_ value: DatabaseValue) -> RpcValue {
        switch value.storage {
        case .null: .null
        case .int64(let i): .number(Double(i))
        case .double(let d): .number(d)
        case .string(let s): .string(s)
        case .blob(let data): .bytes(RpcBytes(Array(data), kind: .arrayBuffer))
        }
    }
}

/// The result of `sql.exec` (`SqlStorageCursor` in Workers), already read to the end: the last
/// statement's rows.
public struct SqlCursor: Sendable {
    /// The result columns, in order.
    public let columnNames: [String]
    /// Each row's values in column order (`cursor.raw()`).
    public let rawRows: [[RpcValue]]
    /// Rows the statements returned (Workers counts rows SQLite scanned; Switchboard counts the
    /// rows returned, which is what a scan of them reads at least).
    public let rowsRead: Int
    /// Rows inserted, updated or deleted.
    public let rowsWritten: Int
    /// Whether any statement wrote (and so joined the write batch).
    let wrote: Bool

    /// Each row as an object of column name → value (`cursor.toArray()`); a repeated column
    /// name keeps its last value, as in JavaScript.
    public var rows: [RpcObject] {
        rawRows.map { values in
            var object = RpcObject()
            for (name, value) in zip(columnNames, values) { object[name] = value }
            return object
        }
    }

    /// The rows as `RpcValue` objects.
    public func toArray() -> [RpcValue] { rows.map { .object($0) } }

    /// The only row (`cursor.one()`); `Error` when there are none or several.
    public func one() throws -> RpcObject {
        guard rawRows.count == 1 else {
            throw RpcError.error(
                rawRows.isEmpty
                    ? "Expected exactly one result from SQL query, but got no results."
                    : "Expected exactly one result from SQL query, but got multiple results.")
        }
        return rows[0]
    }
}
