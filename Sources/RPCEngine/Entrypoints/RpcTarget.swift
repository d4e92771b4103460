/// A class whose instances travel by reference: the receiver gets a stub, and calls run here,
/// on the instance, in the context that created it (`class Counter extends RpcTarget`).
///
/// Subclasses are `final` and adopt `RpcInterface` to list their members; only those are
/// reachable (stored properties stay private, §2.1). Instances are not `Sendable`: the runtime
/// calls them only on the loop of the runtime they were sent through.
open class RpcTarget: RpcEncodable {
    public init() {}

    /// `[Symbol.dispose]`: runs asynchronously, in the target's own context, once the last
    /// stub of one *sending* of this target is gone (§4.9). Sending the same target twice gives
    /// two independent stubs and two calls. Errors thrown here are logged, never propagated.
    open func dispose() async throws {}

    public func rpcValue() -> RpcValue { .target(RpcTargetRef(self)) }
}

/// An `RpcTarget` inside an `RpcValue`, bound to its member table.
///
/// Safety of `@unchecked Sendable`: the target is only called by its runtime, on the loop (see
/// `LoopBound`); values holding it may be passed around, but its state is only touched there.
public struct RpcTargetRef: @unchecked Sendable {
    public let object: RpcTarget
    let receiver: (any RpcReceiver)?

    public init(_ target: RpcTarget) {
        object = target
        receiver = makeReceiver(target)
    }

    public var typeName: String {
        (object as? ScriptedTarget)?.name ?? String(describing: type(of: object))
    }
}
