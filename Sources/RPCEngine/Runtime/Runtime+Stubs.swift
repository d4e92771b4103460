extension Runtime {
    func makeStub(
        holder: ContextState, kind: StubKind, hook: Hook, createdBy: CallID?, dupOf: StubID?, label: String, targetWorker: String
    ) -> StubState {
        let stub = StubState(id: nextStubID(), holder: holder, kind: kind, hook: hook, createdBy: createdBy, dupOf: dupOf,
                             label: label, targetWorker: targetWorker)
        stubs[stub.id] = stub
        holder.held[stub.id] = stub
        liveStubCount += 1
        emit(.stubCreated(StubCreated(
            stub: stub.id, kind: kind, holderCtx: holder.id, holderWorker: holder.worker, target: label,
            targetWorker: targetWorker, createdBy: createdBy, dupOf: dupOf)))
        return stub
    }

    /// The stub `id`, if it can still be used; otherwise the use-after-dispose error (§4.8),
    /// whose `disposedBy` property says where it was disposed.
    func liveStub(_ id: StubID) throws -> StubState {
        guard let stub = stubs[id] else { throw RpcError.error("Unknown stub \(id).") }
        if let reason = stub.disposed {
            var error = RpcError.error(stub.kind == .promise ? RpcError.Message.promiseUsedAfterDispose : RpcError.Message.usedAfterDispose)
            let place = stub.disposedBy.map { " by \($0)" } ?? ""
            error.properties["disposedBy"] = .string("\(id) was disposed (\(reason.rawValue))\(place)")
            throw error
        }
        return stub
    }

    /// Dups the stub `id` as its holder would (the inspector's `D`).
    public func duplicate(_ id: StubID) throws -> Stub { try dup(id) }

    func dup(_ id: StubID) throws -> Stub {
        let stub = try liveStub(id)
        guard stub.kind != .promise else { throw RpcError.typeError("An RpcPromise has no dup(); await it first.") }
        acquire(stub.hook)
        let copy = makeStub(holder: stub.holder, kind: stub.kind, hook: stub.hook, createdBy: CurrentContext.frame?.call,
                            dupOf: stub.id, label: stub.label, targetWorker: stub.targetWorker)
        return Stub(runtime: self, id: copy.id, kind: copy.kind)
    }

    /// Disposes the stub `id` (idempotent).
    public func dispose(_ id: StubID, reason: DisposeReason, by: String? = nil) {
        guard let stub = stubs[id] else { return }
        dispose(stub, reason: reason, by: by ?? CurrentContext.frame?.call.map { "\($0)" })
    }

    func dispose(_ stub: StubState, reason: DisposeReason, by: String?) {
        guard stub.disposed == nil else { return }
        // A Durable Object stub is not session-scoped: disposing it has no effect; it goes
        // only with its holder's context (§4.2, §8.2).
        if stub.kind == .durableObject && reason != .contextEnded { return }
        stub.disposed = reason
        stub.disposedBy = by
        stub.holder.held[stub.id] = nil
        liveStubCount -= 1
        emit(.stubDisposed(stub: stub.id, reason: reason, by: by))
        if let promise = stub.promise {
            // A promise handle holds no reference of its own: its call does, until it settles.
            if case .pending = promise.state {
                promise.disposeWhenResolved = true
            } else {
                disposePromiseResult(promise)
            }
            return
        }
        release(stub.hook)
    }

    /// Disposes every stub inside `value` and releases a result the callee keeps a disposer for
    /// (`result[Symbol.dispose]()`, §4.7).
    public func disposeValue(_ value: RpcValue, reason: DisposeReason = .resultDisposed, by: String? = nil) {
        switch value {
        case .stub(let s): dispose(s.id, reason: reason, by: by)
        case .promise(let p): dispose(p.id, reason: reason, by: by)
        case .array(let elements), .set(let elements): for e in elements { disposeValue(e, reason: reason, by: by) }
        case .map(let entries):
            for e in entries {
                disposeValue(e.key, reason: reason, by: by)
                disposeValue(e.value, reason: reason, by: by)
            }
        case .object(let object):
            for e in object { disposeValue(e.value, reason: reason, by: by) }
            if let held = object.heldResult { releaseHeldResult(held) }
        case .error(let e): for p in e.properties { disposeValue(p.value, reason: reason, by: by) }
        default: break
        }
    }

    func releaseHeldResult(_ call: CallID) {
        guard let (side, pushId) = heldResults.removeValue(forKey: call) else { return }
        side.ctx.heldResults.removeAll { $0 == call }
        releaseImport(side, pushId, count: 1)
    }

    func acquire(_ hook: Hook) {
        if case .imported(let side, let id) = hook { side.imports[id]?.localRefs += 1 }
    }

    func release(_ hook: Hook) {
        if case .imported(let side, let id) = hook { releaseImport(side, id, count: 1) }
    }

    /// Drops `count` local references to an import; at zero, tells the peer (`release`).
    func releaseImport(_ side: SessionSide, _ id: Int, count: Int) {
        guard var entry = side.imports[id] else { return }
        entry.localRefs -= count
        guard entry.localRefs <= 0 else {
            side.imports[id] = entry
            return
        }
        side.imports[id] = nil
        guard let peer = side.peer, !side.session.ended else { return }
        // Concatenated, not interpolated: `["release",1,1]` fits a small (inline) string, while
        // an interpolation reserves heap storage for its estimated length first (a malloc, a
        // free and a copy for every release of every call).
        emit(.message(session: side.session.id, from: side.ctx.worker, to: peer.ctx.worker,
                      text: "[\"release\"," + String(id) + "," + String(entry.remoteRefs) + "]"))
        releaseExport(peer, id, count: entry.remoteRefs)
    }

    func releaseExport(_ side: SessionSide, _ id: Int, count: Int) {
        guard let entry = side.exports[id] else { return }
        entry.refcount -= count
        guard entry.refcount <= 0 else { return }
        side.exports[id] = nil
        dropExport(entry)
        // A session lives while the caller holds anything the callee exports (§6.1, §6.2).
        if !side.isCaller && side.exports.isEmpty && side.ctx.phase == .running {
            endSession(side.session, reason: .returned)
        }
    }

    func dropExport(_ entry: ExportEntry) {
        switch entry.body {
        case .target(let target):
            if case .receiver(let receiver, entrypoint: false) = target.body, let object = receiver.object as? RpcTarget {
                let bound = LoopBound(object)
                scheduleDispose(target: target, label: receiver.typeName) { try await bound.value.dispose() }
            }
        case .forward(let hook):
            release(hook)
        case .result(let result):
            for stub in result.returnedStubs { dispose(stub, reason: .transferred, by: "\(result.call)") }
            if let disposer = result.disposer {
                scheduleDispose(target: TargetState(home: result.home, body: .value(.undefined), label: "result of \(result.call)"),
                                label: "result of \(result.call)") { _ = try await disposer.box.body([]) }
            }
        }
    }

    /// Runs a dispose callback asynchronously in the target's own context (§4.9); errors are
    /// logged, never propagated.
    func scheduleDispose(target: TargetState, label: String, _ body: nonisolated(nonsending) @escaping @Sendable () async throws -> Void) {
        pendingDisposers += 1
        let worker = target.home.worker
        let ctx = target.home.id
        let frame = CurrentContext.Frame(ctx: target.home.handle, call: nil)
        Task(executorPreference: loop) {
            var failure: RpcError?
            do {
                try await CurrentContext.$frame.withValue(frame) { try await body() }
            } catch {
                failure = RpcError.from(error)
            }
            await self.disposeFinished(label: label, worker: worker, ctx: ctx, failure: failure)
        }
    }

    func disposeFinished(label: String, worker: String, ctx: ContextID, failure: RpcError?) {
        pendingDisposers -= 1
        if let failure {
            emit(.log(ctx: ctx, worker: worker, level: .error, text: "Uncaught \(failure.name): \(failure.message)"))
        }
        emit(.targetDisposed(target: label, worker: worker, afterStub: nil))
    }
}
