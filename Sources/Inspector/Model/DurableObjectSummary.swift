import RPCEngine

/// What the Workers pane shows of one Durable Object instance.
public struct DurableObjectSummary: Sendable, Equatable {
    /// `do:CounterObject/alpha`.
    public var label: String
    /// The object's id (64 hex digits).
    public var id: String
    /// `broken: <reason>` once broken; nil while healthy.
    public var broken: String?
}
