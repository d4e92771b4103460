import RPCEngine

extension InspectorModel {
    /// Folds one event in and returns what undoes it. Events must come in seq order; an event
    /// at or below ``seq`` is ignored (its undo does nothing), so applying a batch twice is
    /// harmless.
    @discardableResult
    public mutating func apply(_ event: Event) -> ModelUndo {
        guard event.seq > seq else { return ModelUndo(seq: seq, time: time, change: .none) }
        let undo = ModelUndo(seq: seq, time: time, change: fold(event))
        seq = event.seq
        time = event.time
        return undo
    }

    /// Takes back the last folded event: `undo` must be what folding it returned.
    public mutating func undo(_ undo: ModelUndo) {
        unfold(undo.change)
        seq = undo.seq
        time = undo.time
    }

    // MARK: - Folding

    private mutating func fold(_ event: Event) -> ModelUndo.Change {
        switch event.payload {
        case .durableObject(let e):
            // Gates and storage are listed in the Events pane; the Workers pane shows each
            // instance (its context) with its label, id and whether it is broken.
            let previous = durableObjects[e.ctx]
            switch e.kind {
            case .created:
                durableObjects[e.ctx] = DurableObjectSummary(label: e.object, id: e.id, broken: nil)
            case .broken(let reason):
                var summary = previous ?? DurableObjectSummary(label: e.object, id: e.id, broken: nil)
                summary.broken = "broken: \(reason)"
                durableObjects[e.ctx] = summary
            default:
                return .none
            }
            return .durableObject(e.ctx, previous: previous)
        case .workerDeclared(let w):
            guard workerIndex[w.name] == nil else { return .none }
            workerIndex[w.name] = workers.count
            workers.append(WorkerRecord(declaration: w, declaredSeq: event.seq))
            return .worker
        case .contextBegan(let e):
            return began(e, event)
        case .contextEnded(let ctx, _, let reason):
            return ended(ctx, reason, event)
        case .callStarted(let e):
            return started(e, event)
        case .callReturned(let call, let result, let ms):
            return settled(call, .returned(result), ms, event)
        case .callThrew(let call, let error, let ms):
            return settled(call, .threw(error), ms, event)
        case .stubCreated(let e):
            return created(e, event)
        case .stubDisposed(let stub, let reason, let by):
            guard let s = stubIndex[stub], stubs[s].disposal == nil else { return .none }
            stubs[s].disposal = StubRecord.Disposal(reason: reason, by: by, seq: event.seq, time: event.time)
            liveStubCount -= 1
            var call: Int?
            if let by, let id = CallID(parsing: by), let c = callIndex[id] {
                calls[c].stubsDisposed.append(stub)
                call = c
            }
            return .stubDisposed(stub: s, call: call)
        case .targetDisposed(_, _, let after):
            guard let after, let s = stubIndex[after] else { return .none }
            let previous = stubs[s].targetDisposedSeq
            stubs[s].targetDisposedSeq = event.seq
            return .targetDisposed(stub: s, previous: previous)
        case .taskAdded(let task, let ctx, let worker, let label):
            guard taskIndex[task] == nil else { return .none }
            taskIndex[task] = tasks.count
            tasks.append(TaskRecord(id: task, ctx: ctx, worker: worker, label: label, addedSeq: event.seq, addedTime: event.time))
            runningTaskCount += 1
            let c = contextIndex[ctx]
            if let c { contexts[c].tasks.append(task) }
            let w = workerPosition(worker)
            if let w { workers[w].runningTasks += 1 }
            return .taskAdded(context: c, worker: w)
        case .taskSettled(let task, _, let outcome):
            guard let i = taskIndex[task], tasks[i].outcome == nil else { return .none }
            tasks[i].outcome = outcome
            tasks[i].settledSeq = event.seq
            tasks[i].settledTime = event.time
            runningTaskCount -= 1
            let w = workerPosition(tasks[i].worker)
            if let w { workers[w].runningTasks -= 1 }
            return .taskSettled(task: i, worker: w)
        case .message(let session, _, _, _):
            sessionMessages[session, default: []].append(event.seq)
            return .message(session)
        case .log(let ctx, _, let level, _):
            let previous = lastLogSeq
            lastLogSeq = event.seq
            let warned = level != .info
            if warned { warningCount += 1 }
            var c: Int?
            if let ctx, let i = contextIndex[ctx] {
                contexts[i].logSeqs.append(event.seq)
                c = i
            }
            return .log(previous: previous, warned: warned, context: c)
        case .step(let text, let line):
            let previous = currentStep
            currentStep = StepMark(seq: event.seq, text: text, line: line)
            stepCount += 1
            return .step(previous: previous)
        }
    }

