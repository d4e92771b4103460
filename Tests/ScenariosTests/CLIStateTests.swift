import Foundation
import Scenarios
import Testing

/// `switchboard run --state DIR`: Durable Object storage persists across runs, as `wrangler
/// dev` keeps `.wrangler/state` (issue 6); without it every run starts empty.
@Suite struct CLIStateTests {
    static let scenario = """
        [[workers]]
        name = "app"
        durable_objects.bindings = [{ name = "COUNTERS", class_name = "CounterObject", script_name = "objects" }]
        [[workers]]
        name = "objects"
        main = "counterObject"
        ---
        let c = env.COUNTERS.getByName("alpha")
        log await c.increment(2)
        """

    @Test func storagePersistsAcrossRunsWithAStateDirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-state-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("persist.scenario").path
        try Self.scenario.write(toFile: file, atomically: true, encoding: .utf8)
        let state = dir.appendingPathComponent("state")

        let first = ScenarioCommands.run(paths: [file], stateDirectory: state)
        let second = ScenarioCommands.run(paths: [file], stateDirectory: state)
        let inMemory = ScenarioCommands.run(paths: [file])
        #expect(first.exitCode == 0)
        #expect(first.stdout.contains("log await c.increment(2)  » 2"))
        #expect(second.stdout.contains("log await c.increment(2)  » 4"))
        #expect(inMemory.stdout.contains("log await c.increment(2)  » 2"))
    }
}
