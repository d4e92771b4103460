/// A push that has been sent and not yet completed.
final class SentPush {
    let side: SessionSide
    let pushId: Int
    let call: CallID
    let started: Int
    let targetBody: ExportEntry.Body?
    let calleeCtx: ContextState
    let path: [String]
    let args: [RpcValue]?
    let paramStubs: [StubState]
    let result: ResultState
    var promise: PromiseState?
    /// The Durable Object stub whose E-order this started call takes part in.
    var orderedBy: DurableObjectHandle?

    init(side: SessionSide, pushId: Int, call: CallID, started: Int, targetBody: ExportEntry.Body?, calleeCtx: ContextState,
         path: [String], args: [RpcValue]?, paramStubs: [StubState], result: ResultState) {
        self.side = side
        self.pushId = pushId
        self.call = call
        self.started = started
        self.targetBody = targetBody
        self.calleeCtx = calleeCtx
        self.path = path
        self.args = args
        self.paramStubs = paramStubs
        self.result = result
    }
}

extension Runtime {
    static let maxPathDepth = 64
    /// Reserved on entrypoints and Durable Objects (§2.3).
    static let entrypointReserved: Set<String> = [
        "fetch", "connect", "alarm", "webSocketMessage", "webSocketClose", "webSocketError", "dup", "constructor",
    ]
    /// Reserved on transient targets: `RpcTarget`s, functions, plain objects (§2.3).
    static let transientReserved: Set<String> = ["dup", "constructor"]
    /// Error names that survive the legacy error serialization as themselves (§7.1).
    static let builtinErrorNames: Set<String> = [
        "Error", "RangeError", "TypeError", "SyntaxError", "ReferenceError", "URIError", "EvalError",
        "AggregateError", "CompileError", "LinkError", "RuntimeError", "DataCloneError",
    ]

    // MARK: entry points from handles

    /// Calls `path` with `args` on `ref` (a property read when `args` is nil) and waits for the
    /// result. The awaited path runs the callee inline: no task is created per call.
    func call(_ ref: Reference, path: [String], args: [RpcValue]?) async throws -> RpcValue {
        guard path.count <= Runtime.maxPathDepth else { throw RpcError.typeError(RpcError.Message.pathTooDeep) }
        switch ref {
        case .binding(let worker, let binding):
            if let ns = durableObjectNamespace(worker: worker, binding: binding) {
                return try namespaceCall(ns, worker: worker, binding: binding, path: path, args: args)
            }
            let (sent, main) = try sendBinding(worker: worker, binding: binding, path: path, args: args)
            defer { releaseImport(main, 0, count: 1) }
            return try await complete(sent, inline: true)
        case .stub(let id):
            let stub = try liveStub(id)
            try checkSameRequest(stub)
            if let promise = stub.promise {
                return try await callOnPromise(stub, promise, path: path, args: args)
            }
            return try await callThrough(stub.hook, holder: stub.holder, label: "\(stub.id)", path: path, args: args, pipelinedOn: nil)
        }
    }

    /// §4.12: objects belong to the request that created them. A stub (or promise to pipeline
    /// on) held by one request context cannot be used from another request's code. Only
    /// request contexts are compared: a callee's or Durable Object's own code runs in its own
    /// context, and awaiting another request's promise for its value stays allowed.
    func checkSameRequest(_ stub: StubState) throws {
        guard stub.holder.kind == .request, let current = CurrentContext.frame?.ctx, current.id != stub.holder.id,
              contexts[current.id]?.kind == .request
        else { return }
        throw RpcError.error(RpcError.Message.crossRequest(stub.promise == nil ? "Client" : "JsRpcPromise"))
    }

