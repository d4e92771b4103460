import Foundation
import GRDB

/// Durable Objects (§8): namespaces, stubs, instances, the input and output gates, critical
/// sections, storage and breaking.
///
/// How a call reaches an object: a call through a Durable Object stub opens a session from the
/// caller's context into the object's one long-lived context (`sendToObject`), exactly like a
/// call on a service binding, except that the object and its context are kept when the session
/// ends. Every delivery into that context (the top-level call, calls on targets it returned,
/// callbacks into it) goes through `deliverToObject`: the input gate admits it, it runs as its
/// own task (so that breaking the object can reject it at once), and the output gate holds its
/// result until the writes it made are confirmed.
extension Runtime {
    // MARK: configuration

    /// Checks every worker's `durable_objects.bindings` and builds the namespaces: an unknown
    /// script, a script without a module, a class its module does not export, or an export that
    /// is not a Durable Object class is a `ConfigurationError`, as for services.
    static func makeDurableObjectRegistry(
        _ config: RuntimeConfiguration, _ modules: [String: WorkerModule], _ workers: [String: WorkerConfig], stateDirectory: URL?
    ) throws -> DurableObjectRegistry {
        let registry = DurableObjectRegistry(stateDirectory: stateDirectory)
        for worker in config.workers {
            var seen = Set(worker.services.map(\.binding))
            for binding in worker.durableObjects {
                guard seen.insert(binding.name).inserted else {
                    throw ConfigurationError("Worker \"\(worker.name)\": duplicate binding \"\(binding.name)\".")
                }
                let script = binding.scriptName ?? worker.name
                let prefix = "Worker \"\(worker.name)\": Durable Object binding \"\(binding.name)\""
                guard let scriptConfig = workers[script] else {
                    throw ConfigurationError(
                        "\(prefix) names script \"\(script)\", which is not declared. Declared workers: \(config.workers.map(\.name).joined(separator: ", ")).")
                }
                guard let main = scriptConfig.main, let module = modules[main] else {
                    throw ConfigurationError("\(prefix): worker \"\(script)\" has no module (main) to export class \"\(binding.className)\".")
                }
                guard let export = module.export(named: binding.className) else {
                    throw ConfigurationError(
                        "\(prefix): module \"\(main)\" has no class named \"\(binding.className)\". Its exports: \(module.exports.map(\.name).joined(separator: ", ")).")
                }
                guard export.kind == .durableObject else {
                    throw ConfigurationError("\(prefix): \"\(binding.className)\" of module \"\(main)\" is not a Durable Object class.")
                }
                let key = DurableObjectNamespaceKey(script: script, className: binding.className)
                if registry.namespaces[key] == nil { registry.namespaces[key] = NamespaceState(key: key, export: export) }
                registry.bindings[worker.name, default: [:]][binding.name] = key
            }
        }
        return registry
    }

    // MARK: namespaces and stubs

    func durableObjectNamespace(worker: String, binding: String) -> NamespaceState? {
        durableObjects.bindings[worker]?[binding].flatMap { durableObjects.namespaces[$0] }
    }

    /// A call on a namespace binding (`env.NS.idFromName("a")`): handled here, no session.
    func namespaceCall(_ ns: NamespaceState, worker: String, binding: String, path: [String], args: [RpcValue]?) throws -> RpcValue {
        guard let method = path.first else { throw RpcError.typeError("env.\(binding) is not a function") }
        guard path.count == 1 else { throw RpcError.typeError(RpcError.Message.notImplemented(path[1])) }
        guard let args else {
            // Reading a method (`env.NS.get`) gives a function that performs it.
            guard Runtime.namespaceMethods.contains(method) else { return .undefined }
            return .function(RpcFunction(name: method) { [self] args in
                try self.onLoop { try $0.namespaceCall(worker: worker, binding: binding, method: method, args: args) }
            })
        }
        return try namespaceCall(worker: worker, binding: binding, method: method, args: args)
    }

    static let namespaceMethods: Set<String> = ["idFromName", "newUniqueId", "idFromString", "get", "getByName", "jurisdiction"]

