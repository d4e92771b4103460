/// An `RpcTarget` whose members are supplied at run time instead of registered on a class:
/// what a scenario's `rpcTarget({ increment: (n) => ..., dispose: () => ... })` makes.
///
/// Only the listed names are reachable (class mode, §2.1); `dispose` becomes the target's
/// `[Symbol.dispose]`.
public final class ScriptedTarget: RpcTarget {
    /// The name shown for it (`RpcTarget(name)`).
    public let name: String
    public let methods: [String: RpcFunction]
    public let order: [String]
    let disposer: RpcFunction?

    public init(name: String = "RpcTarget", methods: [(String, RpcFunction)], dispose: RpcFunction? = nil) {
        self.name = name
        var table: [String: RpcFunction] = [:]
        for (key, fn) in methods { table[key] = fn }
        self.methods = table
        self.order = methods.map(\.0)
        self.disposer = dispose
    }

    public override func dispose() async throws {
        if let disposer { _ = try await disposer.box.body([]) }
    }
}

/// The receiver of a `ScriptedTarget`. Safety of `@unchecked Sendable`: as for `Bound`.
struct ScriptedReceiver: RpcReceiver, @unchecked Sendable {
    let target: ScriptedTarget
    var object: AnyObject { target }
    var typeName: String { target.name }
    var memberNames: [String] { target.order }
    func lookup(_ name: String) -> BoundMember? {
        guard let fn = target.methods[name] else { return nil }
        return .method({ args in try await fn.box.body(args) })
    }
}
