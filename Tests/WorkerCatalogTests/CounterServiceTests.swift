import RPCEngine
import Testing
import WorkerCatalog

/// `counterService`: the seed's closure returned by reference keeps its state in the callee.
@Suite struct CounterServiceTests {
    @Test func counterKeepsItsState() throws {
        let runtime = try makeRuntime(module: "counterService")
        let results: [Int] = try runtime.run { env, _ in
            let f: Stub = try await env.SVC.newCounter()
            return try await withStub(f) { f in
                [try await f(2), try await f(1), try await f(-5), try await f()]
            }
        }
        #expect(results == [2, 3, -2, -2])
        expectNoLeaks(runtime)
        #expect(warnings(runtime).isEmpty)
    }

    /// Each `newCounter()` captures its own `value`.
    @Test func countersAreIndependent() throws {
        let runtime = try makeRuntime(module: "counterService")
        let results: [Int] = try runtime.run { env, _ in
            let f: Stub = try await env.SVC.newCounter()
            let g: Stub = try await env.SVC.newCounter()
            defer { f.dispose(); g.dispose() }
            return [try await f(10), try await g(1), try await f(1)]
        }
        #expect(results == [10, 1, 11])
        expectNoLeaks(runtime)
    }
}
