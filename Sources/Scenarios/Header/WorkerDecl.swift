/// One `[[workers]]` table of the header, checked.
///
/// Guarantees after checking: `name` is non-empty and unique among the workers; every binding
/// name (services, vars, Durable Objects) is a valid identifier and unique within the worker;
/// every `service` and `script_name` names a declared worker. Not checked here: that `main`
/// names a real module and that entrypoints and classes exist (the interpreter knows the
/// catalogue; ``mainField`` says where to point).
public struct WorkerDecl: Sendable, Hashable {
    /// The service name other workers bind to.
    public var name: String
    /// The module this worker runs; `nil` is allowed only for the primary (first) worker, whose
    /// code is the script.
    public var main: String?
    /// Service bindings, in declaration order.
    public var services: [ServiceBindingDecl]
    /// Plain values, in declaration order.
    public var vars: [WorkerVar]
    /// Durable Object namespace bindings, in declaration order.
    public var durableObjects: [DurableObjectBindingDecl]
    /// The `[[workers]]` header (or the inline table) that declares the worker.
    public var range: SourceRange
    /// Where `name` is written.
    public var nameField: HeaderField
    /// Where `main` is written, if it is.
    public var mainField: HeaderField?

    /// The value of the var `name`, if declared.
    public func variable(_ name: String) -> HeaderValue? {
        vars.first { $0.name == name }?.value
    }
}
