import RPCEngine

/// The inspector's picture of a runtime: a fold over its event log.
///
/// `apply(_:)` takes one event and updates only the records it concerns, using indexes kept
/// alongside the arrays, so folding costs the same per event whether the log holds ten events or
/// a million. The model at sequence number N is exactly the fold of events 1...N; ``Timeline``
/// uses that to travel in time.
///
/// Guarantees:
/// * everything comes from events: workers from `workerDeclared`, contexts, calls, stubs and
///   tasks from their own events; a few links the events imply but do not state (the context
///   hosting a stub's target, stubs broken by a rejected call or an ended host) are derived here
///   and documented on the fields that hold them;
/// * events naming unknown ids (a log that starts mid-way) are ignored, never a crash;
/// * records are kept in the order their first event arrived.
public struct InspectorModel: Sendable {
    /// The seq of the last event folded in (0 for the empty model).
    public private(set) var seq = 0
    /// The runtime clock at the last event, in ms.
    public private(set) var time = 0

    /// Workers, in declaration order.
    public private(set) var workers: [WorkerRecord] = []
    /// Execution contexts, in the order they began.
    public private(set) var contexts: [ContextRecord] = []
    /// Calls, in the order they started.
    public private(set) var calls: [CallRecord] = []
    /// Stubs, in the order they were created.
    public private(set) var stubs: [StubRecord] = []
    /// Tasks, in the order they were added.
    public private(set) var tasks: [TaskRecord] = []
    /// Calls without a parent, in the order they started.
    public private(set) var rootCalls: [CallID] = []
    /// The last `step` seen, if any.
    public private(set) var currentStep: StepMark?
    /// How many `step` events were folded.
    public private(set) var stepCount = 0
    /// Stubs that are not disposed.
    public private(set) var liveStubCount = 0
    /// Calls that have not settled.
    public private(set) var pendingCallCount = 0
    /// Tasks that have not settled.
    public private(set) var runningTaskCount = 0
    /// `log` events at level warn or error.
    public private(set) var warningCount = 0
    /// Seqs of the `message` events of each session, in order (the wire view).
    public private(set) var sessionMessages: [SessionID: [Int]] = [:]
    /// The seq of the last `log` event, if any.
    public private(set) var lastLogSeq: Int?

    private var workerIndex: [String: Int] = [:]
    private var contextIndex: [ContextID: Int] = [:]
    private var callIndex: [CallID: Int] = [:]
    private var stubIndex: [StubID: Int] = [:]
    private var taskIndex: [TaskID: Int] = [:]
    /// Rows of the fully expanded call tree per top-level call (the call and its descendants).
    private var rootRows = PrefixSumTree()
    /// The position of each top-level call in ``rootCalls``.
    private var rootPosition: [CallID: Int] = [:]
    /// Promise stubs by the call whose result they stand for (to break them when it throws).
    private var promisesByCall: [CallID: [StubID]] = [:]

    /// The empty model (seq 0).
    public init() {}

    /// The model folded from `events`, in order.
    public init(events: some Sequence<Event>) {
        for event in events { apply(event) }
    }

    /// Roughly how many records the model holds: what copying it costs (used to space snapshots).
    public var recordCount: Int {
        workers.count + contexts.count + calls.count + stubs.count + tasks.count + sessionMessages.count
    }

    // MARK: - Lookup

    /// The worker named `name`.
    public func worker(named name: String) -> WorkerRecord? { workerIndex[name].map { workers[$0] } }
    /// The context `id`.
    public func context(_ id: ContextID) -> ContextRecord? { contextIndex[id].map { contexts[$0] } }
    /// The call `id`.
    public func call(_ id: CallID) -> CallRecord? { callIndex[id].map { calls[$0] } }
    /// The stub `id`.
    public func stub(_ id: StubID) -> StubRecord? { stubIndex[id].map { stubs[$0] } }
    /// The task `id`.
    public func task(_ id: TaskID) -> TaskRecord? { taskIndex[id].map { tasks[$0] } }
    /// The index of call `id` in ``calls``.
    public func index(of id: CallID) -> Int? { callIndex[id] }
    /// The index of stub `id` in ``stubs``.
    public func index(of id: StubID) -> Int? { stubIndex[id] }
    /// The index of task `id` in ``tasks``.
    public func index(of id: TaskID) -> Int? { taskIndex[id] }
    /// The primary worker (the first declared with `isPrimary`, else the first).
    public var primaryWorker: WorkerRecord? { workers.first { $0.declaration.isPrimary } ?? workers.first }

