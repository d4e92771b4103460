/// A module a worker can run (`main = "counterService"`): named exports and a default export,
/// as in a JavaScript module (§1.2).
public struct WorkerModule: Sendable {
    /// What an export is.
    public enum ExportKind: Sendable {
        /// A `WorkerEntrypoint` subclass: a new instance per top-level call.
        case entrypoint
        /// An `RpcTarget` class exported by name (listed, not callable by a binding).
        case rpcTarget
        /// A Durable Object class: one that extends `DurableObject` (`durableObject(_:)`), or one
        /// that does not and so refuses RPC (`durableObjectWithoutRpc(_:)`, §8.3).
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
        /// Constructs a Durable Object; nil for a class that does not extend `DurableObject`.
        var makeDurableObject: (@Sendable (DurableObjectState, Env) -> any RpcReceiver)? = nil

        /// Whether this export is a class that extends `DurableObject`, so that RPC reaches its
        /// objects (§8.3).
        public var extendsDurableObject: Bool { makeDurableObject != nil }
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

    /// Exports a Durable Object class under `name` (default: the class name), for
    /// `durable_objects.bindings` to name (§8). One instance lives per object id, created by the
    /// first call through a stub and kept between calls and requests.
    public mutating func durableObject<T: DurableObject & RpcInterface>(_ type: T.Type, as name: String? = nil) {
        let members = T.rpc
        exports.append(Export(
            name: name ?? String(describing: T.self), kind: .durableObject, typeName: String(describing: T.self),
            members: members.descriptions, makeEntrypoint: nil,
            makeDurableObject: { state, env in Bound(instance: T(ctx: state, env: env), members: members) }))
    }

    /// Exports a class that a Durable Object binding may name but that does not extend
    /// `DurableObject` — in JavaScript, `export class Legacy { fetch(request) { ... } }`. Its
    /// objects are created as usual, but every RPC call to them rejects with §8.3's `TypeError`
    /// (`The receiving Durable Object does not support RPC, ...`).
    public mutating func durableObjectWithoutRpc(_ name: String) {
        exports.append(Export(name: name, kind: .durableObject, typeName: name, members: [], makeEntrypoint: nil))
    }

    /// Lists an `RpcTarget` class as a named export (it is created by methods, not bindings).
    public mutating func rpcTarget<T: RpcTarget & RpcInterface>(_ type: T.Type, as name: String? = nil) {
        let members = T.rpc
        exports.append(Export(
            name: name ?? String(describing: T.self), kind: .rpcTarget, typeName: String(describing: T.self),
            members: members.descriptions, makeEntrypoint: nil))
    }
}