    private mutating func began(_ e: ContextBegan, _ event: Event) -> ModelUndo.Change {
        guard contextIndex[e.ctx] == nil else { return .none }
        contextIndex[e.ctx] = contexts.count
        contexts.append(ContextRecord(began: e, beganSeq: event.seq, beganTime: event.time))
        let w = workerPosition(e.worker)
        if let w {
            workers[w].contexts.append(e.ctx)
            workers[w].liveContexts.append(e.ctx)
        }
        guard let by = e.openedBy, let c = callIndex[by] else {
            return .contextBegan(worker: w, openedBy: nil, previousOpened: nil, previousCallee: nil)
        }
        let undo = ModelUndo.Change.contextBegan(
            worker: w, openedBy: c, previousOpened: calls[c].openedContext, previousCallee: calls[c].calleeContext)
        calls[c].openedContext = e.ctx
        calls[c].calleeContext = e.ctx
        return undo
    }

    private mutating func ended(_ ctx: ContextID, _ reason: ContextEndReason, _ event: Event) -> ModelUndo.Change {
        guard let c = contextIndex[ctx], contexts[c].end == nil else { return .none }
        contexts[c].end = ContextRecord.End(reason: reason, seq: event.seq, time: event.time)
        let w = workerPosition(contexts[c].worker)
        var position: Int?
        if let w {
            position = workers[w].liveContexts.firstIndex(of: ctx)
            if let position { workers[w].liveContexts.remove(at: position) }
        }
        // Stubs still live whose target lived here can no longer be used (§6.3, §6.5). A
        // promise is not: once settled it keeps its result on the caller's side (§5.4), and a
        // rejected one is broken by its call instead.
        var broken: [Int] = []
        for stub in contexts[c].hostedStubs {
            guard let s = stubIndex[stub], stubs[s].disposal == nil, stubs[s].breakage == nil,
                  stubs[s].created.kind != .promise
            else { continue }
            stubs[s].breakage = .hostEnded(ctx, reason, seq: event.seq)
            broken.append(s)
        }
        return .contextEnded(context: c, worker: w, livePosition: position, broken: broken)
    }