    // MARK: - The call tree as rows

    /// The number of rows of the fully expanded call tree (every call once).
    public var callTreeRowCount: Int { rootRows.total }

    /// The call on row `row` of the fully expanded call tree (preorder: each call, then its
    /// children's subtrees in order). O(log calls + depth × siblings), whatever the log's length.
    public func callTreeRow(_ row: Int) -> CallRecord? {
        guard row >= 0, row < rootRows.total else { return nil }
        let (slot, offset) = rootRows.locate(row)
        guard slot < rootCalls.count, var node = call(rootCalls[slot]) else { return nil }
        var remaining = offset
        while remaining > 0 {
            remaining -= 1
            var next: CallRecord?
            for child in node.children {
                guard let c = call(child) else { continue }
                if remaining <= c.descendants {
                    next = c
                    break
                }
                remaining -= c.descendants + 1
            }
            guard let found = next else { return nil }
            node = found
        }
        return node
    }

    /// The row of call `id` in the fully expanded call tree.
    public func callTreeRowIndex(of id: CallID) -> Int? {
        guard var node = call(id), let position = rootPosition[node.root] else { return nil }
        var offset = 0
        while let parent = node.started.parent, node.id != node.root, let p = call(parent) {
            offset += 1
            for sibling in p.children {
                if sibling == node.id { break }
                offset += (call(sibling)?.descendants ?? 0) + 1
            }
            node = p
        }
        return rootRows.prefixSum(position) + offset
    }

    // MARK: - Fold

    /// Folds one event in. Events must come in seq order; an event at or below ``seq`` is
    /// ignored, so applying a batch twice is harmless.
    public mutating func apply(_ event: Event) {
        guard event.seq > seq else { return }
        seq = event.seq
        time = event.time
        switch event.payload {
        case .workerDeclared(let w):
            guard workerIndex[w.name] == nil else { return }
            workerIndex[w.name] = workers.count
            workers.append(WorkerRecord(declaration: w, declaredSeq: event.seq))
        case .contextBegan(let e):
            began(e, event)
        case .contextEnded(let ctx, _, let reason):
            ended(ctx, reason, event)
        case .callStarted(let e):
            started(e, event)
        case .callReturned(let call, let result, let ms):
            settled(call, .returned(result), ms, event)
        case .callThrew(let call, let error, let ms):
            settled(call, .threw(error), ms, event)
        case .stubCreated(let e):
            created(e, event)
        case .stubDisposed(let stub, let reason, let by):
            disposed(stub, reason, by, event)
        case .targetDisposed(_, _, let after):
            if let after, let i = stubIndex[after] { stubs[i].targetDisposedSeq = event.seq }
        case .taskAdded(let task, let ctx, let worker, let label):
            taskIndex[task] = tasks.count
            tasks.append(TaskRecord(id: task, ctx: ctx, worker: worker, label: label, addedSeq: event.seq, addedTime: event.time))
            runningTaskCount += 1
            if let c = contextIndex[ctx] { contexts[c].tasks.append(task) }
            if let w = workerIndex[worker] { workers[w].runningTasks += 1 }
        case .taskSettled(let task, _, let outcome):
            guard let i = taskIndex[task], tasks[i].outcome == nil else { return }
            tasks[i].outcome = outcome
            tasks[i].settledSeq = event.seq
            tasks[i].settledTime = event.time
            runningTaskCount -= 1
            if let w = workerIndex[tasks[i].worker] { workers[w].runningTasks -= 1 }
        case .message(let session, _, _, _):
            sessionMessages[session, default: []].append(event.seq)
        case .log(let ctx, _, let level, _):
            lastLogSeq = event.seq
            if level != .info { warningCount += 1 }
            if let ctx, let c = contextIndex[ctx] { contexts[c].logSeqs.append(event.seq) }
        case .step(let text, let line):
            currentStep = StepMark(seq: event.seq, text: text, line: line)
            stepCount += 1
        }
    }

    private mutating func began(_ e: ContextBegan, _ event: Event) {
        guard contextIndex[e.ctx] == nil else { return }
        contextIndex[e.ctx] = contexts.count
        contexts.append(ContextRecord(began: e, beganSeq: event.seq, beganTime: event.time))
        if let w = workerIndex[e.worker] {
            workers[w].contexts.append(e.ctx)
            workers[w].liveContexts.append(e.ctx)
        }
        if let by = e.openedBy, let c = callIndex[by] {
            calls[c].openedContext = e.ctx
            calls[c].calleeContext = e.ctx
        }
    }

