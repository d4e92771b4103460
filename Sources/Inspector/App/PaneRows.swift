import RPCEngine

/// The rows of one pane, built from the model for the current filter and expansion.
///
/// Flat panes without a filter (stubs, tasks, events) are *virtual*: row `i` is record `i`, so
/// they cost nothing to build however long the log is. Trees and filtered panes hold their rows.
public struct PaneRows: Sendable {
    enum Storage: Sendable {
        case explicit([PaneRow])
        case allStubs(Int)
        case allTasks(Int)
        /// Events `1 ... count`.
        case allEvents(Int)
    }

    let storage: Storage

    /// No rows.
    public static let empty = PaneRows(storage: .explicit([]))

    /// Rows held in an array.
    public init(_ rows: [PaneRow]) { storage = .explicit(rows) }

    init(storage: Storage) { self.storage = storage }

    /// The number of rows.
    public var count: Int {
        switch storage {
        case .explicit(let rows): rows.count
        case .allStubs(let n), .allTasks(let n), .allEvents(let n): n
        }
    }

    /// Row `index` (which must be in `0 ..< count`), resolved against `model`.
    public func row(_ index: Int, in model: InspectorModel) -> PaneRow {
        switch storage {
        case .explicit(let rows): rows[index]
        case .allStubs: PaneRow(id: .stub(model.stubs[index].id))
        case .allTasks: PaneRow(id: .task(model.tasks[index].id))
        case .allEvents: PaneRow(id: .event(index + 1))
        }
    }

    /// The index of the row showing `id`, if any.
    public func index(of id: Selection, in model: InspectorModel) -> Int? {
        switch storage {
        case .explicit(let rows):
            return rows.firstIndex { $0.id == id }
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
