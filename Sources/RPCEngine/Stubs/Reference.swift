/// What a stub-like handle points at, as the runtime resolves it.
enum Reference: Sendable, Hashable {
    /// A service binding of `worker`'s env (a `Fetcher`: not session-scoped).
    case binding(worker: String, binding: String)
    /// A stub or promise handle held by some context.
    case stub(StubID)
}

/// What kind of handle a stub is (§4.1, §4.2).
public enum StubKind: String, Sendable, Equatable {
    case function, rpcTarget, promise, entrypoint, property, objectField, forwarded
}