    /// Sends a call now and returns its promise without waiting (§5.1): later calls on the
    /// promise are pipelined on its result.
    func startCall(_ ref: Reference, path: [String], args: [RpcValue]) throws -> RpcPromise {
        guard path.count <= Runtime.maxPathDepth else { throw RpcError.typeError(RpcError.Message.pathTooDeep) }
        var sent: SentPush?
        var main: SessionSide?
        let holder: ContextState
        switch ref {
        case .binding(let worker, let binding):
            holder = try currentContextState()
            if durableObjectNamespace(worker: worker, binding: binding) == nil {
                (sent, main) = try sendBinding(worker: worker, binding: binding, path: path, args: args)
            }
        case .stub(let id):
            let stub = try liveStub(id)
            try checkSameRequest(stub)
            holder = stub.holder
            if let promise = stub.promise {
                if case .pending = promise.state, let side = promise.side {
                    sent = try send(on: side, to: promise.pushId, path: path, args: args, label: "\(stub.id)", pipelinedOn: promise.call)
                }
            } else if case .imported(let side, let importId) = stub.hook {
                sent = try send(on: side, to: importId, path: path, args: args, label: "\(stub.id)", pipelinedOn: nil)
            } else if case .durableObject(let handle) = stub.hook {
                (sent, main) = try sendToObject(handle, caller: holder, label: "\(stub.id)", path: path, args: args)
                sent?.orderedBy = handle
                handle.undelivered += 1
            }
        }
        guard let sent else {
            // A loopback target or a settled promise: run the call as a task on the loop.
            let promise = PromiseState(call: nextCallID(), side: nil, pushId: 0)
            let handle = makePromiseHandle(holder: holder, promise: promise, label: "promise")
            let frame = CurrentContext.frame
            let bound = LoopBound(promise)
            Task(executorPreference: loop) {
                let outcome = await Result(catching: {
                    try await CurrentContext.$frame.withValue(frame) { try await self.call(ref, path: path, args: args) }
                })
                await self.settlePromise(bound.value, outcome.mapError { RpcError.from($0) }, created: [])
            }
            return handle
        }
        let promise = PromiseState(call: sent.call, side: sent.side, pushId: sent.pushId)
        sent.promise = promise
        let handle = makePromiseHandle(holder: holder, promise: promise, label: "result of \(sent.call)")
        sent.side.undelivered += 1
        let bound = LoopBound((sent, main))
        Task(executorPreference: loop) {
            await self.completeStarted(bound.value.0, main: bound.value.1)
        }
        return handle
    }

    func completeStarted(_ sent: SentPush, main: SessionSide?) async {
        if let handle = sent.orderedBy {
            handle.undelivered -= 1
            if handle.undelivered == 0 && !handle.deliveryWaiters.isEmpty {
                let waiters = handle.deliveryWaiters
                handle.deliveryWaiters.removeAll()
                for w in waiters { w.resume() }
            }
        }
        sent.side.undelivered -= 1
        if sent.side.undelivered == 0 && !sent.side.deliveryWaiters.isEmpty {
            let waiters = sent.side.deliveryWaiters
            sent.side.deliveryWaiters.removeAll()
            for w in waiters { w.resume() }
        }
        _ = try? await complete(sent, inline: false)
        if let main { releaseImport(main, 0, count: 1) }
    }

    func makePromiseHandle(holder: ContextState, promise: PromiseState, label: String) -> RpcPromise {
        let hook: Hook = promise.side.map { .imported($0, promise.pushId) } ?? .local(TargetState(home: holder, body: .value(.undefined), label: label))
        let stub = makeStub(holder: holder, kind: .promise, hook: hook, createdBy: promise.call, dupOf: nil,
                            label: label, targetWorker: promise.side?.peer?.ctx.worker ?? holder.worker)
        stub.promise = promise
        return RpcPromise(runtime: self, id: stub.id, call: promise.call)
    }

    /// Waits for a promise handle's result.
    func awaitPromise(_ id: StubID) async throws -> RpcValue {
        let stub = try liveStub(id)
        guard let promise = stub.promise else { return .stub(Stub(runtime: self, id: id, kind: stub.kind)) }
        if case .pending = promise.state {
            await withCheckedContinuation { promise.waiters.append($0) }
        }
        switch promise.state {
        case .resolved(let value): return value
        case .rejected(let error): throw error
        case .pending: throw RpcError.error(RpcError.Message.hung)
        }
    }

