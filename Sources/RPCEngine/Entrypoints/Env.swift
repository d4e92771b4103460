/// A worker's bindings: `env.WORKER_B` is a service binding, `env.vars.GREETING` a variable.
@dynamicMemberLookup
public struct Env: Sendable {
    let runtime: Runtime
    /// The worker this env belongs to.
    public let worker: String
    /// The names of the worker's service and Durable Object namespace bindings, in declaration
    /// order.
    public let bindingNames: [String]
    /// The worker's `[vars]`.
    public let vars: Vars

    public subscript(dynamicMember name: String) -> ServiceStub {
        ServiceStub(runtime: runtime, worker: worker, binding: name)
    }

    /// A worker's `[vars]`: `env.vars.GREETING` is the value, or `undefined` when not declared.
    @dynamicMemberLookup
    public struct Vars: Sendable {
        public let values: RpcObject
        public subscript(dynamicMember name: String) -> RpcValue { values[name] ?? .undefined }
    }
}
