import RPCEngine
import TerminalUI

extension InspectorState {
    /// Moves the time cursor. Leaving the newest event stops following; the Events pane's row
    /// follows the cursor (unless the move came from that pane).
    mutating func setCursor(_ seq: Int, fromEvents: Bool = false) {
        timeline.moveCursor(to: seq)
        if !timeline.isAtHead { following = false }
        if !fromEvents && timeline.cursor > 0 {
            paneSelections[.events] = .event(timeline.cursor)
            if focus == .events && !consoleFocused { selection = .event(timeline.cursor) }
        }
    }

    /// Folds newly logged events; a following cursor moves to the newest.
    mutating func ingest(upTo count: Int) {
        guard count > timeline.known else { return }
        timeline.ingest(upTo: count)
        if following { setCursor(timeline.known) }
    }

    /// Starts over on a new log (after `:load`).
    mutating func replaceLog(_ log: EventLog, title: String) {
        timeline = Timeline(log: log)
        timeline.ingest()
        self.title = title
        playing = false
        rowsKey = nil
        eventMatches = nil
        paneSelections = [:]
        lists = [:]
        collapsed = []
        selection = nil
        if mode == .replay {
            following = false
            setCursor(initialReplayCursor)
        } else {
            following = true
            setCursor(timeline.known)
        }
    }

    /// `.`: the next step stop (see ``Timeline/stepStop(after:)``).
    mutating func stepForward() {
        playing = false
        if let stop = timeline.stepStop(after: timeline.cursor) { setCursor(stop) }
        if mode == .live && timeline.isAtHead { following = true }
    }

    /// `,`: the previous step stop.
    mutating func stepBack() {
        playing = false
        following = false
        if let stop = timeline.stepStop(before: timeline.cursor) { setCursor(stop) }
    }

    /// `R`: back to where replay starts, stopped.
    mutating func restart() {
        playing = false
        following = false
        setCursor(initialReplayCursor)
    }

    /// Space: play from the cursor (from the start when already at the end), or pause.
    mutating func togglePlay() {
        if playing {
            playing = false
            return
        }
        if timeline.isAtHead {
            guard mode == .replay else { return }
            setCursor(initialReplayCursor)
        }
        following = false
        playing = true
        lastPlayTick = nil
    }

    /// `p`: live, pause or resume following; replay, pause or resume playing.
    mutating func togglePause() {
        switch mode {
        case .live:
            following.toggle()
            playing = false
            if following { setCursor(timeline.known) }
        case .replay:
            togglePlay()
        }
    }

    /// `F`: jump to the newest event and follow it.
    mutating func follow() {
        playing = false
        following = true
        setCursor(timeline.known)
    }

    /// Advances playback for a clock reading; returns whether the cursor moved.
    mutating func advancePlayback(to now: Int) -> Bool {
        guard playing else { return false }
        guard let last = lastPlayTick, now >= last else {
            lastPlayTick = now
            return false
        }
        let interval = PlaybackSpeed.interval(speedIndex)
        let steps = (now - last) / interval
        guard steps > 0 else { return false }
        lastPlayTick = last + steps * interval
        setCursor(timeline.cursor + min(steps, 64))
        if timeline.isAtHead {
            playing = false
            if mode == .live { following = true }
        }
        return true
    }
}