    func settlePromise(_ promise: PromiseState, _ outcome: Result<RpcValue, RpcError>, created: [StubState]) {
        switch outcome {
        case .success(let value): promise.state = .resolved(value)
        case .failure(let error): promise.state = .rejected(error)
        }
        promise.resultStubs = created
        let waiters = promise.waiters
        promise.waiters.removeAll()
        for w in waiters { w.resume() }
        if promise.disposeWhenResolved { disposePromiseResult(promise) }
    }

    func disposePromiseResult(_ promise: PromiseState) {
        for stub in promise.resultStubs { dispose(stub, reason: .resultDisposed, by: "\(promise.call)") }
        if case .resolved(.object(let object)) = promise.state, let held = object.heldResult { releaseHeldResult(held) }
    }

    // MARK: sending

    func callThrough(
        _ hook: Hook, holder: ContextState, label: String, path: [String], args: [RpcValue]?, pipelinedOn: CallID?
    ) async throws -> RpcValue {
        switch hook {
        case .imported(let side, let importId):
            let sent = try send(on: side, to: importId, path: path, args: args, label: label, pipelinedOn: pipelinedOn)
            return try await complete(sent, inline: true)
        case .local(let target):
            let call = nextCallID()
            let started = clock.now
            emit(.callStarted(CallStarted(
                call: call, parent: CurrentContext.frame?.call, callerCtx: holder.id, callerWorker: holder.worker,
                calleeWorker: target.home.worker, target: label, path: path, arguments: args, pipelinedOn: pipelinedOn, session: nil)))
            pendingCallCount += 1
            defer { pendingCallCount -= 1 }
            do {
                let value = try await evaluate(target, path: path, args: args, call: call)
                emit(.callReturned(call: call, result: value, durationMs: clock.now - started))
                return value
            } catch {
                let e = RpcError.from(error)
                emit(.callThrew(call: call, error: e, durationMs: clock.now - started))
                throw e
            }
        case .durableObject(let handle):
            return try await callDurableObject(handle, caller: holder, label: label, path: path, args: args)
        }
    }

    func sendBinding(worker: String, binding: String, path: [String], args: [RpcValue]?) throws -> (SentPush, SessionSide) {
        let callerCtx = try currentContextState()
        guard let route = serviceRoutes[worker]?[binding] else {
            throw RpcError.typeError("Cannot read properties of undefined (reading '\(path.first ?? "")')")
        }
        let (call, sessionID) = try announceSessionCall(
            caller: callerCtx, calleeWorker: route.service, label: binding, path: path, args: args)
        let calleeCtx = newContext(worker: route.service, entrypoint: route.exportName, kind: .rpcSession,
                                   props: route.props, openedBy: call)
        let instance = route.makeEntrypoint(calleeCtx.handle, calleeCtx.env)
        let target = TargetState(home: calleeCtx, body: .receiver(instance, entrypoint: true), label: route.exportName)
        let session = openSession(sessionID, call: call, caller: callerCtx, callee: calleeCtx, main: target)
        calleeCtx.servedSession = session
        return try sendOnNewSession(session, path: path, args: args, label: binding, call: call)
    }

    /// The start of a top-level call that opens a session (a binding or Durable Object call):
    /// the arguments are checked before anything else happens, so a refused value opens
    /// nothing, then the call is announced.
    func announceSessionCall(
        caller: ContextState, calleeWorker: String, label: String, path: [String], args: [RpcValue]?
    ) throws -> (CallID, SessionID) {
        var size = 0
        for (i, arg) in (args ?? []).enumerated() { try validate(arg, path: "args[\(i)]", holder: caller, size: &size) }
        let call = nextCallID()
        let sessionID = nextSessionID()
        emit(.callStarted(CallStarted(
            call: call, parent: CurrentContext.frame?.call, callerCtx: caller.id, callerWorker: caller.worker,
            calleeWorker: calleeWorker, target: label, path: path, arguments: args, pipelinedOn: nil, session: sessionID)))
        return (call, sessionID)
    }

