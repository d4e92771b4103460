/// A service binding (`env.WORKER_B`, a `Fetcher` in Workers).
///
/// Any member name is an RPC method (§2.6); each top-level call opens a new session with a new
/// entrypoint instance and execution context in the target worker (§1.3, §6.1). A binding is
/// not tied to one request and has no `dup` or `dispose` (§4.2).
@dynamicMemberLookup
public struct ServiceStub: Sendable {
    let runtime: Runtime
    /// The worker whose env holds the binding.
    public let worker: String
    public let binding: String

    public subscript(dynamicMember name: String) -> RpcProperty {
        RpcProperty(runtime: runtime, base: .binding(worker: worker, binding: binding), path: [name])
    }
}
