import RPCEngine

/// The built-in worker modules that scenario files name (`main = "counterService"`), as
/// `shared/spec/catalog.md` fixes them: module names, export names and members never change.
///
/// Every module is written only against RPCEngine's public API, so each one doubles as an
/// example of how to write a worker in Swift: an entrypoint is a `final class` that extends
/// `WorkerEntrypoint` and lists its RPC members in `static let rpc`; everything it does not
/// register (stored properties, `env`, `ctx`, private helpers) stays unreachable (§2.1).
///
/// ```swift
/// let runtime = try Runtime(configuration: config, modules: Catalog.modules)
/// ```
public enum Catalog {
    /// `workerB`: the seed's first example, `add(a, b)`.
    public static let workerB: WorkerModule = WorkerBModule.module
    /// `greeter`: the seed's `env` and `ctx.waitUntil` examples.
    public static let greeter: WorkerModule = GreeterModule.module
    /// `counterService`: the seed's function returned by reference.
    public static let counterService: WorkerModule = CounterServiceModule.module
    /// `remoteObjects`: the seed's plain object whose function field travels as a stub.
    public static let remoteObjects: WorkerModule = RemoteObjectsModule.module
    /// `toolkit`: members for composing behaviour in scenarios.
    public static let toolkit: WorkerModule = ToolkitModule.module

    /// `counterObject`: `CounterObject`, a Durable Object class (a counter in storage).
    public static let counterObject: WorkerModule = CounterObjectModule.module

    /// Every built-in module, in the order `switchboard catalog` lists them.
    public static let modules: [WorkerModule] = [workerB, greeter, counterService, remoteObjects, toolkit, counterObject]

    /// The built-in module called `name`, if there is one.
    public static func module(named name: String) -> WorkerModule? {
        modules.first { $0.name == name }
    }
}
