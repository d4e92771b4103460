import Foundation
import RPCEngine
import Testing
import WorkerCatalog

@testable import Scenarios

/// Real event logs for the exporter tests, made by running catalogue modules in a runtime.
enum ExportFixtures {
    /// The seed's first example: `client` calls `env.WORKER_B.add(1, 2)` on `workerB`.
    static func addLog() throws -> [Event] {
        let runtime = try Runtime(
            configuration: RuntimeConfiguration(workers: [
                WorkerConfig(name: "client", services: [ServiceBindingConfig(binding: "WORKER_B", service: "worker-b")]),
                WorkerConfig(name: "worker-b", main: "workerB"),
            ]),
            modules: Catalog.modules)
        let sum: Int = try runtime.run { env, _ in try await env.WORKER_B.add(1, 2) }
        #expect(sum == 3)
        return runtime.log.events()
    }

    /// A richer log: a function stub called twice, a waitUntil task that logs 50 ms later, an
    /// `RpcTarget` counter called and disposed, a call that throws, a step, and a worker log.
    static func richLog() throws -> [Event] {
        let runtime = try Runtime(
            configuration: RuntimeConfiguration(workers: [
                WorkerConfig(name: "client", services: [
                    ServiceBindingConfig(binding: "COUNTER", service: "counter-service"),
                    ServiceBindingConfig(binding: "GREETER", service: "greeter"),
                    ServiceBindingConfig(binding: "TOOLKIT", service: "toolkit"),
                ]),
                WorkerConfig(name: "counter-service", main: "counterService"),
                WorkerConfig(name: "greeter", main: "greeter", vars: RpcObject([("GREETING", "Hi ")])),
                WorkerConfig(name: "toolkit", main: "toolkit"),
            ]),
            modules: Catalog.modules)
        runtime.step("Count", line: 7)
        _ = try runtime.run { env, _ -> Int in
            let f: Stub = try await env.COUNTER.newCounter()
            let a: Int = try await f(2)
            let b: Int = try await f(1)
            f.dispose()
            let _: String = try await env.GREETER.signup("a@b.c", "ann")
            let counter: Stub = try await env.TOOLKIT.makeCounter(1)
            _ = try await counter.increment(2)
            counter.dispose()
            do { let _: Int = try await env.TOOLKIT.fail("TypeError", "bad") } catch {}
            return a + b
        }
        return runtime.log.events()
    }

    /// A stub and an RPC promise, as values (for their tagged forms).
    static func references() throws -> (stub: RpcValue, promise: RpcValue) {
        let runtime = try Runtime(
            configuration: RuntimeConfiguration(workers: [
                WorkerConfig(name: "client", services: [ServiceBindingConfig(binding: "TOOLKIT", service: "toolkit")]),
                WorkerConfig(name: "toolkit", main: "toolkit"),
            ]),
            modules: Catalog.modules)
        let values: [RpcValue] = try runtime.run { env, _ in
            let counter: Stub = try await env.TOOLKIT.makeCounter(1)
            let promise = try env.TOOLKIT.makeCounter.start(arguments: [2])
            _ = try await promise.value()
            return [.stub(counter), .promise(promise)]
        }
        return (values[0], values[1])
    }

    /// `text` parsed by Foundation's JSON parser (the reader the tests trust, not ours).
    static func json(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Any? {
        do {
            return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            Issue.record("not JSON: \(error)\n\(text)", sourceLocation: sourceLocation)
            return nil
        }
    }
}
