import RPCEngine
import Testing
import WorkerCatalog

/// `workerB`: the seed's `await env.WORKER_B.add(1, 2)`.
@Suite struct WorkerBTests {
    @Test func add() throws {
        let runtime = try makeRuntime(module: "workerB")
        let sums: [RpcValue] = try runtime.run { env, _ in
            [try await env.SVC.add(1, 2), try await env.SVC.add(0.5, 2), try await env.SVC.add(-7, 7)]
        }
        #expect(sums == [3, 2.5, 0])
        expectNoLeaks(runtime)
        #expect(warnings(runtime).isEmpty)
    }

    @Test func addRefusesNonNumbers() throws {
        let runtime = try makeRuntime(module: "workerB")
        let error = try runtime.run { env, _ in await rpcError { try await env.SVC.add("1", 2) } }
        #expect(error?.name == "TypeError")
        #expect(error?.message.hasPrefix("Argument 1:") == true)
        expectNoLeaks(runtime)
    }
}
