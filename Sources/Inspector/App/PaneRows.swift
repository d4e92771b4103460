import RPCEngine

/// The rows of one pane, built from the model for the current filter and expansion.
///
/// Panes without a filter are *virtual*: stubs, tasks and events map row `i` to record `i`, and
/// the fully expanded call tree maps rows to calls through the model's row index, so they cost
/// nothing to build however long the log is. The Workers tree, a call tree with collapsed nodes,
/// the timeline and filtered panes hold their rows (with an index for finding a row by id).
public struct PaneRows: Sendable {
    enum Storage: Sendable {
        case explicit([PaneRow], [Selection: Int])
        /// The fully expanded call tree.
        case allCalls(Int)
        case allStubs(Int)
        case allTasks(Int)
        /// Events `1 ... count`.
        case allEvents(Int)
    }

    let storage: Storage

    /// No rows.
    public static let empty = PaneRows([])

    /// Rows held in an array.
    public init(_ rows: [PaneRow]) {
        var index: [Selection: Int] = [:]
        index.reserveCapacity(rows.count)
        for (i, row) in rows.enumerated() where index[row.id] == nil { index[row.id] = i }
        storage = .explicit(rows, index)
    }

    init(storage: Storage) { self.storage = storage }

    /// The number of rows.
    public var count: Int {
        switch storage {
        case .explicit(let rows, _): rows.count
        case .allCalls(let n), .allStubs(let n), .allTasks(let n), .allEvents(let n): n
        }
    }

    /// Row `index` (which must be in `0 ..< count`), resolved against `model`.
    public func row(_ index: Int, in model: InspectorModel) -> PaneRow {
        switch storage {
        case .explicit(let rows, _): rows[index]
        case .allCalls:
            if let call = model.callTreeRow(index) {
                PaneRow(
                    id: .call(call.id), depth: call.depth, hasChildren: !call.children.isEmpty,
                    isExpanded: !call.children.isEmpty, parent: call.id == call.root ? nil : call.started.parent.map { .call($0) })
            } else {
                PaneRow(id: .call(CallID(0)))
            }
        case .allStubs: PaneRow(id: .stub(model.stubs[index].id))
        case .allTasks: PaneRow(id: .task(model.tasks[index].id))
        case .allEvents: PaneRow(id: .event(index + 1))
        }
    }

    /// The index of the row showing `id`, if any.
    public func index(of id: Selection, in model: InspectorModel) -> Int? {
        switch storage {
        case .explicit(_, let index):
            return index[id]
        case .allCalls(let n):
            guard case .call(let call) = id, let i = model.callTreeRowIndex(of: call), i < n else { return nil }
            return i
        case .allStubs(let n):
            guard case .stub(let stub) = id, let i = model.index(of: stub), i < n else { return nil }
            return i
        case .allTasks(let n):
            guard case .task(let task) = id, let i = model.index(of: task), i < n else { return nil }
            return i
        case .allEvents(let n):
            guard case .event(let seq) = id, seq >= 1, seq <= n else { return nil }
            return seq - 1
        }
    }
}
