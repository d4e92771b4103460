/// What a stub-like handle points at, as the runtime resolves it.
enum Reference: Sendable, Hashable {
    /// A service binding of `worker`'s env (a `Fetcher`: not session-scoped).
    case binding(worker: String, binding: String)
    /// A stub or promise handle held by some context.
    case stub(StubID)
}

/// What kind of handle a stub is (§4.1, §4.2).
///
/// `durableObject` is a Durable Object stub (`env.NS.get(id)`, §8.2): not session-scoped, so
/// `dispose()` and `dup()` have no effect on the object, and sending it over RPC gives the
/// receiver its own stub to the same object (§3.1, "tokens").
public enum StubKind: String, Sendable, Equatable {
    case function, rpcTarget, promise, durableObject
}
