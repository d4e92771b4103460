import Testing
@testable import RPCEngine

/// §1: entrypoints, env, props, instances per call, configuration.
@Suite struct EntrypointTests {
    /// §1.3: each top-level call opens a new session and context with a new instance.
    @Test func newContextPerTopLevelCall() throws {
        let runtime = try makeProbeRuntime()
        _ = try runtime.run { env, _ in
            _ = try await env.PROBE.add(1, 2)
            _ = try await env.PROBE.add(3, 4)
            return 0
        }
        let began = runtime.log.events().compactMap { e -> String? in
            if case .contextBegan(let b) = e.payload { return "\(b.ctx) \(b.worker) \(b.kind.rawValue)" }
            return nil
        }
        #expect(began == ["ctx1 client request", "ctx2 probe rpc session", "ctx3 probe rpc session"])
    }

    /// The seed's `MyWorker.greet` uses `env.GREETING`; §1.8 `ctx.props` from the binding.
    @Test func envVarsAndProps() throws {
        let runtime = try makeProbeRuntime()
        let values: [RpcValue] = try runtime.run { env, _ in
            [try await env.PROBE.greet("Ada"), try await env.PROBE.props(), try await env.PROBE_PROPS.props()]
        }
        #expect(values == ["Hello, Ada", [:], ["greeting": "Yo"]])
    }

    @Test func configurationErrors() {
        func config(_ workers: [WorkerConfig]) -> ConfigurationError? {
            do {
                _ = try Runtime(configuration: RuntimeConfiguration(workers: workers), modules: probeModules)
                return nil
            } catch {
                return error as? ConfigurationError
            }
        }
        #expect(config([WorkerConfig(name: "a"), WorkerConfig(name: "a")])?.message == "Duplicate worker name \"a\".")
        #expect(config([WorkerConfig(name: "a", main: "nope")])?.message
            == "Worker \"a\": unknown module \"nope\". Known modules: probe, third.")
        #expect(config([WorkerConfig(name: "a", services: [ServiceBindingConfig(binding: "B", service: "b")])])?.message
            == "Worker \"a\": binding \"B\" names service \"b\", which is not declared. Declared workers: a.")
        #expect(config([
            WorkerConfig(name: "a", services: [ServiceBindingConfig(binding: "B", service: "b", entrypoint: "Nope")]),
            WorkerConfig(name: "b", main: "probe"),
        ])?.message == "Worker \"a\": binding \"B\": module \"probe\" has no entrypoint named \"Nope\". Its exports: Probe, Counter.")
        #expect(config([
            WorkerConfig(name: "a", services: [ServiceBindingConfig(binding: "B", service: "b", entrypoint: "Counter")]),
            WorkerConfig(name: "b", main: "probe"),
        ])?.message == "Worker \"a\": binding \"B\": module \"probe\" has no entrypoint named \"Counter\". Its exports: Probe, Counter.")
        #expect(config([
            WorkerConfig(name: "a", services: [ServiceBindingConfig(binding: "B", service: "b"), ServiceBindingConfig(binding: "B", service: "b")]),
            WorkerConfig(name: "b", main: "probe"),
        ])?.message == "Worker \"a\": duplicate binding \"B\".")
        #expect(config([
            WorkerConfig(name: "a", services: [ServiceBindingConfig(binding: "B", service: "b")]), WorkerConfig(name: "b"),
        ])?.message == "Worker \"a\": binding \"B\": service \"b\" has no module (main) to call.")
        #expect(config([])?.message == "No workers are declared.")
    }

    /// §1.10: a method that can never settle is rejected with the hang error.
    @Test func hangDetection() async throws {
        let runtime = try makeProbeRuntime()
        let e = rpcError { try runtime.run { env, _ in try await env.PROBE.never() } }
        #expect(e?.name == "Error")
        #expect(e?.message == RpcError.Message.hung)
        #expect(e?.remote == true)
        expectNoLeaks(runtime)
    }

    /// Determinism: the same program gives the same event log, byte for byte.
    @Test func sameProgramSameLog() throws {
        func program() throws -> String {
            let runtime = try makeProbeRuntime()
            _ = try runtime.run { env, _ in
                let counter: Stub = try await env.PROBE.makeCounter(1)
                _ = try await counter.increment(2)
                _ = try await env.PROBE.signup("a@b.c")
                let p = try env.PROBE.slow.start(5)
                _ = try await env.PROBE.add(1, 2)
                _ = try await p.value()
                counter.dispose()
                return 0
            }
            return runtime.log.text
        }
        let first = try program()
        #expect(first == (try program()))
        #expect(first.split(separator: "\n").count > 40)
    }
}
