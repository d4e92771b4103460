import TerminalUI

/// The bottom rows: the status bar (mode, scenario title, step n/N, speed, seq, statements still
/// running, key hints), the narration line (the current step's text) and the console row.
enum StatusLine {
    /// The status bar's segments, most important kept longest.
    static func bar(_ state: InspectorState) -> StatusBar {
        let modeStyle = Style(.accent, [.reverse, .bold])
        var segments = [StatusSegment(Line(" \(state.modeLabel) ", style: modeStyle), priority: 10)]
        let timeline = state.timeline
        var position = Line()
        if state.mode == .replay {
            position.append(state.playing ? Glyph.playing + " " : Glyph.paused + " ", style: state.playing ? .ok : .dim)
        }
        if !timeline.steps.isEmpty { position.append("\(timeline.stepNumber)/\(timeline.steps.count) ") }
        if state.mode == .replay || state.playing { position.append(PlaybackSpeed.label(state.speedIndex) + " ") }
        position.append("seq \(timeline.cursor)/\(timeline.known)", style: .dim)
        segments.append(StatusSegment(position, priority: 9))
        let running = state.console.transcript.filter { $0.output == .running && !$0.isCommand }.count
        if running > 0 {
            // A statement runs in the background (slow motion): the panes keep changing under it.
            let label = running == 1 ? "running" : "running \(running)"
            segments.append(StatusSegment(Line(Glyph.pending + " " + label, style: .pending), priority: 8))
        }
        if let slowMotion = state.slowMotion {
            // Live work runs on the wall clock slowed down by this factor (the replay does not).
            segments.append(StatusSegment(Line("slow motion \(slowMotion)", style: .dim), priority: 7))
        }
        if !state.title.isEmpty { segments.append(StatusSegment(Line(state.title, style: .title), priority: 6)) }
        let hints = hints(state)
        if hints.count > 2 { segments.append(.keyHints(Array(hints.dropLast(2)), priority: 1, alignment: .right)) }
        segments.append(.keyHints(Array(hints.suffix(2)), priority: 3, alignment: .right))
        return StatusBar(segments)
    }

    /// The key hints for what is focused.
    static func hints(_ state: InspectorState) -> [(key: Key, label: String)] {
        if state.showHelp { return [(.escape, "close")] }
        if state.filterInput != nil { return [(.enter, "keep"), (.escape, "clear")] }
        if state.consoleFocused { return [(.enter, "run"), (.tab, "complete"), (.escape, "leave")] }
        var hints: [(key: Key, label: String)] = []
        switch state.focus {
        case .stubs: hints += [(.character("d"), "dispose"), (.character("D"), "dup"), (.character("c"), "call")]
        case .calls: hints += [(.character("t"), state.callsLayout == .tree ? "timeline" : "tree")]
        default: break
        }
        if state.mode == .replay {
            hints += [(.character("."), "next"), (.character(","), "back"), (.character(" "), state.playing ? "pause" : "play")]
        } else {
            hints += [(.character("i"), "console"), (.character("p"), state.following ? "pause" : "resume")]
        }
        hints += [(.character("?"), "help"), (.character("q"), "quit")]
        return hints
    }

    /// The narration row: completion candidates while completing, else the step's text.
    static func narration(_ state: InspectorState) -> Line {
        let completions = state.console.input.completions
        if state.consoleFocused && !completions.isEmpty {
            return Line("Tab: ", style: .dim) + Line(completions.joined(separator: "  "), style: .accent)
        }
        if let step = state.timeline.currentStep {
            return Line(Glyph.collapsed + " ", style: .accent) + Line(step.text, style: .title)
                + Line(step.line.map { "  (line \($0))" } ?? "", style: .dim)
        }
        switch state.mode {
        case .replay:
            let hint = state.timeline.steps.isEmpty ? ". steps one event, Space plays" : ". goes to the first step, Space plays"
            return Line(Glyph.collapsed + " " + hint, style: .muted)
        case .live:
            return Line(Glyph.collapsed + " live session: i types a statement, : a command, ? lists every key", style: .muted)
        }
    }

    /// Draws the console row: the editor while focused, else the latest notice or result.
    static func console(_ state: InspectorState, into grid: inout Grid, in rect: Rect) {
        if state.consoleFocused {
            state.console.input.render(
                into: &grid, in: rect, prompt: Line("> ", style: .accent), focused: true,
                placeholder: "a statement, or :save FILE, :load FILE, :new-request, :export perfetto FILE")
            return
        }
        grid.fill(rect.intersection(grid.bounds))
        var line: Line
        if let message = state.message {
            line = message.isError
                ? Line(Glyph.error + " " + message.text, style: .error) : Line(Glyph.ok + " " + message.text, style: .ok)
        } else if let last = state.console.transcript.last {
            line = Line("> ", style: .dim) + Line(last.input, style: .dim) + DetailsPane.outputLine(last.output)
        } else {
            line = Line("> ", style: .dim) + Line("press i to type a statement, : for a command", style: .muted)
        }
        grid.put(line.truncated(toWidth: rect.width), at: rect.origin, clip: rect)
    }
}