    /// A session from `caller` to `callee` whose main export (id 0) is `main`, held by the
    /// caller until the call that opened it is done.
    func openSession(_ id: SessionID, call: CallID, caller: ContextState, callee: ContextState, main: TargetState) -> SessionState {
        let session = SessionState(id: id, openedBy: call)
        let callerSide = SessionSide(session: session, ctx: caller, isCaller: true)
        let calleeSide = SessionSide(session: session, ctx: callee, isCaller: false)
        callerSide.peer = calleeSide
        calleeSide.peer = callerSide
        session.caller = callerSide
        session.callee = calleeSide
        calleeSide.exports[0] = ExportEntry(.target(main))
        callerSide.imports[0] = ImportEntry(localRefs: 1, remoteRefs: 1)
        caller.opened.append(session)
        return session
    }

    /// Sends the opening call of a new session on its main import; a failed send releases it.
    func sendOnNewSession(_ session: SessionState, path: [String], args: [RpcValue]?, label: String, call: CallID)
        throws -> (SentPush, SessionSide)
    {
        guard let callerSide = session.caller else { throw RpcError.error(RpcError.Message.contextGone) }
        do {
            let sent = try send(on: callerSide, to: 0, path: path, args: args, label: label, pipelinedOn: nil, call: call)
            return (sent, callerSide)
        } catch {
            releaseImport(callerSide, 0, count: 1)
            throw error
        }
    }

    /// Sends a push (`["push", ["pipeline", importId, path, args]]`): serializes the arguments
    /// into the peer's context and registers the result slot on both sides.
    func send(
        on side: SessionSide, to importId: Int, path: [String], args: [RpcValue]?, label: String,
        pipelinedOn: CallID?, call preallocated: CallID? = nil
    ) throws -> SentPush {
        let call = preallocated ?? nextCallID()
        let started = clock.now
        let peer = side.peer
        if preallocated == nil {
            emit(.callStarted(CallStarted(
                call: call, parent: CurrentContext.frame?.call, callerCtx: side.ctx.id, callerWorker: side.ctx.worker,
                calleeWorker: peer?.ctx.worker ?? "?", target: label, path: path, arguments: args,
                pipelinedOn: pipelinedOn, session: side.session.id)))
        }
        do {
            guard let peer, !side.session.ended, peer.ctx.isAlive else {
                throw RpcError.error(RpcError.Message.contextGone)
            }
            let transferred = try transfer(args ?? [], from: side, to: peer, isResult: false, createdBy: call)
            let pushId = side.nextPush
            side.nextPush += 1
            side.imports[pushId] = ImportEntry(localRefs: 1, remoteRefs: 1)
            let result = ResultState(home: peer.ctx, call: call)
            let targetBody = peer.exports[importId]?.body
            peer.exports[pushId] = ExportEntry(.result(result))
            if log.isEnabled {
                // ["push",["pipeline",importId,[path...],[[args...]]]], built in one buffer whose
                // storage is reserved once: appending to the literal would reallocate as it grows.
                var text = String()
                text.reserveCapacity(64)
                text += "[\"push\",[\"pipeline\","
                text += String(importId)
                text += ",["
                for (i, segment) in path.enumerated() {
                    if i > 0 { text += "," }
                    text += RpcValue.quote(segment)
                }
                text += "]"
                if args != nil {
                    text += ",[["
                    writeWireList(transferred.values, into: &text)
                    text += "]]"
                }
                text += "]]"
                emit(.message(session: side.session.id, from: side.ctx.worker, to: peer.ctx.worker, text: text))
                emit(.message(session: side.session.id, from: side.ctx.worker, to: peer.ctx.worker, text: "[\"pull\"," + String(pushId) + "]"))
            }
            if !rules.paramsDupStubs {
                for stub in transferred.sentStubs { dispose(stub, reason: .transferred, by: "\(call)") }
            }
            pendingCallCount += 1
            return SentPush(side: side, pushId: pushId, call: call, started: started, targetBody: targetBody,
                            calleeCtx: peer.ctx, path: path, args: args == nil ? nil : transferred.values,
                            paramStubs: transferred.created, result: result)
        } catch {
            let e = RpcError.from(error)
            emit(.callThrew(call: call, error: e, durationMs: 0))
            throw e
        }
    }

