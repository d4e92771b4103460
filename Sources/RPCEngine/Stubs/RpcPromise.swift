/// The pending result of a call that was started without awaiting it (`RpcPromise`).
///
/// Calls and property reads on it are sent at once as pipelined calls on the promised result
/// (§5.1); `value()` waits for the result itself. Disposing it disposes the result when it
/// arrives (§4.8).
@dynamicMemberLookup
@dynamicCallable
public struct RpcPromise: Sendable {
    let runtime: Runtime
    /// The promise's handle (promises are stubs of kind `promise` in the event log).
    public let id: StubID
    /// The call whose result this is.
    public let call: CallID

    public subscript(dynamicMember name: String) -> RpcProperty {
        RpcProperty(runtime: runtime, base: .stub(id), path: [name])
    }

    /// Calls the result as a function (`promise(…)`).
    public func dynamicallyCall(withArguments args: [RpcValue]) async throws -> RpcValue {
        try await runtime.call(.stub(id), path: [], args: args)
    }

    /// Calls the result as a function without waiting (pipelined).
    public func start(arguments args: [RpcValue]) throws -> RpcPromise {
        try runtime.onLoop { try $0.startCall(.stub(id), path: [], args: args) }
    }

    /// Waits for the result.
    public func value() async throws -> RpcValue {
        try await runtime.awaitPromise(id)
    }

    public func value<R: RpcDecodable>(as type: R.Type = R.self) async throws -> R {
        try R(rpc: try await value())
    }

    public func dispose() { runtime.onLoop { $0.dispose(id, reason: .explicit) } }
}
