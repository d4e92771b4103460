/// A class whose instances can be called over RPC: `WorkerEntrypoint`s, `RpcTarget`s and
/// Durable Objects adopt it by listing their members.
///
/// The class must be `final` (the member table is typed by the class itself).
public protocol RpcInterface: AnyObject {
    static var rpc: Members<Self> { get }
}

/// An instance bound to its member table: what the runtime calls.
protocol RpcReceiver: Sendable {
    var typeName: String { get }
    var object: AnyObject { get }
    var memberNames: [String] { get }
    func lookup(_ name: String) -> BoundMember?
}

/// A member with its instance already bound.
enum BoundMember {
    typealias Method = nonisolated(nonsending) ([RpcValue]) async throws -> RpcValue
    typealias Getter = nonisolated(nonsending) () async throws -> RpcValue
    case method(Method)
    case getter(Getter)
}

/// The receiver for an instance of `W`.
///
/// Safety of `@unchecked Sendable`: `W` is a `WorkerEntrypoint`, `RpcTarget` or Durable Object
/// subclass; the runtime only calls it from code running on its loop, one job at a time.
struct Bound<W: AnyObject>: RpcReceiver, @unchecked Sendable {
    let instance: W
    let members: Members<W>

    var typeName: String { String(describing: W.self) }
    var object: AnyObject { instance }
    var memberNames: [String] { members.names }

    func lookup(_ name: String) -> BoundMember? {
        switch members.member(name) {
        case .method(let handler)?:
            let instance = self.instance
            return .method({ args in try await handler(instance, args) })
        case .getter(let handler)?:
            let instance = self.instance
            return .getter({ try await handler(instance, []) })
        case nil:
            return nil
        }
    }
}

/// Opens an `any RpcInterface` to bind it to its own member table.
func makeReceiver(_ object: AnyObject) -> (any RpcReceiver)? {
    if let scripted = object as? ScriptedTarget { return ScriptedReceiver(target: scripted) }
    guard let interface = object as? any RpcInterface else { return nil }
    return bind(interface)
}

private func bind<T: RpcInterface>(_ instance: T) -> any RpcReceiver {
    Bound(instance: instance, members: T.rpc)
}
