import RPCEngine
import Testing
import WorkerCatalog

// Stubs a callee holds or returns (§1.7, §4.6, §4.10), shown with the smallest workers.

/// A test-only module with the smallest workers that show these rules.
enum GapProbe {
    final class Probe: WorkerEntrypoint, RpcInterface {
        /// Returns its parameter stub as it is: `(fn) => fn`.
        func identity(_ fn: Stub) -> Stub { fn }

        /// Keeps a dup of its parameter for a waitUntil task that calls it 10 ms later.
        func keep(_ fn: Stub) throws {
            let kept = try fn.dup()
            ctx.waitUntil("call kept") {
                defer { kept.dispose() }
                try await self.ctx.sleep(ms: 10)
                _ = try await kept.dynamicallyCall(withArguments: [1])
            }
        }

        static let rpc = Members<Probe> {
            $0.method("identity", Probe.identity)
            $0.method("keep", Probe.keep)
        }
    }

    static let module = WorkerModule("gapProbe") { $0.entrypoint(Probe.self, isDefault: true) }

    static func runtime() throws -> Runtime {
        try Runtime(
            configuration: RuntimeConfiguration(workers: [
                WorkerConfig(name: "client", services: [ServiceBindingConfig(binding: "SVC", service: "svc")]),
                WorkerConfig(name: "svc", main: "gapProbe"),
            ]),
            modules: [module])
    }
}

@Suite struct CalleeHeldStubTests {
    /// §1.7, §4.10: a callee's context lives until its waitUntil tasks are done, and the stubs
    /// it holds stay usable until then (what toolkit `callLater` relies on).
    @Test func calleeKeepsADupUsableWhileItsTasksDrain() throws {
        let runtime = try GapProbe.runtime()
        let calledAt: [Int] = try runtime.run { env, ctx in
            var calledAt: [Int] = []
            let fn = RpcFunction(name: "fn") { (_: Int) in calledAt.append(ctx.now); return 0 }
            _ = try await env.SVC.keep(fn)
            try await ctx.sleep(ms: 50)
            return calledAt
        }
        #expect(calledAt == [10])
        #expect(!runtime.log.text.contains("reason=contextEnded"), "the kept dup is disposed by the task, not by the context's end")
        #expect(warnings(runtime).isEmpty, "\(warnings(runtime))")
        expectNoLeaks(runtime)
    }

    /// §4.6: workerd serializes the result first and only then disposes the parameter stubs
    /// (`callImpl`), so `(fn) => fn` hands the caller a working stub.
    @Test func returningAParameterStub() throws {
        let runtime = try GapProbe.runtime()
        let value: Int = try runtime.run { env, _ in
            let inc = RpcFunction(name: "inc") { (x: Int) in x + 1 }
            let same: Stub = try await env.SVC.identity(inc)
            return try await withStub(same) { try await $0(41) }
        }
        #expect(value == 42)
        expectNoLeaks(runtime)
    }
}