    /// Delivers a sent push to its target, waits for the result, and brings the result back.
    func complete(_ sent: SentPush, inline: Bool) async throws -> RpcValue {
        if inline && sent.side.undelivered > 0 {
            await withCheckedContinuation { sent.side.deliveryWaiters.append($0) }
        }
        defer { pendingCallCount -= 1 }
        var outcome: Result<RpcValue, RpcError>
        // A call a Durable Object makes waits for its confirmed writes (the output gate), and
        // the object's code resumes through its input gate (§8.5).
        let callerObject = hostedObject(sent.side.ctx)
        do {
            if let callerObject { try await holdForConfirmedWrites(callerObject, call: sent.call, outgoing: true) }
            outcome = .success(try await deliver(sent))
        } catch {
            outcome = .failure(crossError(error))
        }
        if let callerObject { try? await admit(callerObject, call: nil) }
        // Parameter stubs are disposed once the method has settled and its result has been
        // serialized, so a method may return a stub it received (workerd's callImpl order).
        defer {
            for stub in sent.paramStubs where stub.disposed == nil {
                dispose(stub, reason: .paramsAfterCall, by: "\(sent.call)")
            }
        }
        let side = sent.side
        let from = sent.calleeCtx.worker
        var created: [StubState] = []
        if case .success(let value) = outcome {
            sent.result.state = .resolved(value)
            wake(sent.result)
            if let peer = side.peer, !side.session.ended {
                do {
                    let back = try transfer([value], from: peer, to: side, isResult: true, createdBy: sent.call)
                    var result = back.values[0]
                    sent.result.returnedStubs = back.sentStubs
                    created = back.created
                    if let disposer = back.disposer {
                        sent.result.disposer = disposer
                        if case .object(var object) = result {
                            object.heldResult = sent.call
                            result = .object(object)
                        }
                        heldResults[sent.call] = (side, sent.pushId)
                        side.ctx.heldResults.append(sent.call)
                    }
                    if log.isEnabled {
                        var text = "[\"resolve\","
                        text += String(sent.pushId)
                        text += ","
                        writeWire(result, into: &text)
                        text += "]"
                        emit(.message(session: side.session.id, from: from, to: side.ctx.worker, text: text))
                    }
                    emit(.callReturned(call: sent.call, result: result, durationMs: clock.now - sent.started))
                    if back.disposer == nil { releaseImport(side, sent.pushId, count: 1) }
                    if let promise = sent.promise { settlePromise(promise, .success(result), created: created) }
                    return result
                } catch {
                    var e = RpcError.from(error)
                    e.remote = true
                    outcome = .failure(e)
                }
            } else {
                outcome = .failure(RpcError(message: RpcError.Message.contextGone, remote: true))
            }
        }
        guard case .failure(let error) = outcome else { preconditionFailure("outcome settled above") }
        if case .pending = sent.result.state {
            sent.result.state = .rejected(error)
            wake(sent.result)
        }
        emit(.message(session: side.session.id, from: from, to: side.ctx.worker,
                      text: "[\"reject\",\(sent.pushId),[\"error\",\(RpcValue.quote(error.name)),\(RpcValue.quote(error.message))]]"))
        emit(.callThrew(call: sent.call, error: error, durationMs: clock.now - sent.started))
        releaseImport(side, sent.pushId, count: 1)
        if let promise = sent.promise { settlePromise(promise, .failure(error), created: []) }
        throw error
    }

    func wake(_ result: ResultState) {
        let waiters = result.waiters
        result.waiters.removeAll()
        for w in waiters { w.resume() }
    }

