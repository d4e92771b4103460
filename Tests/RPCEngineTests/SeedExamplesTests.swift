import Testing
@testable import RPCEngine

/// The seed document's examples (service-bindings-rpc.md), end to end.
final class WorkerB: WorkerEntrypoint, RpcInterface {
    func add(_ a: Int, _ b: Int) -> Int { a + b }
    static let rpc = Members<WorkerB> { $0.method("add", WorkerB.add) }
}

final class CounterService: WorkerEntrypoint, RpcInterface {
    func newCounter() -> RpcFunction {
        var value = 0
        return RpcFunction { (increment: Int?) in
            value += increment ?? 0
            return value
        }
    }
    static let rpc = Members<CounterService> { $0.method("newCounter", CounterService.newCounter) }
}

let seedModules = [
    WorkerModule("workerB") { $0.entrypoint(WorkerB.self, isDefault: true) },
    WorkerModule("counterService") { $0.entrypoint(CounterService.self, isDefault: true) },
]

@Suite struct SeedExamplesTests {
    @Test func workerACallsWorkerBAdd() throws {
        let runtime = try Runtime(configuration: RuntimeConfiguration(workers: [
            WorkerConfig(name: "worker_a", services: [ServiceBindingConfig(binding: "WORKER_B", service: "worker_b")]),
            WorkerConfig(name: "worker_b", main: "workerB"),
        ]), modules: seedModules)
        let sum: Int = try runtime.run { env, _ in try await env.WORKER_B.add(1, 2) }
        #expect(sum == 3)
        print(runtime.log.text)
    }

    @Test func counterClosureKeepsItsState() throws {
        let runtime = try Runtime(configuration: RuntimeConfiguration(workers: [
            WorkerConfig(name: "client", services: [ServiceBindingConfig(binding: "COUNTER_SERVICE", service: "counter-service")]),
            WorkerConfig(name: "counter-service", main: "counterService"),
        ]), modules: seedModules)
        let results: [Int] = try runtime.run { env, _ in
            let f: Stub = try await env.COUNTER_SERVICE.newCounter()
            return try await withStub(f) { f in
                [try await f(2), try await f(1), try await f(-5)]
            }
        }
        #expect(results == [2, 3, -2])
        print(runtime.log.text)
    }
}