    /// `idFromName`, `newUniqueId`, `idFromString`, `get`, `getByName` (§8.1). Ids travel as
    /// their hex strings; `get` and `getByName` return a Durable Object stub held by the
    /// current context.
    func namespaceCall(worker: String, binding: String, method: String, args: [RpcValue]) throws -> RpcValue {
        guard let ns = durableObjectNamespace(worker: worker, binding: binding) else {
            throw RpcError.typeError("Cannot read properties of undefined (reading '\(method)')")
        }
        func name() throws -> String {
            guard case .string(let name)? = args.first else {
                throw RpcError.typeError("Failed to execute '\(method)' on 'DurableObjectNamespace': parameter 1 is not of type 'string'.")
            }
            return name
        }
        switch method {
        case "idFromName":
            return .string(namedId(ns, try name()).hex)
        case "newUniqueId":
            var bytes: [UInt8] = []
            for _ in 0..<2 {
                let word = random.next()
                for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
            }
            return .string(ns.ids.uniqueId(random: bytes).hex)
        case "idFromString":
            guard case .string(let text)? = args.first else { throw RpcError.typeError(RpcError.Message.invalidDurableObjectId) }
            return .string(try ns.ids.idFromString(text).hex)
        case "get":
            guard case .string(let text)? = args.first else { throw RpcError.typeError(RpcError.Message.notADurableObjectId) }
            let id = try ns.ids.idFromString(text)
            return .stub(try makeDurableObjectStub(ns, id, holder: currentContextState()))
        case "getByName":
            return .stub(try makeDurableObjectStub(ns, namedId(ns, try name()), holder: currentContextState()))
        case "jurisdiction":
            throw RpcError.error("Jurisdiction restrictions are not implemented in workerd.")
        default:
            throw RpcError.typeError("env.\(binding).\(method) is not a function")
        }
    }

    private func namedId(_ ns: NamespaceState, _ name: String) -> DurableObjectId {
        let id = ns.ids.idFromName(name)
        durableObjects.names[ObjectAddress(namespace: ns.key, hex: id.hex)] = name
        return id
    }

    func objectLabel(_ ns: NamespaceState, _ id: DurableObjectId) -> String {
        let name = id.name ?? durableObjects.names[ObjectAddress(namespace: ns.key, hex: id.hex)]
        return "do:\(ns.className)/" + (name ?? String(id.hex.prefix(12)))
    }

    func makeDurableObjectStub(_ ns: NamespaceState, _ id: DurableObjectId, holder: ContextState, createdBy: CallID? = nil) -> Stub {
        let name = id.name ?? durableObjects.names[ObjectAddress(namespace: ns.key, hex: id.hex)]
        let handle = DurableObjectHandle(namespace: ns.key, id: DurableObjectId(hex: id.hex, name: name))
        let stub = makeStub(holder: holder, kind: .durableObject, hook: .durableObject(handle),
                            createdBy: createdBy ?? CurrentContext.frame?.call, dupOf: nil, label: objectLabel(ns, id),
                            targetWorker: ns.script)
        return Stub(runtime: self, id: stub.id, kind: .durableObject)
    }

    /// A Durable Object stub sent over RPC: the receiver gets its own stub to the same object
    /// (a token, §3.1); the sender's stays usable.
    func copyDurableObjectStub(_ handle: DurableObjectHandle, to holder: ContextState, createdBy: CallID) -> StubState {
        let ns = durableObjects.namespaces[handle.namespace]!
        let copy = DurableObjectHandle(namespace: handle.namespace, id: handle.id)
        return makeStub(holder: holder, kind: .durableObject, hook: .durableObject(copy), createdBy: createdBy, dupOf: nil,
                        label: objectLabel(ns, handle.id), targetWorker: ns.script)
    }

    func durableObjectId(ofStub id: StubID) -> DurableObjectId? {
        guard let stub = stubs[id], case .durableObject(let handle) = stub.hook else { return nil }
        return DurableObjectId(hex: handle.id.hex, name: handle.id.name ?? durableObjects.names[ObjectAddress(namespace: handle.namespace, hex: handle.id.hex)])
    }

    // MARK: calls