    /// Delivers a push to its target in the callee's context (`deliver` first routes pushes into
    /// a Durable Object through its gates).
    func deliverToTarget(_ sent: SentPush) async throws -> RpcValue {
        guard let body = sent.targetBody, sent.calleeCtx.isAlive else {
            throw sent.calleeCtx.abortReason ?? RpcError.error(RpcError.Message.contextGone)
        }
        switch body {
        case .target(let target):
            return try await evaluate(target, path: sent.path, args: sent.args, call: sent.call)
        case .forward(let hook):
            let frame = CurrentContext.Frame(ctx: sent.calleeCtx.handle, call: sent.call)
            return try await CurrentContext.$frame.withValue(frame) {
                try await callThrough(hook, holder: sent.calleeCtx, label: "forwarded", path: sent.path, args: sent.args, pipelinedOn: nil)
            }
        case .result(let result):
            if case .pending = result.state {
                await withCheckedContinuation { result.waiters.append($0) }
            }
            switch result.state {
            case .resolved(let value):
                let frame = CurrentContext.Frame(ctx: result.home.handle, call: sent.call)
                return try await CurrentContext.$frame.withValue(frame) {
                    try await evaluateValue(value, path: sent.path, fullPath: sent.path, args: sent.args, reserved: Runtime.transientReserved)
                }
            case .rejected(let error):
                throw error
            case .pending:
                throw RpcError.error(RpcError.Message.hung)
            }
        }
    }

    /// Pipelining on a caller-side promise (§5.1, §5.4).
    func callOnPromise(_ stub: StubState, _ promise: PromiseState, path: [String], args: [RpcValue]?) async throws -> RpcValue {
        if case .pending = promise.state {
            if let side = promise.side, side.imports[promise.pushId] != nil {
                let sent = try send(on: side, to: promise.pushId, path: path, args: args, label: "\(stub.id)", pipelinedOn: promise.call)
                return try await complete(sent, inline: true)
            }
            await withCheckedContinuation { promise.waiters.append($0) }
        }
        switch promise.state {
        case .resolved(let value):
            return try await callOnValue(value, holder: stub.holder, path: path, args: args)
        case .rejected(let error):
            throw error
        case .pending:
            throw RpcError.error(RpcError.Message.hung)
        }
    }

    /// A call on a settled result held by the caller (§5.4): through the stub it is, or
    /// through the plain object's fields.
    func callOnValue(_ value: RpcValue, holder: ContextState, path: [String], args: [RpcValue]?) async throws -> RpcValue {
        guard value.isObject else { throw RpcError.typeError(RpcError.Message.cannotPipelineNonObject) }
        var current = value
        for (i, segment) in path.enumerated() {
            switch current {
            case .stub(let s):
                let stub = try liveStub(s.id)
                return try await callThrough(stub.hook, holder: holder, label: "\(s.id)", path: Array(path[i...]), args: args, pipelinedOn: nil)
            case .object(let object):
                guard let next = object[segment] else { throw RpcError.typeError(RpcError.Message.notImplemented(segment)) }
                current = next
            default:
                throw RpcError.typeError(RpcError.Message.notImplemented(segment))
            }
        }
        guard let args else { return current }
        guard case .stub(let s) = current else { throw RpcError.typeError(RpcError.Message.notAFunction(path)) }
        let stub = try liveStub(s.id)
        return try await callThrough(stub.hook, holder: holder, label: "\(s.id)", path: [], args: args, pipelinedOn: nil)
    }

    /// What the caller sees of an error raised on the callee's side (§7.2).
    func crossError(_ error: any Error) -> RpcError {
        var e = RpcError.from(error)
        e.remote = true
        if !rules.enhancedErrors {
            e.properties = RpcObject()
            if !Runtime.builtinErrorNames.contains(e.name) {
                e.message = "\(e.name): \(e.message)"
                e.name = "Error"
            }
        }
        return e
    }
}
