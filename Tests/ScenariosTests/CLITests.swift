import Foundation
import Testing

@testable import Scenarios

/// `switchboard run` and `switchboard check`, through the functions the commands call.
@Suite struct CLITests {
    /// A fresh temporary directory holding `files` (name → contents).
    static func directory(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "switchboard-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files {
            let file = path + "/" + name
            try FileManager.default.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        return path
    }

    static let header = """
        [[workers]]
        name = "main"
        services = [{ binding = "B", service = "b" }]

        [[workers]]
        name = "b"
        main = "workerB"
        ---

        """

    static let passing = header + "expect await env.B.add(1, 2) == 3\n"
    static let failing = header + "expect await env.B.add(1, 2) == 4\n"
    static let invalid = header + "expect await env.B.add(1, 2 == 3\n"
    static let crashing = header + "await env.B.subtract(1, 2)\n"

    @Test func runExitCodes() throws {
        let dir = try Self.directory([
            "pass.scenario": Self.passing, "fail.scenario": Self.failing, "invalid.scenario": Self.invalid,
            "crash.scenario": Self.crashing,
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(ScenarioCommands.run(paths: [dir + "/pass.scenario"]).exitCode == 0)
        #expect(ScenarioCommands.run(paths: [dir + "/fail.scenario"]).exitCode == 1)
        #expect(ScenarioCommands.run(paths: [dir + "/invalid.scenario"]).exitCode == 2)
        #expect(ScenarioCommands.run(paths: [dir + "/crash.scenario"]).exitCode == 3)
        #expect(ScenarioCommands.run(paths: [dir + "/missing.scenario"]).exitCode == 2)
        #expect(ScenarioCommands.run(paths: [dir + "/pass.scenario", dir + "/fail.scenario"]).exitCode == 1, "the worst file wins")
        #expect(ScenarioCommands.run(paths: [dir + "/crash.scenario", dir + "/invalid.scenario"]).exitCode == 3)
    }

    @Test func runPrintsTheTranscriptAndDiagnostics() throws {
        let dir = try Self.directory(["fail.scenario": Self.failing, "invalid.scenario": Self.invalid, "crash.scenario": Self.crashing])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let failed = ScenarioCommands.run(paths: [dir + "/fail.scenario"])
        #expect(failed.stdout == """
            # \(dir)/fail.scenario

                9 | expect await env.B.add(1, 2) == 4  ✗
                  |     expected: 4
                  |     actual:   3

            FAIL \(dir)/fail.scenario: 1 of 1 expectation failed

            """)
        #expect(failed.stderr == "")
        let invalid = ScenarioCommands.run(paths: [dir + "/invalid.scenario"])
        #expect(invalid.stdout == "INVALID \(dir)/invalid.scenario: 9:33: expected ')' to close the call started at 9:23\n")
        #expect(invalid.stderr.hasPrefix("\(dir)/invalid.scenario:9:33: error: expected ')' to close the call started at 9:23\n"))
        let crashed = ScenarioCommands.run(paths: [dir + "/crash.scenario"])
        #expect(crashed.stdout.hasSuffix(
            "ERROR \(dir)/crash.scenario: the run failed: uncaught TypeError: The RPC receiver does not implement the method \"subtract\". at \(dir)/crash.scenario:9:7\n"))
        #expect(crashed.stderr == """
            \(dir)/crash.scenario:9:7: error: uncaught TypeError: The RPC receiver does not implement the method "subtract".
                9 | await env.B.subtract(1, 2)
                  |       ^~~~~~~~~~~~~~~~~~~~

            """)
    }

    @Test func runWithTraceAppendsTheEventLog() throws {
        let dir = try Self.directory(["pass.scenario": Self.passing])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let output = ScenarioCommands.run(paths: [dir + "/pass.scenario"], trace: true)
        let parts = output.stdout.components(separatedBy: "\n# event log\n")
        #expect(parts.count == 2)
        #expect(parts[0].hasSuffix("PASS \(dir)/pass.scenario: 1 expectation held\n"))
        #expect(parts[1].hasPrefix("1 0ms workerDeclared main primary B→b\n2 0ms workerDeclared b main=workerB export=WorkerB(default)\n"))
        #expect(parts[1].hasSuffix("contextEnded ctx1 worker=main reason=returned\n"))
    }

    @Test func runAsJSONLines() throws {
        let dir = try Self.directory(["pass.scenario": Self.passing, "fail.scenario": Self.failing])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let output = ScenarioCommands.run(paths: [dir + "/pass.scenario"], format: .jsonl)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 13)
        #expect(lines[0] == """
            {"seq":1,"time":0,"kind":"workerDeclared","name":"main","module":null,"primary":true,"bindings":[{"binding":"B","service":"b","entrypoint":null}],"vars":{"type":"object","value":{}},"exports":[]}
            """)
        #expect(lines[3] == """
            {"seq":4,"time":0,"kind":"callStarted","call":"call1","parent":null,"callerCtx":"ctx1","callerWorker":"main","calleeWorker":"b","target":"B","path":["add"],"arguments":[{"type":"number","value":1},{"type":"number","value":2}],"pipelinedOn":null,"session":"sess1"}
            """)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["seq"] != nil && object?["kind"] != nil)
        }
        #expect(output.stderr == "PASS \(dir)/pass.scenario: 1 expectation held\n")
        let failed = ScenarioCommands.run(paths: [dir + "/fail.scenario"], format: .jsonl)
        #expect(failed.exitCode == 1)
        #expect(failed.stderr.hasPrefix("    9 | expect await env.B.add(1, 2) == 4  ✗\n"))
    }

    @Test func checkComparesGoldensAndUpdatesThem() throws {
        let dir = try Self.directory([
            "a.scenario": Self.passing, "nested/b.scenario": Self.passing, "notes.txt": "not a scenario",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = ScenarioCommands.check(directory: dir)
        #expect(first.stdout == """
            ok   \(dir)/a.scenario (no a.trace to compare)
            ok   \(dir)/nested/b.scenario (no b.trace to compare)
            2 passed, 0 failed

            """)
        #expect(first.exitCode == 0)

        let updated = ScenarioCommands.check(directory: dir, update: true)
        #expect(updated.stdout == """
            ok   \(dir)/a.scenario (wrote a.trace)
            ok   \(dir)/nested/b.scenario (wrote b.trace)
            2 passed, 0 failed

            """)
        let golden = try String(contentsOfFile: dir + "/a.trace", encoding: .utf8)
        #expect(golden == ScenarioRunner.run(fileName: "a.scenario", text: Self.passing).trace)

        let matching = ScenarioCommands.check(directory: dir)
        #expect(matching.stdout == "ok   \(dir)/a.scenario\nok   \(dir)/nested/b.scenario\n2 passed, 0 failed\n")

        // A golden that does not match: one event changed by hand.
        try golden.replacingOccurrences(of: "→ 3 0ms", with: "→ 4 0ms").write(toFile: dir + "/a.trace", atomically: true, encoding: .utf8)
        let mismatch = ScenarioCommands.check(directory: dir)
        #expect(mismatch.exitCode == 1)
        #expect(mismatch.stdout.hasPrefix("FAIL \(dir)/a.scenario: the event log differs from a.trace\n    line 9:\n"))
        #expect(mismatch.stdout.contains("      expected: 9 0ms callReturned call1 → 4 0ms\n      actual:   9 0ms callReturned call1 → 3 0ms\n"))
        #expect(mismatch.stdout.hasSuffix("1 passed, 1 failed\n"))

        let rewritten = ScenarioCommands.check(directory: dir, update: true)
        #expect(rewritten.stdout.hasPrefix("ok   \(dir)/a.scenario (updated a.trace)\nok   \(dir)/nested/b.scenario\n"))
        #expect(ScenarioCommands.check(directory: dir).exitCode == 0)
    }

    @Test func checkFailsFilesThatDoNotExitZeroAndNeverWritesTheirTraces() throws {
        let dir = try Self.directory(["1.scenario": Self.failing, "2.scenario": Self.invalid, "3.scenario": Self.crashing])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let output = ScenarioCommands.check(directory: dir, update: true)
        #expect(output.exitCode == 1)
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "FAIL \(dir)/1.scenario: 1 of 1 expectation failed (exit 1)")
        #expect(lines[1] == "        9 | expect await env.B.add(1, 2) == 4  ✗")
        #expect(lines.contains("FAIL \(dir)/2.scenario: the file is invalid (exit 2)"))
        #expect(lines.contains { $0.hasPrefix("FAIL \(dir)/3.scenario: the run failed (exit 3): uncaught TypeError") })
        #expect(lines.suffix(2) == ["0 passed, 3 failed", ""])
        #expect(!FileManager.default.fileExists(atPath: dir + "/1.trace"))
    }

    @Test func checkOfAMissingDirectory() {
        let output = ScenarioCommands.check(directory: "/nonexistent/switchboard")
        #expect(output.exitCode == 2)
        #expect(output.stderr == "switchboard: cannot read the directory /nonexistent/switchboard\n")
    }

    @Test func anEmptyDirectoryChecksNothing() throws {
        let dir = try Self.directory([:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(ScenarioCommands.check(directory: dir) == CommandOutput(stdout: "0 passed, 0 failed\n", exitCode: 0))
    }
}
