/// One entry of `[workers.vars]`: a plain value visible to the worker's code as `env.NAME`.
public struct WorkerVar: Sendable, Hashable {
    /// The binding name.
    public var name: String
    /// The value.
    public var value: HeaderValue
    /// Where it is written.
    public var field: HeaderField
}