    private mutating func ended(_ ctx: ContextID, _ reason: ContextEndReason, _ event: Event) {
        guard let c = contextIndex[ctx], contexts[c].end == nil else { return }
        contexts[c].end = ContextRecord.End(reason: reason, seq: event.seq, time: event.time)
        if let w = workerIndex[contexts[c].worker] { workers[w].liveContexts.removeAll { $0 == ctx } }
        // Stubs still live whose target lived here can no longer be used (§6.3, §6.5).
        for stub in contexts[c].hostedStubs {
            guard let s = stubIndex[stub], stubs[s].disposal == nil, stubs[s].breakage == nil else { continue }
            stubs[s].breakage = .hostEnded(ctx, reason, seq: event.seq)
        }
    }

    private mutating func started(_ e: CallStarted, _ event: Event) {
        guard callIndex[e.call] == nil else { return }
        callIndex[e.call] = calls.count
        var record = CallRecord(started: e, startSeq: event.seq, startTime: event.time)
        if let stub = StubID(parsing: e.target), let s = stubIndex[stub] {
            record.calleeContext = stubs[s].hostContext
        }
        if let parent = e.parent, let p = callIndex[parent] {
            record.root = calls[p].root
            record.depth = calls[p].depth + 1
            calls.append(record)
            calls[p].children.append(e.call)
            var ancestor: CallID? = parent
            while let a = ancestor, let i = callIndex[a] {
                calls[i].descendants += 1
                ancestor = calls[i].started.parent
                if a == calls[i].root { break }
            }
            if let position = rootPosition[record.root] { rootRows.add(1, at: position) }
        } else {
            calls.append(record)
            rootPosition[e.call] = rootCalls.count
            rootCalls.append(e.call)
            rootRows.append(1)
        }
        pendingCallCount += 1
        if let on = e.pipelinedOn, let p = callIndex[on] { calls[p].pipelined.append(e.call) }
        if let c = contextIndex[e.callerCtx] {
            contexts[c].callsMade.append(e.call)
            contexts[c].pendingCalls += 1
        }
        if let w = workerIndex[e.calleeWorker] { workers[w].pendingCalls += 1 }
    }

    private mutating func settled(_ call: CallID, _ status: CallRecord.Status, _ ms: Int, _ event: Event) {
        guard let c = callIndex[call], calls[c].isPending else { return }
        calls[c].status = status
        calls[c].durationMs = ms
        calls[c].endSeq = event.seq
        calls[c].endTime = event.time
        pendingCallCount -= 1
        if let w = workerIndex[calls[c].started.calleeWorker] { workers[w].pendingCalls -= 1 }
        if let x = contextIndex[calls[c].started.callerCtx] { contexts[x].pendingCalls -= 1 }
        guard case .threw = status else { return }
        // The promise of a rejected call is broken: pipelining on it fails the same way (§5.3).
        for stub in promisesByCall[call] ?? [] {
            guard let s = stubIndex[stub], stubs[s].disposal == nil, stubs[s].breakage == nil else { continue }
            stubs[s].breakage = .callThrew(call, seq: event.seq)
        }
    }

    private mutating func created(_ e: StubCreated, _ event: Event) {
        guard stubIndex[e.stub] == nil else { return }
        var record = StubRecord(created: e, createdSeq: event.seq, createdTime: event.time)
        record.hostContext = hostContext(of: e)
        stubIndex[e.stub] = stubs.count
        stubs.append(record)
        liveStubCount += 1
        if let d = e.dupOf, let i = stubIndex[d] { stubs[i].dups.append(e.stub) }
        if let by = e.createdBy, let c = callIndex[by] {
            calls[c].stubsCreated.append(e.stub)
            if e.kind == .promise { promisesByCall[by, default: []].append(e.stub) }
        }
        if let c = contextIndex[e.holderCtx] { contexts[c].heldStubs.append(e.stub) }
        if let host = record.hostContext, let c = contextIndex[host] { contexts[c].hostedStubs.append(e.stub) }
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

    private mutating func disposed(_ stub: StubID, _ reason: DisposeReason, _ by: String?, _ event: Event) {
        guard let s = stubIndex[stub], stubs[s].disposal == nil else { return }
        stubs[s].disposal = StubRecord.Disposal(reason: reason, by: by, seq: event.seq, time: event.time)
        liveStubCount -= 1
        if let by, let call = CallID(parsing: by), let c = callIndex[call] { calls[c].stubsDisposed.append(stub) }
    }
}
