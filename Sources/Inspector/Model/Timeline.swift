import RPCEngine

/// Time travel over an event log: the model at the newest event (the *head*), the model at the
/// *time cursor*, and what makes moving the cursor cheap in both directions.
///
/// How it stays cheap:
/// * new events are folded into the head one by one (``ingest(upTo:)``), never refolded, and each
///   fold step leaves a small ``ModelUndo``;
/// * moving the cursor forward folds the events in between; moving it back undoes them, so a
///   step costs the same whether the log holds ten events or a million;
/// * for long jumps, snapshots of the head are kept at growing intervals
///   (`max(minimumSpacing, recordCount)` events apart): a jump starts from whichever is closer,
///   the current cursor model or the nearest snapshot before the target. Copying a snapshot costs
///   about the model's record count, so this spacing keeps the amortised cost per event constant
///   and the snapshots' memory within a few models' worth.
///
/// The log is append-only, so the events up to ``known`` never change; a replaced log (after
/// `:load`) gets a new timeline.
public struct Timeline: Sendable {
    /// The log this timeline folds.
    public let log: EventLog
    /// The fold of events 1...``known``.
    public private(set) var head = InspectorModel()
    /// Every `step` event folded so far, in order.
    public private(set) var steps: [StepMark] = []
    /// The time cursor: the seq the panes show (0 ... ``known``).
    public private(set) var cursor = 0
    /// Events with seq below this are always at least this many apart between snapshots.
    public let minimumSpacing: Int

    private var snapshots: [InspectorModel] = [InspectorModel()]
    private var cursorModel: InspectorModel?
    /// `undos[k - 1]` undoes event k.
    private var undos: [ModelUndo] = []

    /// Creates a timeline on `log` with nothing folded yet; call ``ingest(upTo:)``.
    public init(log: EventLog, minimumSpacing: Int = 256) {
        self.log = log
        self.minimumSpacing = max(1, minimumSpacing)
    }

    /// How many events have been folded into the head.
    public var known: Int { head.seq }

    /// The model at the time cursor.
    public var model: InspectorModel { cursorModel ?? head }

    /// Whether the cursor is at the newest event.
    public var isAtHead: Bool { cursor == head.seq }

    /// How many snapshots are kept (the empty model included).
    public var snapshotCount: Int { snapshots.count }

    /// Folds the events after ``known`` up to seq `count` (or the log's end) into the head.
    /// The cursor does not move. Returns how many events were folded.
    @discardableResult
    public mutating func ingest(upTo count: Int? = nil) -> Int {
        let target = min(count ?? log.count, log.count)
        // A cursor at the head stays where it is: keep the head as the cursor's model.
        if cursorModel == nil && target > head.seq { cursorModel = head }
        var folded = 0
        var next = head.seq + 1
        while next <= target {
            let batch = log.events(from: next, to: min(target, next + 4095) + 1)
            if batch.isEmpty { break }
            for event in batch {
                undos.append(head.apply(event))
                if case .step(let text, let line) = event.payload {
                    steps.append(StepMark(seq: event.seq, text: text, line: line))
                }
                if head.seq - snapshots[snapshots.count - 1].seq >= max(minimumSpacing, head.recordCount) {
                    snapshots.append(head)
                }
            }
            folded += batch.count
            next = head.seq + 1
        }
        return folded
    }

    /// Moves the time cursor to `seq` (clamped to 0 ... ``known``) and brings the cursor model
    /// there: by undoing events from the current cursor model when going back, by folding when
    /// going forward, or from the nearest snapshot when that is closer.
    public mutating func moveCursor(to seq: Int) {
        let target = min(max(0, seq), head.seq)
        cursor = target
        if target == head.seq {
            cursorModel = nil
            return
        }
        // Take the cursor model out, so that it is the only reference and changes in place.
        var base: InspectorModel
        if let current = cursorModel {
            cursorModel = nil
            base = current
        } else {
            base = head
        }
        let snapshot = nearestSnapshot(atOrBefore: target)
        if target < base.seq {
            if target - snapshot.seq < base.seq - target {
                base = snapshot
            } else {
                while base.seq > target { base.undo(undos[base.seq - 1]) }
            }
        } else if snapshot.seq > base.seq {
            base = snapshot
        }
        if base.seq < target {
            for event in log.events(from: base.seq + 1, to: target + 1) { base.apply(event) }
        }
        cursorModel = base
    }

    /// The model at `seq` without moving the cursor (for tests and comparisons).
    public func model(at seq: Int) -> InspectorModel {
        let target = min(max(0, seq), head.seq)
        if target == head.seq { return head }
        var base = nearestSnapshot(atOrBefore: target)
        for event in log.events(from: base.seq + 1, to: target + 1) { base.apply(event) }
        return base
    }

    private func nearestSnapshot(atOrBefore seq: Int) -> InspectorModel {
        var low = 0
        var high = snapshots.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if snapshots[middle].seq <= seq { low = middle } else { high = middle - 1 }
        }
        return snapshots[low]
    }

    // MARK: - Steps

    /// How many steps have begun at the cursor (`n` of "step n/N").
    public var stepNumber: Int { stepsBegun(at: cursor) }

    /// The step whose narration applies at the cursor.
    public var currentStep: StepMark? {
        let n = stepNumber
        return n > 0 ? steps[n - 1] : nil
    }

    /// The cursor positions replay stops at: just before each step (so step k's effects are
    /// all shown at the stop before step k+1), and the newest event. Without steps, every event
    /// is a stop.
    public func stepStop(after seq: Int) -> Int? {
        guard !steps.isEmpty else { return seq < head.seq ? seq + 1 : nil }
        for step in steps where step.seq - 1 > seq { return step.seq - 1 }
        return seq < head.seq ? head.seq : nil
    }

    /// The stop before `seq` (see ``stepStop(after:)``).
    public func stepStop(before seq: Int) -> Int? {
        guard !steps.isEmpty else { return seq > 0 ? seq - 1 : nil }
        for step in steps.reversed() where step.seq - 1 < seq { return step.seq - 1 }
        return nil
    }

    /// How many `step` events have seq ≤ `seq`.
    public func stepsBegun(at seq: Int) -> Int {
        var low = 0
        var high = steps.count
        while low < high {
            let middle = (low + high) / 2
            if steps[middle].seq <= seq { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
