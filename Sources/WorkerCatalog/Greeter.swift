import RPCEngine

/// `greeter` — mirrors the seed's "Bindings and lifecycle methods" section
/// (`seed/service-bindings-rpc.md`): `this.env.GREETING` and `this.ctx.waitUntil(...)`.
///
/// `signup` answers `"Success"` at once and leaves its analytics event running through
/// `ctx.waitUntil` (semantics §1.7): the event takes 50 ms of runtime time, then logs
/// `event signup <email>`. The caller never waits for it and never sees its failures; the
/// callee's execution context stays open (draining) until it is done.
enum GreeterModule {
    /// `MyWorker` (default export).
    final class MyWorker: WorkerEntrypoint, RpcInterface {
        /// `this.env.GREETING + name`. A missing `GREETING` reads as `undefined`, as in JavaScript
        /// (`"undefinedAda"`); `name` must be a string (Swift is typed where JavaScript coerces).
        func greet(_ name: String) -> String {
            javaScriptString(env.vars.GREETING) + name
        }

        /// Returns `"Success"` at once; `sendEvent` keeps running after the method returns.
        func signup(_ email: String, _ name: String) -> String {
            ctx.waitUntil("sendEvent signup") { try await self.sendEvent("signup", email) }
            return "Success"
        }

        /// The seed's `sendEvent`: stands in for a `fetch()` subrequest to an analytics provider.
        /// Private and unregistered, so it is not reachable over RPC.
        private func sendEvent(_ eventName: String, _ email: String) async throws {
            try await ctx.sleep(ms: 50)
            ctx.log("event \(eventName) \(email)")
        }

        static let rpc = Members<MyWorker> {
            $0.method("greet", params: "name", MyWorker.greet)
            $0.method("signup", params: "email, name", MyWorker.signup)
        }
    }

    static let module = WorkerModule("greeter") { $0.entrypoint(MyWorker.self, isDefault: true) }

    /// `String(value)` in JavaScript, for the values a `[vars]` entry can hold.
    static func javaScriptString(_ value: RpcValue) -> String {
        switch value {
        case .string(let s): s
        case .number(let n): RpcValue.formatNumber(n)
        default: value.description
        }
    }
}
