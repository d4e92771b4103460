import RPCEngine

/// Builds each pane's rows from the model, the collapsed nodes and the pane's filter.
///
/// A filter keeps the rows whose text (as ``RowFormatter`` draws it) contains the filter,
/// ignoring case; in a tree it searches collapsed nodes too and keeps each match's depth.
public enum PaneRowsBuilder {
    /// Whether `text` matches `filter` (already lowercased; empty matches everything).
    static func matches(_ text: String, _ filter: String) -> Bool {
        filter.isEmpty || text.lowercased().contains(filter)
    }

    /// The Workers pane: each worker, its bindings, vars, exports with their members (and, under
    /// a Durable Object class, its instances: the contexts of kind `durable object` running that
    /// class), and its other live execution contexts.
    public static func workers(_ model: InspectorModel, collapsed: Set<Selection>, filter: String) -> PaneRows {
        var rows: [PaneRow] = []
        let filter = filter.lowercased()
        func add(_ id: Selection, depth: Int, parent: Selection?, children: Bool = false) -> Bool {
            let expanded = children && (!collapsed.contains(id) || !filter.isEmpty)
            if matches(RowFormatter.worker(id, in: model).text, filter) {
                rows.append(PaneRow(id: id, depth: depth, hasChildren: children, isExpanded: expanded, parent: parent))
            }
            return expanded
        }
        for worker in model.workers {
            let w = Selection.worker(worker.name)
            let d = worker.declaration
            // Only a worker exporting a Durable Object class has instances to look for.
            let hasObjects = d.exports.contains { $0.kind == .durableObject }
            let instances = hasObjects
                ? Dictionary(grouping: worker.contexts.compactMap { model.context($0) }.filter { $0.began.kind == .durableObject }) {
                    $0.began.entrypoint ?? ""
                } : [:]
            let others = hasObjects ? worker.liveContexts.filter { model.context($0)?.began.kind != .durableObject } : worker.liveContexts
            let hasChildren = !d.bindings.isEmpty || d.vars.count > 0 || !d.exports.isEmpty || !others.isEmpty
            guard add(w, depth: 0, parent: nil, children: hasChildren) else { continue }
            for b in d.bindings { _ = add(.binding(worker: worker.name, binding: b.binding), depth: 1, parent: w) }
            if d.vars.count > 0 { _ = add(.vars(worker: worker.name), depth: 1, parent: w) }
            for e in d.exports {
                let export = Selection.export(worker: worker.name, export: e.name)
                let objects = e.kind == .durableObject ? instances[e.name] ?? [] : []
                guard add(export, depth: 1, parent: w, children: !e.members.isEmpty || !objects.isEmpty) else { continue }
                for m in e.members {
                    _ = add(.method(worker: worker.name, export: e.name, member: m.name), depth: 2, parent: export)
                }
                for object in objects { _ = add(.context(object.id), depth: 2, parent: export) }
            }
            for ctx in others { _ = add(.context(ctx), depth: 1, parent: w) }
        }
        return PaneRows(rows)
    }

    /// The Calls tree: top-level calls in order, each call's children (callbacks and nested
    /// calls) under it.
    public static func callTree(_ model: InspectorModel, collapsed: Set<Selection>, filter: String) -> PaneRows {
        let collapsesCalls = collapsed.contains { if case .call = $0 { true } else { false } }
        if filter.isEmpty && !collapsesCalls { return PaneRows(storage: .allCalls(model.callTreeRowCount)) }
        return PaneRows(callRows(model, collapsed: collapsed, filter: filter.lowercased()))
    }

    /// The Calls timeline: the tree's calls, each followed by the waitUntil tasks of the context
    /// it opened.
    public static func timeline(_ model: InspectorModel, collapsed: Set<Selection>, filter: String) -> PaneRows {
        let filter = filter.lowercased()
        var rows: [PaneRow] = []
        var placed = Set<TaskID>()
        for row in callRows(model, collapsed: collapsed, filter: filter) {
            rows.append(row)
            guard case .call(let id) = row.id, let opened = model.call(id)?.openedContext,
                let ctx = model.context(opened)
            else { continue }
            for task in ctx.tasks {
                guard let t = model.task(task), matches(RowFormatter.task(t, in: model).text, filter) else { continue }
                placed.insert(task)
                rows.append(PaneRow(id: .task(task), depth: row.depth + 1, parent: row.id))
            }
        }
        for task in model.tasks where !placed.contains(task.id) && matches(RowFormatter.task(task, in: model).text, filter) {
            rows.append(PaneRow(id: .task(task.id)))
        }
        return PaneRows(rows)
    }

    private static func callRows(_ model: InspectorModel, collapsed: Set<Selection>, filter: String) -> [PaneRow] {
        var rows: [PaneRow] = []
        rows.reserveCapacity(filter.isEmpty ? model.calls.count : 16)
        var stack: [(CallID, Int, Selection?)] = model.rootCalls.reversed().map { ($0, 0, nil) }
        while let (id, depth, parent) = stack.popLast() {
            guard let call = model.call(id) else { continue }
            let selection = Selection.call(id)
            let expanded = !call.children.isEmpty && (!collapsed.contains(selection) || !filter.isEmpty)
            if filter.isEmpty || matches(RowFormatter.call(call, in: model).text, filter) {
                rows.append(PaneRow(id: selection, depth: depth, hasChildren: !call.children.isEmpty, isExpanded: expanded, parent: parent))
            }
            if expanded { stack.append(contentsOf: call.children.reversed().map { ($0, depth + 1, selection) }) }
        }
        return rows
    }

    /// The Stubs pane: every stub ever created, oldest first.
    public static func stubs(_ model: InspectorModel, filter: String) -> PaneRows {
        let filter = filter.lowercased()
        if filter.isEmpty { return PaneRows(storage: .allStubs(model.stubs.count)) }
        return PaneRows(model.stubs.filter { matches(RowFormatter.stub($0).text, filter) }.map { PaneRow(id: .stub($0.id)) })
    }

    /// The Tasks pane: every waitUntil task, oldest first.
    public static func tasks(_ model: InspectorModel, filter: String) -> PaneRows {
        let filter = filter.lowercased()
        if filter.isEmpty { return PaneRows(storage: .allTasks(model.tasks.count)) }
        return PaneRows(model.tasks.filter { matches(RowFormatter.task($0, in: model).text, filter) }.map { PaneRow(id: .task($0.id)) })
    }

    /// The Events pane: every known event, or the matches of a filter.
    public static func events(known: Int, matches: EventMatches?) -> PaneRows {
        guard let matches else { return PaneRows(storage: .allEvents(known)) }
        return PaneRows(matches.seqs.map { PaneRow(id: .event($0)) })
    }
}
