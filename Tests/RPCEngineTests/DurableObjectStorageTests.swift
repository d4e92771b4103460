import Foundation
import Testing
@testable import RPCEngine

/// §8.5 storage: the key-value API (every `list` option), values kept faithfully, references
/// refused, transactions, `deleteAll`, and SQL.
@Suite struct DurableObjectStorageTests {
    /// Runs `body` against the object `alpha` and returns what it returned.
    func withAlpha<T: Sendable>(_ runtime: Runtime, _ body: @escaping @Sendable (Stub) async throws -> T) throws -> T {
        try runtime.run { env, _ in try await body(try env.namespace("OBJECTS").getByName("alpha")) }
    }

    @Test func getPutDelete() throws {
        let runtime = try makeObjectRuntime()
        let values: [RpcValue] = try withAlpha(runtime) { a in
            [try await a.read("k"), try await a.write("k", "v"), try await a.read("k"), try await a.write("k", 2),
             try await a.read("k"), try await a.remove("k"), try await a.remove("k"), try await a.read("k")]
        }
        #expect(values == [.undefined, true, "v", true, 2, true, false, .undefined])
        expectNoObjectLeaks(runtime)
    }

    /// Every kind of data `RpcValue` holds is stored and read back exactly.
    @Test func valuesAreKeptFaithfully() throws {
        let runtime = try makeObjectRuntime()
        let samples: [RpcValue] = [
            .null, true, false, 0, .number(-0.0), .number(.nan), .number(.infinity), .number(-.infinity), 1.5, 9_007_199_254_740_991,
            .bigint(RpcBigInt("-123456789012345678901234567890")!), "", "héllo 日本 🎉",
            .bytes(RpcBytes([1, 2, 3])), .bytes(RpcBytes([0, 0, 0, 0, 0, 0, 240, 63], kind: .float64)), .bytes(RpcBytes([], kind: .arrayBuffer)),
            .date(0), .date(-1_000), .date(.nan), .regexp(source: "a+b", flags: "gi"),
            .map([RpcMapEntry("a", 1), RpcMapEntry(2, "b"), RpcMapEntry(.null, [1, 2])]), .set([1, "x", .undefined]),
            [1, [2, [3]], .undefined], ["a": 1, "nested": ["b": [.undefined, .null]], "": "empty key"],
            .error(RpcError(name: "RangeError", message: "boom", properties: ["code": 7, "cause": .error(RpcError.error("inner"))])),
        ]
        let back: [RpcValue] = try withAlpha(runtime) { a in
            var out: [RpcValue] = []
            for (i, sample) in samples.enumerated() {
                _ = try await a.write("v\(i)", sample)
                out.append(try await a.read("v\(i)"))
            }
            return out
        }
        #expect(back.count == samples.count)
        for (sample, value) in zip(samples, back) { #expect(value.isSameValue(sample), "\(sample.summary(limit: 80))") }
        #expect(back[4].isSameValue(.number(-0.0)))
        expectNoObjectLeaks(runtime)
    }

    /// Storage uses structured clone: references cannot be stored (§3.1 messages), and
    /// `put(key, undefined)` is a `TypeError`.
    @Test func referencesAndUndefinedAreRefused() throws {
        let runtime = try makeObjectRuntime()
        let (errors, undefinedError): (RpcValue, RpcError?) = try withAlpha(runtime) { a in
            let other = try await a.putReferences(.stub(a))
            var undefinedError: RpcError?
            do { _ = try await a.write("k", .undefined) } catch { undefinedError = error as? RpcError }
            return (other, undefinedError)
        }
        #expect(errors == [
            "DataCloneError: RpcStub cannot be serialized in this context.",
            "DataCloneError: Remote RPC references can only be serialized for RPC.",
            "DataCloneError: Remote RPC references can only be serialized for RPC.",
            "DataCloneError: Could not serialize object of type \"Socket\". This type does not support serialization.",
            "DataCloneError: Remote RPC references can only be serialized for RPC.",
        ])
        #expect(undefinedError?.name == "TypeError")
        #expect(undefinedError?.message == "put() called with undefined value.")
        expectNoObjectLeaks(runtime)
    }

    /// `get(keys)`, `put(entries)` (undefined entries skipped) and `delete(keys)`.
    @Test func manyKeysAtOnce() throws {
        let runtime = try makeObjectRuntime()
        let values: [RpcValue] = try withAlpha(runtime) { a in
            _ = try await a.putMany(["c": 3, "a": 1, "b": .undefined])
            let read = try await a.readMany(["c", "a", "b", "zz", "a"])
            let removed = try await a.removeMany(["a", "b", "zz"])
            return [read, removed, try await a.readMany(["a", "c"])]
        }
        #expect(values == [.map([RpcMapEntry("a", 1), RpcMapEntry("c", 3)]), 1, .map([RpcMapEntry("c", 3)])])
        expectNoObjectLeaks(runtime)
    }

    /// `list()` orders keys by their UTF-8 bytes and honours `start`, `startAfter`, `end`,
    /// `prefix`, `reverse` and `limit`, alone and together; bad options are `TypeError`s.
    @Test func listOptions() throws {
        let runtime = try makeObjectRuntime()
        let keys = ["b", "abc", "é", "Z", "a", "ba", "ab", "c"]
        let (lists, errors): ([[String]], [String]) = try withAlpha(runtime) { a in
            for (i, key) in keys.enumerated() { _ = try await a.write(.string(key), .number(Double(i))) }
            let options: [RpcValue] = [
                [:], ["prefix": "a"], ["start": "ab"], ["startAfter": "ab"], ["end": "b"], ["start": "a", "end": "b"],
                ["reverse": true], ["reverse": true, "limit": 2], ["limit": 3], ["prefix": "a", "reverse": true, "limit": 2],
                ["prefix": "b", "start": "a"], ["prefix": "a", "start": "b"], ["prefix": "a", "end": "ab"], ["prefix": "zz"],
                ["start": "b", "end": "b"], ["startAfter": "a", "end": "abc"], ["prefix": ""],
            ]
            var lists: [[String]] = []
            for o in options {
                guard case .map(let entries) = try await a.list(o) else { lists.append(["?"]); continue }
                lists.append(entries.map { $0.key.stringValue ?? "?" })
            }
            var errors: [String] = []
            for o in [["limit": 0], ["limit": -1], ["start": "a", "startAfter": "a"]] as [RpcValue] {
                do { _ = try await a.list(o) } catch { errors.append("\(error)") }
            }
            return (lists, errors)
        }
        #expect(lists == [
            ["Z", "a", "ab", "abc", "b", "ba", "c", "é"],
            ["a", "ab", "abc"],
            ["ab", "abc", "b", "ba", "c", "é"],
            ["abc", "b", "ba", "c", "é"],
            ["Z", "a", "ab", "abc"],
            ["a", "ab", "abc"],
            ["é", "c", "ba", "b", "abc", "ab", "a", "Z"],
            ["é", "c"],
            ["Z", "a", "ab"],
            ["abc", "ab"],
            ["b", "ba"],
            [],
            ["a"],
            [],
            [],
            ["ab"],
            ["Z", "a", "ab", "abc", "b", "ba", "c", "é"],
        ])
        #expect(errors == [
            "TypeError: List limit must be positive.", "TypeError: List limit must be positive.",
            "TypeError: list() cannot be called with both start and startAfter values.",
        ])
        expectNoObjectLeaks(runtime)
    }

    /// `transaction()`: its writes are visible inside it and kept when it returns; a thrown
    /// error rolls them back (and reaches the caller; the object is not broken); `rollback()`
    /// undoes them quietly. It is a critical section; `deleteAll()` is refused inside it.
    @Test func transactions() throws {
        let runtime = try makeObjectRuntime()
        let values: [RpcValue] = try withAlpha(runtime) { a in
            _ = try await a.write("outside", 1)
            let committed = try await a.transact("t1", "commit")
            var thrown: RpcValue = .undefined
            do { _ = try await a.transact("t2", "throw") } catch { thrown = .string("\(error)") }
            let rolledBack = try await a.transact("t3", "rollback")
            var deleteAll: RpcValue = .undefined
            do { _ = try await a.deleteAllInTransaction() } catch { deleteAll = .string("\(error)") }
            return [committed, try await a.read("t1"), thrown, try await a.read("t2"), rolledBack, try await a.read("t3"),
                    deleteAll, try await a.read("outside")]
        }
        #expect(values == [
            "in transaction", "in transaction", "RangeError: transaction failed", .undefined, "in transaction", .undefined,
            "Error: Cannot call deleteAll() within a transaction", 1,
        ])
        let events = objectEvents(runtime).map { $0.replacingOccurrences(of: "do:ProbeObject/alpha ", with: "") }
        #expect(events.filter { $0.contains("transaction") }.prefix(9) == [
            "transaction began section=1",
            "storage put \"t1\" = \"in transaction\"",
            "storage get \"t1\" → \"in transaction\"",
            "transaction ended section=1",
            "transaction began section=2",
            "storage put \"t2\" = \"in transaction\"",
            "storage get \"t2\" → \"in transaction\"",
            "storage rollback transaction rolled back",
            "transaction ended section=2 ✗ RangeError: transaction failed",
        ])
        #expect(!events.contains { $0.hasPrefix("broken") })
        expectNoObjectLeaks(runtime)
    }

    /// `deleteAll()` removes every key and every table made with SQL.
    @Test func deleteAllRemovesEverything() throws {
        let runtime = try makeObjectRuntime()
        let values: [RpcValue] = try withAlpha(runtime) { a in
            _ = try await a.write("a", 1)
            _ = try await a.write("b", 2)
            _ = try await a.sql("CREATE TABLE t (x)", [])
            _ = try await a.sql("INSERT INTO t VALUES (1)", [])
            let wiped = try await a.wipe()
            var gone: RpcValue = .undefined
            do { _ = try await a.sql("SELECT * FROM t", []) } catch { gone = .string("\(error)") }
            return [wiped, try await a.list([:]), gone]
        }
        #expect(values == ["wiped", .map([]), "Error: no such table: t: SQLITE_ERROR"])
        #expect(objectEvents(runtime).contains("do:ProbeObject/alpha storage deleteAll → 2 keys"))
        expectNoObjectLeaks(runtime)
    }

    /// `sql.exec`: statements with `?` bindings, rows as objects in column order, counts,
    /// `one()`, types; transaction statements and the storage's own tables are refused.
    @Test func sqlExec() throws {
        let runtime = try makeObjectRuntime()
        let (results, errors): ([RpcValue], [String]) = try withAlpha(runtime) { a in
            let created = try await a.sql("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, score REAL, photo BLOB)", [])
            let inserted = try await a.sql(
                "INSERT INTO people (name, score, photo) VALUES (?, ?, ?), (?, ?, ?)",
                ["ada", 9.5, .bytes(RpcBytes([1, 2])), "bob", .null, .null])
            let selected = try await a.sql("SELECT id, name, score, photo FROM people ORDER BY id", [])
            let multi = try await a.sql("UPDATE people SET score = 1 WHERE name = ?; SELECT count(*) AS n FROM people WHERE score = 1", ["bob"])
            let types = try await a.sql("SELECT typeof(?) AS a, typeof(?) AS b, typeof(?) AS c", [1, "x", .null])
            let one = try await a.sqlOne("SELECT name FROM people WHERE id = 1")
            var errors: [String] = []
            for attempt in [
                { try await a.sql("BEGIN TRANSACTION", []) }, { try await a.sql("  savepoint x", []) },
                { try await a.sql("SELECT * FROM _cf_KV", []) }, { try await a.sql("SELEC 1", []) },
                { try await a.sql("SELECT ?", [true]) }, { try await a.sqlOne("SELECT name FROM people") },
                { try await a.sqlOne("SELECT name FROM people WHERE id = 99") },
                { try await a.sql("INSERT INTO people (id, name) VALUES (1, 'dup')", []) },
            ] as [() async throws -> RpcValue] {
                do { _ = try await attempt() } catch { errors.append("\(error)") }
            }
            return ([created, inserted, selected, multi, types, one], errors)
        }
        #expect(results[0] == ["columns": [], "rows": [], "rowsRead": 0, "rowsWritten": 0])
        #expect(results[1] == ["columns": [], "rows": [], "rowsRead": 0, "rowsWritten": 2])
        #expect(results[2] == [
            "columns": ["id", "name", "score", "photo"],
            "rows": [
                ["id": 1, "name": "ada", "score": 9.5, "photo": .bytes(RpcBytes([1, 2], kind: .arrayBuffer))],
                ["id": 2, "name": "bob", "score": .null, "photo": .null],
            ],
            "rowsRead": 2, "rowsWritten": 0,
        ])
        #expect(results[3] == ["columns": ["n"], "rows": [["n": 1]], "rowsRead": 1, "rowsWritten": 1])
        #expect(results[4] == ["columns": ["a", "b", "c"], "rows": [["a": "real", "b": "text", "c": "null"]], "rowsRead": 1, "rowsWritten": 0])
        #expect(results[5] == ["name": "ada"])
        let transactionMessage = "Error: To execute a transaction, please use the state.storage.transaction() or state.storage.transactionSync() APIs instead of the SQL BEGIN TRANSACTION or SAVEPOINT statements. The JavaScript API is safer because it will automatically roll back on exceptions, and because it interacts correctly with Durable Objects' automatic atomic write coalescing."
        #expect(errors == [
            transactionMessage, transactionMessage,
            "Error: not authorized: SQLITE_AUTH",
            "Error: near \"SELEC\": syntax error: SQLITE_ERROR",
            "TypeError: SQL bindings must be null, numbers, strings or bytes; received true.",
            "Error: Expected exactly one result from SQL query, but got multiple results.",
            "Error: Expected exactly one result from SQL query, but got no results.",
            "Error: UNIQUE constraint failed: people.id: SQLITE_CONSTRAINT",
        ])
        expectNoObjectLeaks(runtime)
    }

    /// SQL writes join the same batch as key-value writes, and the output gate waits for them.
    @Test func sqlWritesAreBatched() throws {
        let runtime = try makeObjectRuntime()
        _ = try withAlpha(runtime) { a in try await a.sql("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2)", []) }
        let events = objectEvents(runtime).map { $0.replacingOccurrences(of: "do:ProbeObject/alpha ", with: "") }
        #expect(events.dropFirst() == [
            "storage sql \"CREATE TABLE t (x); INSERT INTO t VALUES (1), (2)\" → 0 rows, 2 written",
            "output gate holds result of call1 until 2 writes are confirmed",
            "writes confirmed batch=1 writes=2",
        ])
        expectNoObjectLeaks(runtime)
    }
}
