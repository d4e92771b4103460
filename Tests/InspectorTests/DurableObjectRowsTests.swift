import Foundation
import Testing
@testable import Inspector
import RPCEngine

/// Issue 6: Durable Object instances in the Workers pane, with their id and state, from the
/// `durableObject` events of `scenarios/18-durable-objects.scenario`.
@Suite struct DurableObjectRowsTests {
    static let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/18-durable-objects.scenario").path

    @Test func instancesShowTheirLabelIdAndBreakage() throws {
        let host = try ScenarioHost(path: Self.scenario)
        var model = InspectorModel()
        var undos: [ModelUndo] = []
        for event in host.log.events() { undos.append(model.apply(event)) }
        let objects = model.durableObjects.values.sorted { $0.label < $1.label || ($0.label == $1.label && $0.broken != nil) }
        #expect(objects.map(\.label) == ["do:CounterObject/alpha", "do:CounterObject/beta", "do:CounterObject/beta"])
        #expect(objects.map { $0.broken != nil } == [false, true, false])
        #expect(objects[1].broken == "broken: Error: boom")
        #expect(objects.allSatisfy { $0.id.count == 64 })
        // Time travel: undoing every event forgets the instances again.
        for undo in undos.reversed() { model.undo(undo) }
        #expect(model.durableObjects.isEmpty)
    }
}
