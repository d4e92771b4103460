import RPCEngine

/// The inspector's picture of a runtime: a fold over its event log.
///
/// `apply(_:)` takes one event and updates only the records it concerns, using indexes kept
/// alongside the arrays, so folding costs the same per event whether the log holds ten events or
/// a million. The model at sequence number N is exactly the fold of events 1...N; ``Timeline``
/// uses that to travel in time, going forward by folding and backward by undoing (each fold
/// step returns a small ``ModelUndo`` that takes it back).
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
    public internal(set) var seq = 0
    /// The runtime clock at the last event, in ms.
    public internal(set) var time = 0

    /// Workers, in declaration order.
    public internal(set) var workers: [WorkerRecord] = []
    /// Execution contexts, in the order they began.
    public internal(set) var contexts = ChunkedArray<ContextRecord>()
    /// Calls, in the order they started.
    public internal(set) var calls = ChunkedArray<CallRecord>()
    /// Stubs, in the order they were created.
    public internal(set) var stubs = ChunkedArray<StubRecord>()
    /// Tasks, in the order they were added.
    public internal(set) var tasks = ChunkedArray<TaskRecord>()
    /// Calls without a parent, in the order they started.
    public internal(set) var rootCalls = ChunkedArray<CallID>()
    /// The last `step` seen, if any.
    public internal(set) var currentStep: StepMark?
    /// How many `step` events were folded.
    public internal(set) var stepCount = 0
    /// Stubs that are not disposed.
    public internal(set) var liveStubCount = 0
    /// Calls that have not settled.
    public internal(set) var pendingCallCount = 0
    /// Tasks that have not settled.
    public internal(set) var runningTaskCount = 0
    /// `log` events at level warn or error.
    public internal(set) var warningCount = 0
    /// Seqs of the `message` events of each session, in order (the wire view).
    public internal(set) var sessionMessages: [SessionID: [Int]] = [:]
    /// The seq of the last `log` event, if any.
    public internal(set) var lastLogSeq: Int?
    /// Durable Object instances by the context they live in: their label (`do:Class/name`) and
    /// what last happened to them (created, broken: reason), from `durableObject` events.
    public internal(set) var durableObjects: [ContextID: DurableObjectSummary] = [:]

    var workerIndex: [String: Int] = [:]
    var contextIndex = IDIndex<ContextIDKind>()
    var callIndex = IDIndex<CallIDKind>()
    var stubIndex = IDIndex<StubIDKind>()
    var taskIndex = IDIndex<TaskIDKind>()
    /// Rows of the fully expanded call tree per top-level call (the call and its descendants).
    var rootRows = PrefixSumTree()
    /// The position of each top-level call in ``rootCalls``.
    var rootPosition: [CallID: Int] = [:]
    /// Promise stubs by the call whose result they stand for (to break them when it throws).
    var promisesByCall: [CallID: [StubID]] = [:]

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
    public func worker(named name: String) -> WorkerRecord? { workerPosition(name).map { workers[$0] } }
    /// The position of worker `name` in ``workers``. A runtime has a handful of workers, and
    /// comparing a few short names costs less than hashing one, which the fold does for most
    /// events; many workers use the index.
    func workerPosition(_ name: String) -> Int? {
        guard workers.count <= 8 else { return workerIndex[name] }
        for i in workers.indices where workers[i].name == name { return i }
        return nil
    }
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
}