    private mutating func started(_ e: CallStarted, _ event: Event) -> ModelUndo.Change {
        guard callIndex[e.call] == nil else { return .none }
        var record = CallRecord(started: e, startSeq: event.seq, startTime: event.time)
        if let stub = StubID(parsing: e.target), let s = stubIndex[stub] {
            record.calleeContext = stubs[s].hostContext
        }
        callIndex[e.call] = calls.count
        var parentIndex: Int?
        var ancestors: [Int] = []
        var rootSlot: Int?
        if let parent = e.parent, let p = callIndex[parent] {
            parentIndex = p
            record.root = calls[p].root
            record.depth = calls[p].depth + 1
            calls.append(record)
            calls[p].children.append(e.call)
            var ancestor: CallID? = parent
            while let a = ancestor, let i = callIndex[a] {
                calls[i].descendants += 1
                ancestors.append(i)
                ancestor = calls[i].started.parent
                if a == calls[i].root { break }
            }
            rootSlot = rootPosition[record.root]
            if let rootSlot { rootRows.add(1, at: rootSlot) }
        } else {
            calls.append(record)
            rootPosition[e.call] = rootCalls.count
            rootCalls.append(e.call)
            rootRows.append(1)
        }
        pendingCallCount += 1
        var pipelinedOn: Int?
        if let on = e.pipelinedOn, let p = callIndex[on] {
            calls[p].pipelined.append(e.call)
            pipelinedOn = p
        }
        let caller = contextIndex[e.callerCtx]
        if let caller {
            contexts[caller].callsMade.append(e.call)
            contexts[caller].pendingCalls += 1
        }
        let callee = workerPosition(e.calleeWorker)
        if let callee { workers[callee].pendingCalls += 1 }
        return .callStarted(
            parent: parentIndex, ancestors: ancestors, root: rootSlot, pipelinedOn: pipelinedOn, caller: caller, callee: callee)
    }

    private mutating func settled(_ call: CallID, _ status: CallRecord.Status, _ ms: Int, _ event: Event) -> ModelUndo.Change {
        guard let c = callIndex[call], calls[c].isPending else { return .none }
        calls[c].status = status
        calls[c].durationMs = ms
        calls[c].endSeq = event.seq
        calls[c].endTime = event.time
        pendingCallCount -= 1
        let callee = workerPosition(calls[c].started.calleeWorker)
        if let callee { workers[callee].pendingCalls -= 1 }
        let caller = contextIndex[calls[c].started.callerCtx]
        if let caller { contexts[caller].pendingCalls -= 1 }
        var broken: [Int] = []
        if case .threw = status {
            // The promise of a rejected call is broken: pipelining on it fails the same way (§5.3).
            for stub in promisesByCall[call] ?? [] {
                guard let s = stubIndex[stub], stubs[s].disposal == nil, stubs[s].breakage == nil else { continue }
                stubs[s].breakage = .callThrew(call, seq: event.seq)
                broken.append(s)
            }
        }
        return .callSettled(call: c, broken: broken, callee: callee, caller: caller)
    }

    private mutating func created(_ e: StubCreated, _ event: Event) -> ModelUndo.Change {
        guard stubIndex[e.stub] == nil else { return .none }
        var record = StubRecord(created: e, createdSeq: event.seq, createdTime: event.time)
        record.hostContext = hostContext(of: e)
        stubIndex[e.stub] = stubs.count
        stubs.append(record)
        liveStubCount += 1
        var original: Int?
        if let d = e.dupOf, let i = stubIndex[d] {
            stubs[i].dups.append(e.stub)
            original = i
        }
        var call: Int?
        var promise = false
        if let by = e.createdBy, let c = callIndex[by] {
            calls[c].stubsCreated.append(e.stub)
            call = c
            if e.kind == .promise {
                promisesByCall[by, default: []].append(e.stub)
                promise = true
            }
        }
        let holder = contextIndex[e.holderCtx]
        if let holder { contexts[holder].heldStubs.append(e.stub) }
        var host: Int?
        if let ctx = record.hostContext, let c = contextIndex[ctx] {
            contexts[c].hostedStubs.append(e.stub)
            host = c
        }
        return .stubCreated(original: original, call: call, promise: promise, holder: holder, host: host)
    }

    /// Where a new stub's target lives: a dup's original's host; for a stub created by a call,
    /// the callee's context when the caller holds it (a result), else the caller's context (a
    /// parameter the callee received).
    private func hostContext(of e: StubCreated) -> ContextID? {
        if let d = e.dupOf { return stubIndex[d].flatMap { stubs[$0].hostContext } }
        guard let by = e.createdBy, let c = callIndex[by] else { return nil }
        let call = calls[c]
        return e.holderCtx == call.started.callerCtx ? call.calleeContext : call.started.callerCtx
    }