    /// An awaited call through a Durable Object stub.
    func callDurableObject(_ handle: DurableObjectHandle, caller: ContextState, label: String, path: [String], args: [RpcValue]?) async throws -> RpcValue {
        if handle.undelivered > 0 {
            await withCheckedContinuation { handle.deliveryWaiters.append($0) }
        }
        let (sent, main) = try sendToObject(handle, caller: caller, label: label, path: path, args: args)
        defer { releaseImport(main, 0, count: 1) }
        return try await complete(sent, inline: true)
    }

    /// Opens a session from `caller` into the object (creating the object on its first call)
    /// and sends the push. A stub whose object broke rejects with the reason (§8.5).
    func sendToObject(_ handle: DurableObjectHandle, caller callerCtx: ContextState, label: String, path: [String], args: [RpcValue]?)
        throws -> (SentPush, SessionSide)
    {
        guard let ns = durableObjects.namespaces[handle.namespace] else { throw RpcError.error("Unknown Durable Object namespace.") }
        var size = 0
        for (i, arg) in (args ?? []).enumerated() { try validate(arg, path: "args[\(i)]", holder: callerCtx, size: &size) }
        let call = nextCallID()
        let sessionID = nextSessionID()
        emit(.callStarted(CallStarted(
            call: call, parent: CurrentContext.frame?.call, callerCtx: callerCtx.id, callerWorker: callerCtx.worker,
            calleeWorker: ns.script, target: label, path: path, arguments: args, pipelinedOn: nil, session: sessionID)))
        if let bound = handle.bound, bound.evicted { handle.bound = nil }
        let object: ObjectState
        do {
            if let bound = handle.bound, let reason = bound.broken {
                var e = reason
                e.remote = true
                throw e
            }
            object = try handle.bound ?? liveObject(ns, handle.id, openedBy: call)
        } catch {
            let e = RpcError.from(error)
            emit(.callThrew(call: call, error: e, durationMs: 0))
            throw e
        }
        handle.bound = object
        let body: TargetState.Body = object.receiver.map { .receiver($0, entrypoint: true) } ?? .value(.undefined)
        let target = TargetState(home: object.ctx, body: body, label: ns.className)
        let session = SessionState(id: sessionID, openedBy: call)
        let callerSide = SessionSide(session: session, ctx: callerCtx, isCaller: true)
        let calleeSide = SessionSide(session: session, ctx: object.ctx, isCaller: false)
        callerSide.peer = calleeSide
        calleeSide.peer = callerSide
        session.caller = callerSide
        session.callee = calleeSide
        calleeSide.exports[0] = ExportEntry(.target(target))
        callerSide.imports[0] = ImportEntry(localRefs: 1, remoteRefs: 1)
        callerCtx.opened.append(session)
        object.sessions.removeAll { $0.ended }
        object.sessions.append(session)
        do {
            let sent = try send(on: callerSide, to: 0, path: path, args: args, label: label, pipelinedOn: nil, call: call)
            return (sent, callerSide)
        } catch {
            releaseImport(callerSide, 0, count: 1)
            throw error
        }
    }

    /// The live instance of an object, created (with its context) if there is none.
    func liveObject(_ ns: NamespaceState, _ id: DurableObjectId, openedBy call: CallID) throws -> ObjectState {
        let address = ObjectAddress(namespace: ns.key, hex: id.hex)
        if let object = durableObjects.live[address] { return object }
        let database = try openDatabase(ns, address)
        let fullId = DurableObjectId(hex: id.hex, name: id.name ?? durableObjects.names[address])
        let ctx = newContext(worker: ns.script, entrypoint: ns.className, kind: .durableObject, props: .object(RpcObject()), openedBy: call)
        durableObjects.lastSerial += 1
        let object = ObjectState(serial: durableObjects.lastSerial, namespace: ns, id: fullId, label: objectLabel(ns, fullId),
                                 ctx: ctx, database: database)
        object.confirmedBatch = database.batchNumber
        durableObjects.live[address] = object
        durableObjects.byContext[ctx.id] = object
        emitObject(object, .created)
        if let make = ns.export.makeDurableObject {
            let state = DurableObjectState(runtime: self, object: object)
            let env = ctx.env
            object.receiver = CurrentContext.$frame.withValue(CurrentContext.Frame(ctx: ctx.handle, call: call)) { make(state, env) }
        }
        return object
    }

