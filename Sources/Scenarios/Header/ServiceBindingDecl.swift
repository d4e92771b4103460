/// One entry of a worker's `services`: `{ binding, service, entrypoint?, props? }`.
///
/// `service` is checked to name a declared worker; `entrypoint` (no value: the module's
/// default export) is left to the interpreter, which knows the modules.
public struct ServiceBindingDecl: Sendable, Hashable {
    /// The name the worker's code uses: `env.BINDING`.
    public var binding: String
    /// The name of the worker it reaches.
    public var service: String
    /// A named entrypoint of that worker's module; `nil` means the default export.
    public var entrypoint: String?
    /// The `props` handed to the entrypoint as `ctx.props`, if any (always a table).
    public var props: HeaderValue?
    /// The whole entry (the `{ ... }` or the `[[...]]` table header).
    public var range: SourceRange
    /// Where `binding` is written.
    public var bindingField: HeaderField
    /// Where `service` is written.
    public var serviceField: HeaderField
    /// Where `entrypoint` is written, if it is.
    public var entrypointField: HeaderField?
    /// Where `props` is written, if it is.
    public var propsField: HeaderField?
}
