/// A path on a stub, binding or promise (`stub.a.b`), not yet used (`RpcProperty` in Workers).
///
/// Reading a property sends nothing (§5.5): calling it sends one call with the whole path;
/// `get()` fetches the value (and runs a getter again every time).
@dynamicMemberLookup
@dynamicCallable
public struct RpcProperty: Sendable {
    let runtime: Runtime
    let base: Reference
    public let path: [String]

    public subscript(dynamicMember name: String) -> RpcProperty {
        RpcProperty(runtime: runtime, base: base, path: path + [name])
    }

    public func dynamicallyCall(withArguments args: [RpcValue]) async throws -> RpcValue {
        try await runtime.call(base, path: path, args: args)
    }

    public func dynamicallyCall<R: RpcDecodable>(withArguments args: [RpcValue]) async throws -> R {
        try R(rpc: try await runtime.call(base, path: path, args: args))
    }

    public func dynamicallyCall(withArguments args: [any RpcEncodable]) async throws -> RpcValue {
        try await runtime.call(base, path: path, args: try args.map { try $0.rpcValue() })
    }

    public func dynamicallyCall<R: RpcDecodable>(withArguments args: [any RpcEncodable]) async throws -> R {
        try R(rpc: try await runtime.call(base, path: path, args: try args.map { try $0.rpcValue() }))
    }

    /// Fetches the property's value (`await stub.answer`).
    public func get() async throws -> RpcValue {
        try await runtime.call(base, path: path, args: nil)
    }

    /// Fetches the property's value as `R`.
    public func get<R: RpcDecodable>(as type: R.Type = R.self) async throws -> R {
        try R(rpc: try await get())
    }

    /// Sends the call now and returns its RPC promise without waiting, so that calls can be
    /// pipelined on the result (§5): `let c = stub.makeCounter.start(1); try await c.increment(2)`.
    public func start(_ args: RpcValue...) throws -> RpcPromise {
        try start(arguments: args)
    }

    /// `start` with the arguments as an array.
    public func start(arguments args: [RpcValue]) throws -> RpcPromise {
        try runtime.onLoop { try $0.startCall(base, path: path, args: args) }
    }
}