    /// The object's database: in memory, or `<state>/do/<script>-<Class>/<id>.sqlite`.
    func openDatabase(_ ns: NamespaceState, _ address: ObjectAddress) throws -> ObjectDatabase {
        if let database = durableObjects.databases[address] { return database }
        var path: String?
        if let directory = durableObjects.stateDirectory {
            let safe = String("\(ns.script)-\(ns.className)".map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
            let folder = directory.appendingPathComponent("do").appendingPathComponent(safe)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw RpcError.error("Cannot create the Durable Object state folder \(folder.path): \(error.localizedDescription)")
            }
            path = folder.appendingPathComponent("\(address.hex).sqlite").path
        }
        do {
            let database = try ObjectDatabase(path: path)
            durableObjects.databases[address] = database
            return database
        } catch {
            throw RpcError.error("Cannot open Durable Object storage\(path.map { " at \($0)" } ?? ""): \(error)")
        }
    }

    // MARK: delivery

    /// Delivers a push to its target. A target in a Durable Object's context (the object, an
    /// `RpcTarget` or function it handed out, a result it holds) is reached through the input
    /// gate, as a task of its own, and its result through the output gate; a stub the object
    /// merely forwards is not an event for the object.
    func deliver(_ sent: SentPush) async throws -> RpcValue {
        if sent.calleeCtx.kind == .durableObject, let object = durableObjects.byContext[sent.calleeCtx.id] {
            if case .forward? = sent.targetBody {} else {
                return try await deliverToObject(object, sent)
            }
        }
        return try await deliverToTarget(sent)
    }

    func deliverToObject(_ object: ObjectState, _ sent: SentPush) async throws -> RpcValue {
        if let reason = object.broken { throw reason }
        switch await runDelivery(object, sent) {
        case .broken(let reason):
            throw reason
        case .value(let value):
            try await holdForConfirmedWrites(object, call: sent.call, outgoing: false)
            return value
        case .threw(var error):
            // Errors thrown by the object carry its id (§7.2); break reasons do not.
            error.durableObjectId = object.id.hex
            try await holdForConfirmedWrites(object, call: sent.call, outgoing: false)
            throw error
        }
    }

    /// Runs the delivery as its own task on the loop: it passes the input gate, then runs the
    /// method. The gate is checked by that task itself, in the job that goes on to run the
    /// method's synchronous part (as a JavaScript event runs to its first await), so a call
    /// that arrives next sees the gate as that part left it. Being its own task, the delivery
    /// can be abandoned: breaking the object rejects the caller at once while the method's
    /// code is still suspended somewhere (§6.5).
    private func runDelivery(_ object: ObjectState, _ sent: SentPush) async -> DeliveryOutcome {
        let token = object.nextDelivery
        object.nextDelivery += 1
        let bound = LoopBound((object, sent))
        return await withCheckedContinuation { (continuation: CheckedContinuation<DeliveryOutcome, Never>) in
            object.inFlight[token] = InFlightDelivery(continuation: continuation, task: nil)
            object.inFlight[token]?.task = Task(executorPreference: loop) {
                let outcome: DeliveryOutcome
                do {
                    try await self.admit(bound.value.0, call: bound.value.1.call)
                    outcome = .value(try await self.invokeInObject(bound.value.0, bound.value.1))
                } catch {
                    outcome = .threw(RpcError.from(error))
                }
                await self.deliveryFinished(bound.value.0, token, outcome)
            }
        }
    }

    private func invokeInObject(_ object: ObjectState, _ sent: SentPush) async throws -> RpcValue {
        if case .target? = sent.targetBody, !object.namespace.export.extendsDurableObject {
            throw RpcError.typeError(RpcError.Message.durableObjectWithoutRpc)
        }
        return try await deliverToTarget(sent)
    }

    private func deliveryFinished(_ object: ObjectState, _ token: Int, _ outcome: DeliveryOutcome) {
        guard let delivery = object.inFlight.removeValue(forKey: token) else { return }
        delivery.continuation.resume(returning: outcome)
    }

