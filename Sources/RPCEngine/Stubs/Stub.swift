/// A handle on a capability that lives elsewhere: a function, an `RpcTarget`, or another
/// worker's object (`RpcStub` in Workers).
///
/// Stubs are values; all of a stub's state (live or disposed, who holds it, what it points at)
/// lives in the runtime, keyed by `id`. Calls read like JavaScript:
/// `let n: Int = try await counter(2)`, `try await stub.increment(1)`, `await stub.value.get()`.
///
/// Every call is asynchronous and errors surface from the `await`, never earlier (§4.3).
@dynamicMemberLookup
@dynamicCallable
public struct Stub: Sendable, CustomStringConvertible {
    let runtime: Runtime
    public let id: StubID
    public let kind: StubKind

    /// `stub4` (or `ƒ stub4` for a function stub): how values show it.
    public var summary: String { kind == .function ? "ƒ \(id)" : "\(id)" }
    public var description: String { summary }

    public subscript(dynamicMember name: String) -> RpcProperty {
        RpcProperty(runtime: runtime, base: .stub(id), path: [name])
    }

    /// Calls the stub itself as a function (a function stub).
    public func dynamicallyCall(withArguments args: [RpcValue]) async throws -> RpcValue {
        try await runtime.call(.stub(id), path: [], args: args)
    }

    public func dynamicallyCall<R: RpcDecodable>(withArguments args: [RpcValue]) async throws -> R {
        try R(rpc: try await runtime.call(.stub(id), path: [], args: args))
    }

    public func dynamicallyCall(withArguments args: [any RpcEncodable]) async throws -> RpcValue {
        try await runtime.call(.stub(id), path: [], args: try args.map { try $0.rpcValue() })
    }

    /// Starts a call of the stub itself without waiting (see `RpcProperty.start`).
    public func start(arguments args: [RpcValue]) throws -> RpcPromise {
        try runtime.onLoop { try $0.startCall(.stub(id), path: [], args: args) }
    }

    /// A new, independently disposable handle on the same target (§4.5).
    public func dup() throws -> Stub { try runtime.onLoop { try $0.dup(id) } }

    /// Disposes this handle (idempotent, §4.8). When it was the last handle on its target,
    /// the other side is told and the target's dispose callback runs there, asynchronously.
    public func dispose() { runtime.onLoop { $0.dispose(id, reason: .explicit) } }
}

extension Stub: RpcConvertible {
    public func rpcValue() -> RpcValue { .stub(self) }
    public init(rpc value: RpcValue) throws {
        guard case .stub(let stub) = value else { throw Self.mismatch("a stub", value) }
        self = stub
    }
}

/// Runs `body` with `stub`, then disposes it on every exit path: Swift's spelling of
/// `using stub = ...` (§4.8).
public func withStub<R>(_ stub: Stub, _ body: (Stub) async throws -> R) async rethrows -> R {
    defer { stub.runtime.onLoop { $0.dispose(stub.id, reason: .usingScopeEnded) } }
    return try await body(stub)
}
