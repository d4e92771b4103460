/// A module a worker can run (`main = "counterService"`): named exports and a default export,
/// as in a JavaScript module (§1.2).
public struct WorkerModule: Sendable {
    /// What an export is.
    public enum ExportKind: Sendable {
        /// A `WorkerEntrypoint` subclass: a new instance per top-level call.
        case entrypoint
        /// An `RpcTarget` class exported by name (listed, not callable by a binding).
        case rpcTarget
        /// A Durable Object class.
        case durableObject
    }

    /// One export, with what `switchboard catalog` lists of it.
    public struct Export: Sendable {
        public let name: String
        public let kind: ExportKind
        public let typeName: String
        /// Members in registration order, with their parameter lists.
        public let members: [MemberDescription]
        let makeEntrypoint: (@Sendable (ExecutionContext, Env) -> any RpcReceiver)?
    }

    public let name: String
    public private(set) var exports: [Export] = []
    public private(set) var defaultExport: String?

    public init(_ name: String, _ build: (inout WorkerModule) -> Void) {
        self.name = name
        build(&self)
    }

    public func export(named name: String) -> Export? { exports.first { $0.name == name } }

    /// Exports a `WorkerEntrypoint` class under `name` (default: the class name); `isDefault`
    /// also makes it the default export.
    public mutating func entrypoint<W: WorkerEntrypoint & RpcInterface>(
        _ type: W.Type, as name: String? = nil, isDefault: Bool = false
    ) {
        let exportName = name ?? String(describing: W.self)
        let members = W.rpc
        exports.append(Export(
            name: exportName, kind: .entrypoint, typeName: String(describing: W.self),
            members: members.descriptions,
            makeEntrypoint: { ctx, env in Bound(instance: W(ctx: ctx, env: env), members: members) }))
        if isDefault { defaultExport = exportName }
    }

    /// Lists an `RpcTarget` class as a named export (it is created by methods, not bindings).
    public mutating func rpcTarget<T: RpcTarget & RpcInterface>(_ type: T.Type, as name: String? = nil) {
        let members = T.rpc
        exports.append(Export(
            name: name ?? String(describing: T.self), kind: .rpcTarget, typeName: String(describing: T.self),
            members: members.descriptions, makeEntrypoint: nil))
    }
}
