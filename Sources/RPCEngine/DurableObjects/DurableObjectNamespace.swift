/// A Durable Object namespace binding (`env.COUNTERS`, a `DurableObjectNamespace`, §8.1), with
/// Workers' synchronous API: ids and stubs are made here, by the runtime, without any call.
///
/// The same operations are reachable dynamically, as calls on the binding
/// (`try await env.COUNTERS.getByName("alpha")`), which is what scenario scripts use; both go to
/// the same place. Creating an id or a stub does not create the object: its first call does.
///
/// Errors (all `TypeError`, thrown at once): `idFromString` and `get` with a string that is not
/// 64 hex digits (`Invalid Durable Object ID: must be 64 hex digits`) or with an id of another
/// namespace (`Durable Object ID is not valid for this namespace.`); `get` with anything but an
/// id; a name that is not a string.
public struct DurableObjectNamespace: Sendable {
    let runtime: Runtime
    /// The worker whose env holds the binding, and the binding's name.
    public let worker: String
    public let binding: String

    /// `idFromName(name)`: the same name always gives the same id.
    public func idFromName(_ name: String) throws -> DurableObjectId {
        try DurableObjectId(rpc: call("idFromName", [.string(name)]))
            .named(name)
    }

    /// `newUniqueId()`: 16 bytes from the runtime's seeded random source, plus the namespace's
    /// check digits.
    public func newUniqueId() throws -> DurableObjectId {
        try DurableObjectId(rpc: call("newUniqueId", []))
    }

    /// `idFromString(hex)`: parses an id, checking that it belongs to this namespace.
    public func idFromString(_ text: String) throws -> DurableObjectId {
        try DurableObjectId(rpc: call("idFromString", [.string(text)]))
    }

    /// `get(id)`: a stub, at once; the object is created by its first call.
    public func get(_ id: DurableObjectId) throws -> Stub {
        try Stub(rpc: call("get", [.string(id.hex)]))
    }

    /// `getByName(name)`: `get(idFromName(name))`.
    public func getByName(_ name: String) throws -> Stub {
        try Stub(rpc: call("getByName", [.string(name)]))
    }

    private func call(_ method: String, _ args: [RpcValue]) throws -> RpcValue {
        let (worker, binding) = (self.worker, self.binding)
        return try runtime.onLoop { try $0.namespaceCall(worker: worker, binding: binding, method: method, args: args) }
    }
}

extension DurableObjectId {
    func named(_ name: String) -> DurableObjectId { DurableObjectId(hex: hex, name: name) }
}

extension Env {
    /// The Durable Object namespace bound as `binding` (`env.COUNTERS`), with Workers'
    /// synchronous API: `try env.namespace("COUNTERS").getByName("alpha")`.
    public func namespace(_ binding: String) -> DurableObjectNamespace {
        DurableObjectNamespace(runtime: runtime, worker: worker, binding: binding)
    }
}

extension Stub {
    /// For a Durable Object stub (`kind == .durableObject`), the object's id, with its name
    /// when the runtime derived it from one (`stub.id` and `stub.name` in Workers); nil for
    /// other stubs. Must be read on the runtime's loop (worker code always is).
    public var durableObjectId: DurableObjectId? {
        let id = self.id
        return runtime.onLoop { $0.durableObjectId(ofStub: id) }
    }
}
