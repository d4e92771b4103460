extension Runtime {
    /// The waitUntil drain limit after a context ends (§1.7), in runtime milliseconds.
    public static let waitUntilDrainLimitMs = 30_000

    func newContext(worker: String, entrypoint: String?, kind: ContextKind, props: RpcValue, openedBy: CallID?) -> ContextState {
        let id = nextContextID()
        let handle = ExecutionContext(runtime: self, id: id, worker: worker, props: props)
        let ctx = ContextState(id: id, worker: worker, entrypoint: entrypoint, kind: kind, handle: handle, env: env(for: worker))
        contexts[id] = ctx
        emit(.contextBegan(ContextBegan(ctx: id, worker: worker, entrypoint: entrypoint, kind: kind, openedBy: openedBy)))
        return ctx
    }

    /// Opens a request context in the primary worker (or `worker`), for code that plays the
    /// primary worker's handler: a scenario script, the console, a test.
    public func beginRequest(worker: String? = nil) -> ExecutionContext {
        let name = worker ?? configuration.workers[0].name
        return newContext(worker: name, entrypoint: nil, kind: .request, props: .object(RpcObject()), openedBy: nil).handle
    }

    /// Ends a request context: its stubs are disposed, its sessions cancelled, and its
    /// waitUntil tasks drained (§6.3, §4.10).
    public func endRequest(_ ctx: ExecutionContext) {
        guard let state = contexts[ctx.id] else { return }
        endContext(state, reason: .returned)
    }

    /// Runs `body` as code of the context `ctx` (a request begun with `beginRequest`): calls it
    /// makes are made by that context. For code that plays a worker — the scenario
    /// interpreter, the inspector's console.
    public nonisolated func withContext<T>(_ ctx: ExecutionContext, _ body: () async throws -> T) async rethrows -> T {
        try await CurrentContext.$frame.withValue(CurrentContext.Frame(ctx: ctx, call: nil)) { try await body() }
    }

    /// The env of `worker`.
    public nonisolated func env(ofWorker worker: String) -> Env {
        let config = workerConfigs[worker]
        let names = (config?.services.map(\.binding) ?? []) + (config?.durableObjects.map(\.name) ?? [])
        return Env(runtime: self, worker: worker, bindingNames: names, vars: Env.Vars(values: config?.vars ?? RpcObject()))
    }

    /// Runs `body` as a request to the primary worker, ending the request when it returns.
    public func request<T: Sendable>(
        worker: String? = nil, _ body: @Sendable (Env, ExecutionContext) async throws -> T
    ) async throws -> T {
        let handle = beginRequest(worker: worker)
        let env = contexts[handle.id]?.env ?? self.env(for: handle.worker)
        defer { endRequest(handle) }
        return try await CurrentContext.$frame.withValue(CurrentContext.Frame(ctx: handle, call: nil)) {
            try await body(env, handle)
        }
    }

    /// The env of the context running now.
    func currentContextState() throws -> ContextState {
        guard let handle = CurrentContext.value, handle.runtime === self else {
            throw RpcError.error("This call was made outside any execution context of this runtime.")
        }
        guard let ctx = contexts[handle.id], ctx.phase != .ended else {
            throw RpcError.error(RpcError.Message.contextGone)
        }
        return ctx
    }

    func endContext(_ ctx: ContextState, reason: ContextEndReason) {
        guard ctx.phase == .running else { return }
        ctx.phase = .returned
        ctx.endReason = reason
        if reason != .returned {
            // Aborted or cancelled: its stubs go now; only a cancelled context's waitUntil
            // tasks keep draining (§6.3).
            disposeHeld(ctx)
            if reason == .aborted { for task in ctx.tasks.values { task.cancel() } }
        }
        if ctx.tasks.isEmpty {
            finishContext(ctx)
        } else {
            if reason == .returned { ctx.endReason = .drained }
            let id = ctx.id
            ctx.drainTimer = Task(executorPreference: loop) { [clock] in
                do { try await clock.sleep(ms: Runtime.waitUntilDrainLimitMs) } catch { return }
                await self.drainTimedOut(id)
            }
        }
    }

    func drainTimedOut(_ id: ContextID) {
        guard let ctx = contexts[id], ctx.phase == .returned else { return }
        emit(.log(ctx: id, worker: ctx.worker, level: .warn, text: RpcError.Message.waitUntilCancelled))
        ctx.endReason = .cancelled
        for task in ctx.tasks.values { task.cancel() }
    }

    /// Disposes every stub the context still holds (the leak report: each `stubDisposed` names
    /// `contextEnded`, and the stub's `stubCreated` names the call that made it), and cancels
    /// the sessions it opened (§4.10, §6.3).
    func disposeHeld(_ ctx: ContextState) {
        // Most contexts end holding nothing; sorting an empty table still cost ~1,000
        // instructions (generic metadata for the sort), on every call's callee context.
        let leftovers = ctx.held.isEmpty ? [] : ctx.held.values.sorted { $0.id < $1.id }
        // Results whose callee keeps a disposer (§4.7) that this context never disposed: the
        // session's cancellation below runs their disposers; here they only stop being held.
        let undisposedResults = ctx.heldResults.count
        for call in ctx.heldResults { heldResults[call] = nil }
        ctx.heldResults.removeAll()
        // One warning per context (§4.10): the result one when a disposer-carrying result
        // leaked, else the stub one. Promises and Durable Object stubs need no dispose() (§4.2).
        if ctx.endReason != .aborted {
            if undisposedResults > 0 {
                emit(.log(ctx: ctx.id, worker: ctx.worker, level: .warn, text: RpcError.Message.resultNotDisposed))
            } else if leftovers.contains(where: { $0.kind != .promise && $0.kind != .durableObject }) {
                emit(.log(ctx: ctx.id, worker: ctx.worker, level: .warn, text: RpcError.Message.stubNotDisposed))
            }
        }
        for stub in leftovers { dispose(stub, reason: .contextEnded, by: "\(ctx.id)") }
        // Sessions still open after that are cancelled: the caller is gone (§6.3).
        for session in ctx.opened where !session.ended { endSession(session, reason: .cancelled) }
        ctx.opened.removeAll()
    }

    func finishContext(_ ctx: ContextState) {
        guard ctx.phase != .ended else { return }
        disposeHeld(ctx)
        ctx.phase = .ended
        ctx.drainTimer?.cancel()
        ctx.drainTimer = nil
        if let session = ctx.servedSession { closeSession(session) }
        ctx.servedSession = nil
        contexts[ctx.id] = nil
        emit(.contextEnded(ctx: ctx.id, worker: ctx.worker, reason: ctx.endReason))
    }

    /// Ends the callee's side of a session. When the caller simply holds nothing more
    /// (`returned`), the callee's context returns and drains its waitUntil tasks, and the stubs
    /// it holds into the caller keep working until it finishes (§1.7, §4.10). When the caller's
    /// context ended (`cancelled`) or the callee aborted, every capability of the session is
    /// revoked at once (§6.3, §6.5).
    func endSession(_ session: SessionState, reason: ContextEndReason) {
        guard !session.ended, let callee = session.callee else { return }
        if callee.ctx.kind == .durableObject {
            // A Durable Object's context outlives the session of each call into it (§8.5):
            // only the session's capabilities go.
            closeSession(session)
            return
        }
        if reason != .returned {
            dropAllExports(of: callee)
            if callee.ctx.phase == .returned { disposeHeld(callee.ctx) }
        }
        endContext(callee.ctx, reason: reason)
    }

    /// Closes a session for good once its callee's context has finished.
    func closeSession(_ session: SessionState) {
        guard !session.ended else { return }
        session.ended = true
        if let callee = session.callee { dropAllExports(of: callee) }
        session.caller = nil
        session.callee = nil
    }

    func dropAllExports(of side: SessionSide) {
        guard !side.exports.isEmpty else { return }
        let exports = side.exports.sorted { $0.key < $1.key }
        side.exports.removeAll()
        for (_, entry) in exports { dropExport(entry) }
    }

    // MARK: waitUntil

    func waitUntil(context id: ContextID, label: String, _ body: LoopBound<nonisolated(nonsending) () async throws -> Void>) {
        guard let ctx = contexts[id] else { return }
        let task = nextTaskID()
        emit(.taskAdded(task: task, ctx: id, worker: ctx.worker, label: label))
        pendingTaskCount += 1
        let handle = ctx.handle
        ctx.tasks[task] = Task(executorPreference: loop) {
            let outcome: TaskOutcome
            do {
                try await CurrentContext.$frame.withValue(CurrentContext.Frame(ctx: handle, call: nil)) { try await body.value() }
                outcome = .resolved
            } catch is CancellationError {
                outcome = .cancelled
            } catch {
                outcome = Task.isCancelled ? .cancelled : .rejected(RpcError.from(error))
            }
            await self.taskSettled(task, context: id, outcome)
        }
    }

    func taskSettled(_ task: TaskID, context id: ContextID, _ outcome: TaskOutcome) {
        pendingTaskCount -= 1
        emit(.taskSettled(task: task, ctx: id, outcome: outcome))
        guard let ctx = contexts[id] else { return }
        if case .rejected(let error) = outcome {
            emit(.log(ctx: id, worker: ctx.worker, level: .error, text: "Uncaught (in promise) \(error.name): \(error.message)"))
        }
        ctx.tasks[task] = nil
        if ctx.phase == .returned && ctx.tasks.isEmpty { finishContext(ctx) }
    }

    // MARK: abort and hangs

    func abort(context id: ContextID, reason: RpcError) {
        guard let ctx = contexts[id], ctx.abortReason == nil else { return }
        if let object = hostedObject(ctx) {
            breakObject(object, reason: reason)
            return
        }
        ctx.abortReason = reason
        if let session = ctx.servedSession {
            endSession(session, reason: .aborted)
        } else {
            endContext(ctx, reason: .aborted)
        }
    }

    nonisolated func hang() async throws -> Never {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            hangs.withLock { $0.append(c) }
        }
        throw RpcError.error(RpcError.Message.hung)
    }

    /// Suspends until nothing in the runtime can make progress: every call, task, disposer and
    /// sleeper has settled or is stuck for good (`settle` in scenarios).
    public nonisolated func settle() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            idleWaiters.withLock { $0.append(c) }
        }
    }
}