    // MARK: - Undoing

    private mutating func unfold(_ change: ModelUndo.Change) {
        switch change {
        case .none:
            break
        case .durableObject(let ctx, let previous):
            durableObjects[ctx] = previous
        case .worker:
            let worker = workers.removeLast()
            workerIndex[worker.name] = nil
        case .contextBegan(let w, let openedBy, let previousOpened, let previousCallee):
            let ctx = contexts.removeLast()
            contextIndex[ctx.id] = nil
            if let w {
                workers[w].contexts.removeLast()
                workers[w].liveContexts.removeLast()
            }
            if let c = openedBy {
                calls[c].openedContext = previousOpened
                calls[c].calleeContext = previousCallee
            }
        case .contextEnded(let c, let w, let position, let broken):
            contexts[c].end = nil
            if let w, let position { workers[w].liveContexts.insert(contexts[c].id, at: position) }
            for s in broken { stubs[s].breakage = nil }
        case .callStarted(let parent, let ancestors, let root, let pipelinedOn, let caller, let callee):
            let call = calls.removeLast()
            callIndex[call.id] = nil
            if let parent {
                calls[parent].children.removeLast()
                for a in ancestors { calls[a].descendants -= 1 }
                if let root { rootRows.add(-1, at: root) }
            } else {
                rootCalls.removeLast()
                rootPosition[call.id] = nil
                rootRows.removeLast()
            }
            pendingCallCount -= 1
            if let p = pipelinedOn { calls[p].pipelined.removeLast() }
            if let caller {
                contexts[caller].callsMade.removeLast()
                contexts[caller].pendingCalls -= 1
            }
            if let callee { workers[callee].pendingCalls -= 1 }
        case .callSettled(let c, let broken, let callee, let caller):
            calls[c].status = .pending
            calls[c].durationMs = nil
            calls[c].endSeq = nil
            calls[c].endTime = nil
            pendingCallCount += 1
            if let callee { workers[callee].pendingCalls += 1 }
            if let caller { contexts[caller].pendingCalls += 1 }
            for s in broken { stubs[s].breakage = nil }
        case .stubCreated(let original, let call, let promise, let holder, let host):
            let stub = stubs.removeLast()
            stubIndex[stub.id] = nil
            liveStubCount -= 1
            if let original { stubs[original].dups.removeLast() }
            if let call {
                calls[call].stubsCreated.removeLast()
                if promise, let by = stub.created.createdBy {
                    promisesByCall[by]?.removeLast()
                    if promisesByCall[by]?.isEmpty == true { promisesByCall[by] = nil }
                }
            }
            if let holder { contexts[holder].heldStubs.removeLast() }
            if let host { contexts[host].hostedStubs.removeLast() }
        case .stubDisposed(let s, let call):
            stubs[s].disposal = nil
            liveStubCount += 1
            if let call { calls[call].stubsDisposed.removeLast() }
        case .targetDisposed(let s, let previous):
            stubs[s].targetDisposedSeq = previous
        case .taskAdded(let c, let w):
            let task = tasks.removeLast()
            taskIndex[task.id] = nil
            runningTaskCount -= 1
            if let c { contexts[c].tasks.removeLast() }
            if let w { workers[w].runningTasks -= 1 }
        case .taskSettled(let t, let w):
            tasks[t].outcome = nil
            tasks[t].settledSeq = nil
            tasks[t].settledTime = nil
            runningTaskCount += 1
            if let w { workers[w].runningTasks += 1 }
        case .message(let session):
            sessionMessages[session]?.removeLast()
            if sessionMessages[session]?.isEmpty == true { sessionMessages[session] = nil }
        case .log(let previous, let warned, let c):
            lastLogSeq = previous
            if warned { warningCount -= 1 }
            if let c { contexts[c].logSeqs.removeLast() }
        case .step(let previous):
            currentStep = previous
            stepCount -= 1
        }
    }
}