    // MARK: input gate

    /// Waits until the object may take this delivery (or let this code resume): no storage
    /// read is being awaited, and no critical section is running that the caller does not
    /// descend from (§8.5). Waiters go in arrival order. Throws the reason if the object breaks.
    func admit(_ object: ObjectState, call: CallID?) async throws {
        let sections = DurableObjectTaskLocals.sections
        if let reason = object.broken { throw reason }
        if object.canAdmit(sections) && ((object.gateQueue.isEmpty && object.gateResumed == 0) || object.isExempt(sections)) {
            return
        }
        if let call { emitObject(object, .callHeld(call: call)) }
        let seq = object.nextGateSeq
        object.nextGateSeq += 1
        while true {
            await withCheckedContinuation { object.enqueue(GateWaiter(seq: seq, sections: sections, continuation: $0)) }
            object.gateResumed -= 1
            if let reason = object.broken { throw reason }
            if object.canAdmit(sections) { break }
        }
        if let call { emitObject(object, .callAdmitted(call: call)) }
        pumpGate(object)
    }

    /// Code of the object resuming after an await on something other than its storage (an
    /// RPC, a sleep) waits at the gate like a new event.
    func reenter(_ object: LoopBound<ObjectState>) async throws {
        try await admit(object.value, call: nil)
    }

    /// Lets the first waiter that may enter look at the gate again (one at a time: it passes
    /// the turn on once admitted).
    func pumpGate(_ object: ObjectState) {
        guard object.gateResumed == 0, object.broken == nil,
              let i = object.gateQueue.firstIndex(where: { object.canAdmit($0.sections) })
        else { return }
        let waiter = object.gateQueue.remove(at: i)
        object.gateResumed += 1
        waiter.continuation.resume()
    }

    func checkUsable(_ object: ObjectState) throws {
        if let reason = object.broken { throw reason }
    }

    func beginStorageRead(_ object: ObjectState, _ op: DurableObjectEvent.StorageOperation) throws {
        try checkUsable(object)
        object.storageLocks += 1
        if object.storageLocks == 1 { emitObject(object, .inputGateClosed(reason: "storage \(op.rawValue)")) }
    }

    func endStorageRead(_ object: ObjectState) {
        object.storageLocks -= 1
        guard object.storageLocks == 0, object.broken == nil else { return }
        emitObject(object, .inputGateOpened)
        pumpGate(object)
    }

