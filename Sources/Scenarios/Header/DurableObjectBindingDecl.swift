/// One entry of a worker's `durable_objects.bindings`: `{ name, class_name, script_name? }`.
public struct DurableObjectBindingDecl: Sendable, Hashable {
    /// The name the worker's code uses: `env.NAME`.
    public var name: String
    /// The Durable Object class, exported by the module of `scriptName`'s worker.
    public var className: String
    /// The worker whose module exports the class; `nil` means the declaring worker. When given,
    /// it is checked to name a declared worker.
    public var scriptName: String?
    /// The whole entry.
    public var range: SourceRange
    /// Where `name` is written.
    public var nameField: HeaderField
    /// Where `class_name` is written.
    public var classNameField: HeaderField
    /// Where `script_name` is written, if it is.
    public var scriptNameField: HeaderField?
}
