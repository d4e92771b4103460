import RPCEngine

/// A worker that calls itself through a binding, so calls nest as deep as asked: each call made
/// while serving another has it as its parent.
final class Relay: WorkerEntrypoint, RpcInterface {
    /// Nests `n` levels deep.
    func chain(_ n: Int) async throws -> Int {
        guard n > 0 else { return 0 }
        let inner: Int = try await env.NEXT.chain(n - 1)
        return inner + 1
    }

    /// Makes `n` nested calls side by side, the i-th `i` levels deep.
    func fan(_ n: Int) async throws -> Int {
        var total = 0
        for i in 0..<n {
            let r: Int = try await env.NEXT.chain(i)
            total += r
        }
        return total
    }

    static let rpc = Members<Relay> {
        $0.method("chain", Relay.chain)
        $0.method("fan", Relay.fan)
    }
}

/// `client` binding `RELAY` to `relay`, which binds `NEXT` to itself.
func makeRelayRuntime() throws -> Runtime {
    try Runtime(
        configuration: RuntimeConfiguration(workers: [
            WorkerConfig(name: "client", services: [ServiceBindingConfig(binding: "RELAY", service: "relay")]),
            WorkerConfig(name: "relay", main: "relay", services: [ServiceBindingConfig(binding: "NEXT", service: "relay")]),
        ]),
        modules: [WorkerModule("relay") { $0.entrypoint(Relay.self, isDefault: true) }])
}
