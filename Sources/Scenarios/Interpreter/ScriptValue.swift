import RPCEngine

/// A value of the script language.
///
/// Almost everything is an ``RpcValue`` — the values that can cross RPC, plus stubs, RPC
/// promises, local functions (`.function`) and local `RpcTarget`s (`.target`). The other cases
/// are the handles that exist only on the caller's side and never travel by value: the `env`
/// object, a service binding (`env.S`, a `Fetcher` in Workers), a not-yet-used property path on
/// a stub (`stub.a.b`, an `RpcProperty`), and the `runtime` and `console` globals.
public enum ScriptValue: Sendable, CustomStringConvertible {
    /// A plain value, a stub, a promise, a local function or a local `RpcTarget`.
    case value(RpcValue)
    /// `env`: the primary worker's bindings and vars.
    case env(Env)
    /// `env.S`: a service binding. Not session-scoped: no `dup()`, no dispose (§4.2).
    case binding(ServiceStub)
    /// `x.a.b` on a binding, stub or promise: sends nothing until it is called or awaited (§5.5).
    case property(RemotePath)
    /// `runtime`: read-only introspection.
    case runtime
    /// `console` (only `console.log` is defined).
    case console

    /// `undefined`.
    public static let undefined = ScriptValue.value(.undefined)

    /// The value as an `RpcValue`, when it is one.
    public var rpcValue: RpcValue? {
        if case .value(let value) = self { return value }
        return nil
    }

    /// The one-line rendering transcripts and the console print.
    public func summary(limit: Int = 120) -> String {
        switch self {
        case .value(let value): return value.summary(limit: limit)
        case .env(let env): return "Env(\(env.worker))"
        case .binding(let binding): return "ServiceStub(\(binding.binding))"
        case .property(let path): return "RpcProperty(\(path.description))"
        case .runtime: return "[runtime]"
        case .console: return "[console]"
        }
    }

    /// The same as ``summary(limit:)`` without a limit.
    public var description: String { summary(limit: Int.max) }

    /// `typeof` in JavaScript terms: a function stub or property is `"function"`, a service
    /// binding (a `Fetcher`) is `"object"`.
    var typeOf: String {
        switch self {
        case .value(let value): return value.typeOf
        case .property: return "function"
        case .env, .binding, .runtime, .console: return "object"
        }
    }

    /// JavaScript truthiness (every handle is an object, so truthy).
    var isTruthy: Bool {
        if case .value(let value) = self { return value.isTruthy }
        return true
    }
}

/// What a lazy property path starts from.
public enum RemoteRoot: Sendable {
    /// A service binding: `env.S.a`.
    case binding(ServiceStub)
    /// A stub: `stub.a`.
    case stub(Stub)
    /// An RPC promise: `promise.a` (pipelined, §5.1).
    case promise(RpcPromise)
}

/// A property path on a binding, stub or promise: `stub.a.b` is `(stub, ["a", "b"])`.
public struct RemotePath: Sendable, CustomStringConvertible {
    /// Where the path starts.
    public let root: RemoteRoot
    /// The names after the root, at least one.
    public let path: [String]

    /// `S.a.b`, `stub4.a`, `stub5.a` (a promise is a stub of kind `promise` in the event log).
    public var description: String {
        let head: String
        switch root {
        case .binding(let binding): head = binding.binding
        case .stub(let stub): head = "\(stub.id)"
        case .promise(let promise): head = "\(promise.id)"
        }
        return ([head] + path).joined(separator: ".")
    }

    /// The engine's handle on the path.
    var property: RpcProperty {
        var property: RpcProperty
        switch root {
        case .binding(let binding): property = binding[dynamicMember: path[0]]
        case .stub(let stub): property = stub[dynamicMember: path[0]]
        case .promise(let promise): property = promise[dynamicMember: path[0]]
        }
        for name in path.dropFirst() { property = property[dynamicMember: name] }
        return property
    }

    /// The path one name longer.
    func appending(_ name: String) -> RemotePath { RemotePath(root: root, path: path + [name]) }
}