    /// Suspends the calling task once: it resumes after the jobs already queued on the loop.
    nonisolated func suspendOnce() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Task(executorPreference: loop) { continuation.resume() }
        }
    }

    // MARK: critical sections

    func beginSection(_ object: ObjectState, label: String) throws -> Int {
        try checkUsable(object)
        durableObjects.lastSection += 1
        let id = durableObjects.lastSection
        object.sections.append(CriticalSection(id: id, label: label))
        emitObject(object, .blockConcurrencyBegan(section: id, label: label))
        return id
    }

    func endSection(_ object: ObjectState, _ id: Int, error: RpcError?) {
        guard let i = object.sections.firstIndex(where: { $0.id == id }) else { return }
        let section = object.sections.remove(at: i)
        emitObject(object, .blockConcurrencyEnded(section: id, label: section.label, error: error))
        pumpGate(object)
    }

    // MARK: storage and the output gate

    func performStorageRead<T>(_ object: ObjectState, _ body: (ObjectDatabase) throws -> T) throws -> T {
        try checkUsable(object)
        return try body(object.database)
    }

    /// A write joins the open batch (opening one, and scheduling its commit, if needed).
    func performStorageWrite<R>(
        _ object: ObjectState, _ body: (ObjectDatabase) throws -> (writes: Int, suffix: String, result: R)
    ) throws -> (writes: Int, suffix: String, result: R) {
        try checkUsable(object)
        if try object.database.beginBatchIfNeeded() { scheduleFlush(object) }
        let outcome = try body(object.database)
        object.database.noteWrites(outcome.writes)
        return outcome
    }

    func performSql(_ object: ObjectState, _ query: String, _ bindings: [DatabaseValue]) throws -> SqlCursor {
        try checkUsable(object)
        var began = false
        // The batch's commit is scheduled even when a later statement fails.
        defer { if began { scheduleFlush(object) } }
        let cursor = try object.database.exec(query, bindings) { db in
            if try object.database.beginBatchIfNeeded(in: db) { began = true }
        }
        if cursor.wrote { object.database.noteWrites(max(cursor.rowsWritten, 1)) }
        return cursor
    }

    func storageEvent(_ object: ObjectState, _ op: DurableObjectEvent.StorageOperation, _ detail: String) {
        emitObject(object, .storage(op: op, detail: detail))
    }

    func beginTransaction(_ object: ObjectState, savepoint: String) throws {
        try checkUsable(object)
        // Writes made before the transaction are confirmed first, so that what the output gate
        // waits for is never held up by the transaction (whose writes join the next batch).
        if object.transactionDepth == 0, let batch = commitBatch(object) {
            let bound = LoopBound(object)
            Task(executorPreference: loop) {
                await self.suspendOnce()
                await self.confirm(bound.value, through: batch)
            }
        }
        try checkUsable(object)
        try object.database.beginBatchIfNeeded()
        try object.database.savepoint(savepoint)
        object.transactionDepth += 1
    }

    func endTransaction(_ object: ObjectState, savepoint: String, commit: Bool) throws {
        guard object.broken == nil, object.transactionDepth > 0 else { return }
        object.transactionDepth -= 1
        defer {
            if object.transactionDepth == 0 {
                object.flushDeferred = false
                scheduleFlush(object)
            }
        }
        if commit {
            try object.database.release(savepoint)
        } else {
            try object.database.rollback(to: savepoint)
            storageEvent(object, .rollback, "transaction rolled back")
        }
    }

    func scheduleFlush(_ object: ObjectState) {
        guard !object.flushScheduled else { return }
        object.flushScheduled = true
        let bound = LoopBound(object)
        Task(executorPreference: loop) { await self.flush(bound.value) }
    }

    /// The batch's commit, run as a loop job scheduled at its first write: everything written
    /// before it runs (without an await in between) is committed together. The commit is
    /// durable at once; its confirmation arrives one loop turn later (the disk's round trip),
    /// which is when the output gate lets what it held go.
    private func flush(_ object: ObjectState) async {
        object.flushScheduled = false
        guard object.broken == nil, object.database.batchOpen else { return }
        guard object.transactionDepth == 0 else {
            object.flushDeferred = true
            return
        }
        guard let batch = commitBatch(object) else { return }
        await suspendOnce()
        confirm(object, through: batch)
    }

    /// Commits the open batch; returns its number (nil if there was none or the commit failed,
    /// which breaks the object).
    @discardableResult
    func commitBatch(_ object: ObjectState) -> Int? {
        guard object.database.batchOpen else { return nil }
        let writes: Int
        do {
            writes = try object.database.commit()
        } catch {
            breakObject(object, reason: RpcError.error("Durable Object storage failed to commit: \(error)"))
            return nil
        }
        let batch = object.database.batchNumber
        object.unconfirmed.append((batch, writes))
        return batch
    }

    /// Confirms every committed batch up to `batch` and releases what the output gate held.
    func confirm(_ object: ObjectState, through batch: Int) {
        guard object.broken == nil else { return }
        let done = object.unconfirmed.filter { $0.batch <= batch }
        object.unconfirmed.removeAll { $0.batch <= batch }
        object.confirmedBatch = max(object.confirmedBatch, batch)
        for entry in done where entry.writes > 0 {
            emitObject(object, .writesConfirmed(batch: entry.batch, writes: entry.writes))
        }
        let ready = object.outputWaiters.filter { $0.batch <= object.confirmedBatch }
        object.outputWaiters.removeAll { $0.batch <= object.confirmedBatch }
        for waiter in ready { waiter.continuation.resume() }
    }

    /// The output gate (§8.5): a result, or a call the object makes, waits until the writes
    /// made before it are confirmed. Throws the reason if the object breaks meanwhile.
    func holdForConfirmedWrites(_ object: ObjectState, call: CallID, outgoing: Bool) async throws {
        try checkUsable(object)
        // Writes inside an open transaction are not part of any batch yet (they join the
        // next one when it ends), so they hold nothing up.
        let open = object.database.batchOpen && object.transactionDepth == 0
        let batch = open ? object.database.batchNumber + 1 : object.database.batchNumber
        guard batch > object.confirmedBatch else { return }
        if open { scheduleFlush(object) }
        let writes = object.unconfirmed.reduce(0) { $0 + $1.writes } + (open ? object.database.batchWrites : 0)
        emitObject(object, .outputGateHeld(call: call, writes: writes, outgoing: outgoing))
        await withCheckedContinuation { object.outputWaiters.append((batch, $0)) }
        try checkUsable(object)
    }

    // MARK: breaking and shutting down

    /// Breaks the object (§8.5, §6.5): unconfirmed writes are discarded, calls in flight and
    /// waiting reject with `reason`, every session into it is revoked, and its context ends as
    /// aborted. Stubs that reached it reject later calls with `reason`; new stubs reach a fresh
    /// instance. Idempotent.
    func breakObject(_ object: ObjectState, reason: RpcError) {
        guard object.broken == nil else { return }
        var reason = reason
        reason.durableObjectId = nil
        object.broken = reason
        emitObject(object, .broken(reason: reason))
        tearDown(object, reason: reason, contextReason: .aborted)
    }

    /// Shuts every live Durable Object down: its pending writes are committed, its context
    /// ends (its waitUntil tasks are cancelled, as at actor shutdown, §1.7) and the next call
    /// creates a fresh instance on the same storage. With a state directory, database files are
    /// closed. For the end of a run (before a leak check) and for tools.
    public func shutDownDurableObjects() {
        for object in durableObjects.live.values.sorted(by: { $0.serial < $1.serial }) {
            if object.transactionDepth == 0 { commitBatch(object) }
            confirm(object, through: object.database.batchNumber)
            guard object.broken == nil else { continue }
            object.evicted = true
            emitObject(object, .evicted)
            tearDown(object, reason: RpcError.error("The Durable Object was shut down."), contextReason: .cancelled)
        }
        if durableObjects.stateDirectory != nil {
            for database in durableObjects.databases.values { database.close() }
            durableObjects.databases.removeAll()
        }
    }

    private func tearDown(_ object: ObjectState, reason: RpcError, contextReason: ContextEndReason) {
        object.broken = reason
        if durableObjects.live[object.address] === object { durableObjects.live[object.address] = nil }
        durableObjects.byContext[object.ctx.id] = nil
        let discarded = object.database.rollback()
        if discarded > 0 { emitObject(object, .writesRolledBack(writes: discarded)) }
        object.transactionDepth = 0
        object.flushDeferred = false
        object.sections.removeAll()
        let output = object.outputWaiters
        object.outputWaiters.removeAll()
        for waiter in output { waiter.continuation.resume() }
        let waiting = object.gateQueue
        object.gateQueue.removeAll()
        object.gateResumed += waiting.count
        for waiter in waiting { waiter.continuation.resume() }
        for (_, delivery) in object.inFlight.sorted(by: { $0.key < $1.key }) {
            delivery.task?.cancel()
            delivery.continuation.resume(returning: .broken(reason))
        }
        object.inFlight.removeAll()
        for session in object.sessions where !session.ended {
            if let callee = session.callee { dropAllExports(of: callee) }
            closeSession(session)
        }
        object.sessions.removeAll()
        object.ctx.abortReason = reason
        endContext(object.ctx, reason: contextReason)
        for task in object.ctx.tasks.values { task.cancel() }
        object.receiver = nil
    }

    // MARK: events

    func emitObject(_ object: ObjectState, _ kind: DurableObjectEvent.Kind) {
        emit(.durableObject(DurableObjectEvent(
            object: object.label, className: object.namespace.className, worker: object.namespace.script, id: object.id.hex,
            name: object.id.name, ctx: object.ctx.id, kind: kind)))
    }

    /// The Durable Object hosted by `ctx`, if it is one.
    func hostedObject(_ ctx: ContextState) -> ObjectState? {
        ctx.kind == .durableObject ? durableObjects.byContext[ctx.id] : nil
    }
}
