import Foundation
import Inspector
import RPCEngine
import Scenarios
import Testing

/// `:save` after `:new-request`: the saved scenario runs each console request as its own
/// `request` block, so replaying it gives what the console gave — a stub from an ended request
/// is disposed, a plain value carried in a variable is still there.
@Suite struct SaveAcrossRequestsTests {
    @Test func aSessionSplitByNewRequestReplaysTheSame() throws {
        // The slow-motion tests' scenario (app with env.TOOLS), run here on the virtual clock.
        let (path, directory) = try SlowMotionTests.file()
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let host = try ScenarioHost(path: path)
        #expect(host.run(consoleLine: "let c = await env.TOOLS.makeCounter(1)") == .value("stub1"))
        #expect(host.run(consoleLine: "let n = await c.increment(1)") == .value("2"))
        try host.newRequest()
        let disposed = host.run(consoleLine: "await c.increment(1)")
        #expect(host.run(consoleLine: "n + 1") == .value("3"))

        let (text, script) = try SlowMotionTests.save(host, in: directory)
        #expect(script == """
            # The console's names outlive its requests: declared here, assigned in the requests.
            let c = undefined
            let n = undefined
            request "console 1" {
              c = await env.TOOLS.makeCounter(1)
              expect typeof c == "function"
              n = await c.increment(1)
              expect n == 2
            }
            request "console 2" {
              expect await c.increment(1) throws Error "\(RpcError.Message.usedAfterDispose)"
              expect n + 1 == 3
            }

            """)
        #expect(disposed == .error("3:7: uncaught Error: \(RpcError.Message.usedAfterDispose)"))
        let replay = ScenarioRunner.run(fileName: "saved.scenario", text: text)
        #expect(replay.status == .passed(held: 4))
    }
}
