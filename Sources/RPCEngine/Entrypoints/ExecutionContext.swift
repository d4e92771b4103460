/// One invocation's context (`ctx` in Workers): `waitUntil`, `props`, `abort`, and the
/// runtime's clock, random source and log, which worker code uses instead of the system's so
/// that runs are deterministic.
public struct ExecutionContext: Sendable {
    let runtime: Runtime
    public let id: ContextID
    /// The worker running in this context.
    public let worker: String
    /// `ctx.props`, set by the binding's configuration (§1.8); `{}` by default.
    public let props: RpcValue

    /// The context of the code that is running now (a task-local value that reaches child
    /// tasks and `waitUntil` tasks).
    public static var current: ExecutionContext? { CurrentContext.frame?.ctx }

    /// Keeps `body` running after the method returns (§1.7). A failure is logged and never
    /// reaches the caller. When the context ends, tasks get 30 s of runtime time to finish.
    public func waitUntil(_ label: String = "waitUntil", _ body: nonisolated(nonsending) @escaping () async throws -> Void) {
        let work = LoopBound(body)
        runtime.onLoop { $0.waitUntil(context: id, label: label, work) }
    }

    /// Aborts this context (§1.9): calls in flight into it and later calls on stubs it hosts
    /// reject with `reason`. Throws `reason` so the aborting code stops here.
    public func abort(_ reason: RpcError = RpcError(message: RpcError.Message.aborted)) throws -> Never {
        runtime.onLoop { $0.abort(context: id, reason: reason) }
        throw reason
    }

    /// `console.log` in this context: recorded as a `log` event.
    public func log(_ text: String) {
        runtime.log(context: id, worker: worker, level: .info, text)
    }

    /// Sleeps on the runtime's clock.
    public func sleep(ms: Int) async throws { try await runtime.clock.sleep(ms: ms) }

    /// The runtime clock's time in milliseconds.
    public var now: Int { runtime.clock.now }

    /// `Math.random()` from the runtime's seeded source.
    public func random() -> Double { runtime.onLoop { $0.nextRandom() } }

    /// State kept at module scope (a `let` at the top of a JavaScript module), which Workers
    /// lets outlive one call: one instance of `State` per runtime, made by `make` on first use.
    /// Per runtime, not per process, so parallel runtimes and replays never share it.
    public func moduleState<State: AnyObject>(_ type: State.Type = State.self, _ make: @escaping () -> State) -> State {
        let factory = LoopBound(make)
        return runtime.onLoop { LoopBound($0.moduleState(type, factory.value)) }.value
    }

    /// Suspends forever as far as the code is concerned; when nothing else in the runtime can
    /// make progress, the runtime rejects the call with Workers' hang error (§1.10).
    public func hang() async throws -> Never {
        try await runtime.hang()
    }
}

/// The task-local context and call, kept out of the public type so that only the runtime sets
/// them. One task-local holds both, so entering a callee costs one `withValue`.
enum CurrentContext {
    struct Frame: Sendable {
        let ctx: ExecutionContext
        let call: CallID?
    }
    @TaskLocal static var frame: Frame?
    static var value: ExecutionContext? { frame?.ctx }
}

/// `console.log` for worker code: logs in the current execution context.
public enum Console {
    public static func log(_ items: Any...) {
        let text = items.map { "\($0)" }.joined(separator: " ")
        ExecutionContext.current?.log(text)
    }
}
