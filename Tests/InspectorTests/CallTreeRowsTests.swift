import Inspector
import RPCEngine
import Testing

/// The call tree as rows without flattening: a prefix-sum tree over top-level calls maps a row
/// to its call and back, the same as a depth-first walk would.
@Suite struct CallTreeRowsTests {
    @Test func prefixSumTreeAddsSumsAndLocates() {
        var tree = PrefixSumTree()
        let values = [1, 3, 1, 1, 5, 2, 1, 1, 4]
        for v in values { tree.append(v) }
        #expect(tree.count == 9)
        #expect(tree.total == 19)
        for end in 0...9 { #expect(tree.prefixSum(end) == values.prefix(end).reduce(0, +)) }
        var unit = 0
        for (slot, v) in values.enumerated() {
            for offset in 0..<v {
                #expect(tree.locate(unit) == (slot, offset), "unit \(unit)")
                unit += 1
            }
        }
        tree.add(2, at: 1)
        #expect(tree.total == 21)
        #expect(tree.prefixSum(2) == 6)
        #expect(tree.locate(5) == (1, 4))
        #expect(tree.locate(6) == (2, 0))
    }

    /// Calls nested up to three deep, with siblings at several levels.
    func nestedLog() throws -> EventLog {
        let runtime = try makeRelayRuntime()
        _ = try runtime.run { env, _ -> Int in
            let a: Int = try await env.RELAY.chain(0)
            let b: Int = try await env.RELAY.fan(3)
            let c: Int = try await env.RELAY.chain(2)
            return a + b + c
        }
        return runtime.log
    }

    @Test func virtualRowsMatchADepthFirstWalkAtEveryPointOfTheLog() throws {
        let log = try nestedLog()
        let full = InspectorModel(events: log.events())
        #expect(full.rootCalls == [CallID(1), CallID(2), CallID(9)])
        #expect(full.call(CallID(2))?.children == [CallID(3), CallID(4), CallID(6)])
        #expect(full.call(CallID(2))?.descendants == 6)
        #expect(full.call(CallID(8))?.depth == 3)
        for seq in 0...log.count {
            let model = InspectorModel(events: log.events(to: seq + 1))
            var walk: [(CallID, Int)] = []
            var stack = model.rootCalls.reversed().map { ($0, 0) }
            while let (id, depth) = stack.popLast() {
                walk.append((id, depth))
                stack += model.call(id)!.children.reversed().map { ($0, depth + 1) }
            }
            #expect(model.callTreeRowCount == walk.count)
            for (row, (id, depth)) in walk.enumerated() {
                #expect(model.callTreeRow(row)?.id == id, "seq \(seq) row \(row)")
                #expect(model.callTreeRow(row)?.depth == depth)
                #expect(model.callTreeRowIndex(of: id) == row)
            }
            #expect(model.callTreeRow(walk.count) == nil)
        }
    }

    @Test func collapsingFallsBackToHeldRowsWithTheSameOrder() throws {
        let model = InspectorModel(events: try nestedLog().events())
        let virtual = PaneRowsBuilder.callTree(model, collapsed: [], filter: "")
        let held = PaneRowsBuilder.callTree(model, collapsed: [.call(CallID(99))], filter: "")
        #expect(virtual.count == held.count)
        for i in 0..<virtual.count { #expect(virtual.row(i, in: model) == held.row(i, in: model)) }
        let collapsed = PaneRowsBuilder.callTree(model, collapsed: [.call(CallID(2))], filter: "")
        #expect((0..<collapsed.count).map { collapsed.row($0, in: model).id } == [1, 2, 9, 10, 11].map { .call(CallID($0)) })
    }
}
