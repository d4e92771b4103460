import Foundation
import Subprocess
import Testing
@testable import RPCEngine

#if canImport(Glibc)
import Glibc
#endif

/// Storage on disk (`Runtime(stateDirectory:)`, the CLI's `--state DIR`): one SQLite file per
/// object in WAL mode, kept across runtimes, and no confirmed write lost when the process is
/// killed.
@Suite struct DurableObjectPersistenceTests {
    static let childVariable = "SWITCHBOARD_DO_CRASH_WRITER"
    static let confirmedPrefix = "DO-CONFIRMED "

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-do-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Two runtimes sharing a state directory: what the first confirmed, the second reads; each
    /// object has its own file; the files are in WAL mode. In memory, nothing is shared.
    @Test func storageOutlivesTheRuntime() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try makeObjectRuntime(stateDirectory: directory)
        let written: [RpcValue] = try first.run { env, _ in
            let alpha = try env.namespace("OBJECTS").getByName("alpha")
            let beta = try env.namespace("OBJECTS").getByName("beta")
            _ = try await alpha.sql("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('kept')", [])
            return [try await alpha.increment(3), try await beta.increment(4), try await alpha.sql("PRAGMA journal_mode", [])]
        }
        expectNoObjectLeaks(first)
        #expect(written[0] == 3 && written[1] == 4)
        #expect(written[2]["rows"] == [["journal_mode": "wal"]])
        let folder = directory.appendingPathComponent("do/objects-ProbeObject")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sqlite") }.sorted()
        #expect(files.count == 2)
        #expect(files.contains("f8e20a632bec8698f35a809dbcdfb0bbafc93ccf081adfe9fbf43b2dae847b79.sqlite"))

        let second = try makeObjectRuntime(stateDirectory: directory)
        let read: [RpcValue] = try second.run { env, _ in
            let alpha = try env.namespace("OBJECTS").getByName("alpha")
            return [try await alpha.increment(1), try await env.namespace("OBJECTS").getByName("beta").count(),
                    try await alpha.sql("SELECT text FROM notes", [])]
        }
        #expect(read[0] == 4 && read[1] == 4)
        #expect(read[2]["rows"] == [["text": "kept"]])
        expectNoObjectLeaks(second)

        let inMemory = try makeObjectRuntime()
        let fresh: RpcValue = try inMemory.run { env, _ in try await env.namespace("OBJECTS").getByName("alpha").count() }
        #expect(fresh == 0)
        let mode: RpcValue = try inMemory.run { env, _ in try await env.namespace("OBJECTS").getByName("alpha").sql("PRAGMA journal_mode", []) }
        #expect(mode["rows"] == [["journal_mode": "memory"]])
        expectNoObjectLeaks(inMemory)
    }

    /// The crash test: a child process (this test binary again, running `crashWriterChild`
    /// with `SWITCHBOARD_DO_CRASH_WRITER=<dir>`) streams writes, each a batch of two keys, and
    /// prints a line once each is confirmed (its call returned through the output gate). After
    /// at least 200 confirmations it is killed with SIGKILL. Reopening the directory must show
    /// every confirmed write, and every batch whole or not at all. Bounded: the child stops by
    /// itself after 20,000 writes or 90 s, and the test's time limit cancels (and so kills) it.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/exe")), .timeLimit(.minutes(3)))
    func killedProcessLosesNoConfirmedWrite() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        func confirmations(_ output: [UInt8]) -> [Int] {
            String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                .compactMap { $0.hasPrefix(Self.confirmedPrefix) ? Int($0.dropFirst(Self.confirmedPrefix.count)) : nil }
        }
        let run = try await Subprocess.run(
            .path(.init(binary)),
            arguments: ["--testing-library", "swift-testing", "--filter", "crashWriterChild"],
            environment: .inherit.updating([.init(rawValue: Self.childVariable)!: directory.path]),
            input: .none, output: .sequence, error: .discarded
        ) { execution -> (output: [UInt8], confirmedBeforeKill: Int) in
            var output = [UInt8]()
            var confirmedBeforeKill = 0
            // Read to the end of the child's output: it ends when the child is gone.
            for try await chunk in execution.standardOutput {
                chunk.withUnsafeBytes { output += $0 }
                if confirmedBeforeKill == 0, case let count = confirmations(output).count, count >= 200 {
                    confirmedBeforeKill = count
                    try execution.send(signal: .kill)
                }
            }
            return (output, confirmedBeforeKill)
        }
        #expect(run.terminationStatus == .signaled(SIGKILL))
        #expect(run.closureResult.confirmedBeforeKill >= 200)
        let confirmed = confirmations(run.closureResult.output)
        #expect(confirmed == Array(1...max(confirmed.count, 1)).prefix(confirmed.count).map { $0 })

        let reopened = try makeObjectRuntime(stateDirectory: directory)
        let stored: RpcValue = try reopened.run { env, _ in
            try await env.namespace("OBJECTS").getByName("crash").list(["prefix": "r"])
        }
        expectNoObjectLeaks(reopened)
        guard case .map(let entries) = stored else { Issue.record("no records"); return }
        var halves: [Int: Set<String>] = [:]
        for entry in entries {
            guard let key = entry.key.stringValue, let i = Int(key.dropFirst().dropLast()) else { continue }
            #expect(entry.value == .number(Double(i)))
            halves[i, default: []].insert(String(key.suffix(1)))
        }
        for i in confirmed { #expect(halves[i] == ["a", "b"], "confirmed write \(i) lost") }
        for (i, parts) in halves { #expect(parts == ["a", "b"], "write \(i) is half there: \(parts)") }
        // At most the batch in flight at the kill can be there without its confirmation.
        #expect(halves.count <= confirmed.count + 1)
    }

    /// The writer of `killedProcessLosesNoConfirmedWrite`; does nothing unless the variable is
    /// set (it is only in the child process).
    @Test func crashWriterChild() throws {
        guard let path = ProcessInfo.processInfo.environment[Self.childVariable] else { return }
        let runtime = try makeObjectRuntime(stateDirectory: URL(fileURLWithPath: path))
        let started = Date()
        _ = try runtime.run { env, _ -> Int in
            let stub = try env.namespace("OBJECTS").getByName("crash")
            var i = 0
            while i < 20_000 && Date().timeIntervalSince(started) < 90 {
                i += 1
                _ = try await stub.writeTwo(.string("r\(i)a"), .string("r\(i)b"), .number(Double(i)))
                let line = Array("\(Self.confirmedPrefix)\(i)\n".utf8)
                _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            }
            return i
        }
    }
}
