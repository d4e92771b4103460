import Inspector
import RPCEngine
import Testing

/// Time travel: the model at the cursor is exactly the fold of events 1...cursor, however the
/// cursor got there, and snapshots keep going back cheap.
@Suite struct TimelineTests {
    let log: EventLog

    init() throws { log = try makeDemoLog() }

    @Test func theCursorModelIsTheFoldUpToTheCursorInAnyOrderOfMoves() {
        var timeline = Timeline(log: log, minimumSpacing: 8)
        timeline.ingest()
        let order = Array(0...136).reversed() + [3, 70, 12, 136, 0, 135, 64, 65, 66, 1, 100]
        for seq in order {
            timeline.moveCursor(to: seq)
            #expect(timeline.cursor == seq)
            #expect(digest(timeline.model) == digest(InspectorModel(events: log.events(to: seq + 1))), "seq \(seq)")
        }
    }

    @Test func snapshotsAreSpacedByTheMinimumAndTheModelSize() {
        var timeline = Timeline(log: log, minimumSpacing: 8)
        timeline.ingest()
        // Spacing max(8, records): the gaps grow with the model (about 30 records at the end).
        #expect(timeline.snapshotCount == 8)
        var sparse = Timeline(log: log)
        sparse.ingest()
        #expect(sparse.snapshotCount == 1)
    }

    @Test func undoingAnEventRestoresTheModelBeforeIt() {
        var model = InspectorModel()
        var digests = [digest(model)]
        var undos: [ModelUndo] = []
        for event in log.events() {
            undos.append(model.apply(event))
            digests.append(digest(model))
        }
        for (k, undo) in undos.enumerated().reversed() {
            model.undo(undo)
            #expect(digest(model) == digests[k], "undoing event \(k + 1)")
        }
        #expect(model.seq == 0)
    }

    @Test func stepsBackAndForthAgreeWithTheFoldWithoutSnapshots() {
        var timeline = Timeline(log: log, minimumSpacing: 10_000)
        timeline.ingest()
        #expect(timeline.snapshotCount == 1)
        for seq in [135, 100, 101, 99, 50, 120, 3, 4, 2, 136, 60] {
            timeline.moveCursor(to: seq)
            #expect(digest(timeline.model) == digest(InspectorModel(events: log.events(to: seq + 1))), "seq \(seq)")
        }
    }

    @Test func ingestFoldsOnlyNewEventsAndLeavesTheCursor() {
        var timeline = Timeline(log: log)
        #expect(timeline.ingest(upTo: 50) == 50)
        timeline.moveCursor(to: 50)
        #expect(timeline.ingest() == 86)
        #expect(timeline.known == 136)
        #expect(timeline.cursor == 50)
        #expect(!timeline.isAtHead)
        #expect(timeline.model.seq == 50)
        #expect(timeline.ingest() == 0)
    }

    @Test func theCursorIsClamped() {
        var timeline = Timeline(log: log)
        timeline.ingest()
        timeline.moveCursor(to: 999)
        #expect(timeline.cursor == 136)
        #expect(timeline.isAtHead)
        timeline.moveCursor(to: -4)
        #expect(timeline.cursor == 0)
        #expect(timeline.model.workers.isEmpty)
    }

    @Test func stepStopsAreJustBeforeEachStepAndTheEnd() {
        var timeline = Timeline(log: log)
        timeline.ingest()
        #expect(timeline.steps.map(\.seq) == [3, 15, 42, 75, 117])
        var stops: [Int] = []
        var seq = -1
        while let next = timeline.stepStop(after: seq) {
            stops.append(next)
            seq = next
        }
        #expect(stops == [2, 14, 41, 74, 116, 136])
        var back: [Int] = []
        seq = 136
        while let previous = timeline.stepStop(before: seq) {
            back.append(previous)
            seq = previous
        }
        #expect(back == [116, 74, 41, 14, 2])
        timeline.moveCursor(to: 74)
        #expect(timeline.stepNumber == 3)
        #expect(timeline.currentStep?.text == "A counter target, pipelined")
        timeline.moveCursor(to: 2)
        #expect(timeline.stepNumber == 0)
        #expect(timeline.currentStep == nil)
    }

    @Test func withoutStepsEveryEventIsAStop() {
        let log = EventLog()
        for i in 0..<3 { log.append(time: i, .log(ctx: nil, worker: nil, level: .info, text: "e\(i)")) }
        var timeline = Timeline(log: log)
        timeline.ingest()
        #expect(timeline.stepStop(after: 0) == 1)
        #expect(timeline.stepStop(after: 3) == nil)
        #expect(timeline.stepStop(before: 1) == 0)
        #expect(timeline.stepStop(before: 0) == nil)
    }
}
