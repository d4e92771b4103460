import RPCEngine
import TerminalUI

extension InspectorState {
    /// Applies one input and returns what the host must do. Pure: see ``InspectorState``.
    public mutating func update(_ input: InspectorInput) -> [InspectorEffect] {
        var effects: [InspectorEffect] = []
        var changed = true
        switch input {
        case .terminal(.key(let key)):
            effects = handle(key)
        case .terminal(.mouse(let mouse)):
            handle(mouse)
        case .terminal(.resize(let newSize)):
            size = newSize
        case .terminal(.hangup):
            // The terminal is gone: nobody is left to see the session, so end it as `q` would.
            return perform(.quit)
        case .tick(let ms):
            changed = advancePlayback(to: ms)
        case .logGrew(let count):
            changed = count > timeline.known
            ingest(upTo: count)
        case .logReplaced(let log, let title):
            replaceLog(log, title: title)
        case .effectResult(let result):
            apply(result)
        }
        if changed {
            refresh()
            revision += 1
        }
        return effects
    }

    // MARK: - Keys

    private mutating func handle(_ key: Key) -> [InspectorEffect] {
        if showHelp { return handleHelp(key) }
        if filterInput != nil { return handleFilter(key) }
        if consoleFocused { return handleConsole(key) }
        guard let action = InspectorKeymap.action(for: key, in: focus) else { return [] }
        return perform(action)
    }

    private mutating func handleHelp(_ key: Key) -> [InspectorEffect] {
        switch key {
        case .character("?"), .escape, .character("q"):
            showHelp = false
        case .ctrl("c"):
            return perform(.quit)
        default:
            let lines = HelpScreen.lines().count
            let viewport = HelpScreen.viewport(in: layout.main)
            _ = helpScroll.handle(key, contentSize: Size(width: viewport.width, height: lines), viewport: viewport.size)
        }
        return []
    }

    private mutating func handleFilter(_ key: Key) -> [InspectorEffect] {
        switch key {
        case .escape:
            filterInput = nil
            filters[focus] = nil
        case .enter:
            filterInput = nil
        case .ctrl("c"):
            return perform(.quit)
        default:
            guard var input = filterInput else { return [] }
            _ = input.handle(key)
            filterInput = input
            filters[focus] = input.text.isEmpty ? nil : input.text
            // The selection follows the filter: keep it if it still matches, else the first match.
            refresh()
            let rows = rows(of: focus)
            if let current = paneSelections[focus], rows.index(of: current, in: model) == nil, rows.count > 0 {
                selectRow(0, in: focus)
            }
        }
        return []
    }

    /// Carries out a keymap action.
    mutating func perform(_ action: InspectorAction) -> [InspectorEffect] {
        switch action {
        case .help:
            showHelp.toggle()
            helpScroll = ScrollState()
        case .quit:
            quitRequested = true
            return [.quit]
        case .back:
            back()
        case .nextPane:
            focusPane(Pane(rawValue: focus.rawValue % Pane.allCases.count + 1) ?? .workers)
        case .previousPane:
            focusPane(Pane(rawValue: (focus.rawValue + Pane.allCases.count - 2) % Pane.allCases.count + 1) ?? .workers)
        case .focus(let pane):
            focusPane(pane)
        case .console:
            consoleFocused = true
        case .command:
            consoleFocused = true
            if console.input.text.isEmpty { console.input.text = ":" }
        case .filter:
            guard focus != .details else {
                message = StatusMessage("the Inspector pane has no rows to filter", isError: true)
                return []
            }
            filterInput = TextInput(text: filters[focus] ?? "")
        case .zoom:
            zoomed.toggle()
        case .pause:
            togglePause()
        case .follow:
            follow()
        case .redraw:
            return [.redraw]
        case .move(let movement):
            move(movement)
        case .collapse:
            collapseOrExpand(expand: false)
        case .expand:
            collapseOrExpand(expand: true)
        case .inspect:
            inspect()
        case .toggleTimeline:
            callsLayout = callsLayout == .tree ? .timeline : .tree
        case .disposeStub:
            return stubEffect { .dispose($0) }
        case .dupStub:
            return stubEffect { .dup($0) }
        case .callStub:
            prefillCall()
        case .stepForward:
            stepForward()
        case .stepBack:
            stepBack()
        case .play:
            togglePlay()
        case .slower:
            speedIndex = PlaybackSpeed.clamped(speedIndex - 1)
        case .faster:
            speedIndex = PlaybackSpeed.clamped(speedIndex + 1)
        case .restart:
            restart()
        case .submit, .complete, .historyPrevious, .historyNext:
            break  // console-only actions; handled while the console has focus
        }
        return []
    }

    /// Esc: close what is open, innermost first: zoom, then the pane's filter.
    private mutating func back() {
        if zoomed {
            zoomed = false
        } else if filters[focus] != nil {
            filters[focus] = nil
        } else {
            message = nil
        }
    }

    /// Focuses `pane`; its selected row becomes the shared selection.
    mutating func focusPane(_ pane: Pane) {
        focus = pane
        consoleFocused = false
        if pane.isLeftColumn { leftPane = pane }
        guard pane != .details, let row = selectedRow(of: pane) else { return }
        if pane == .events {
            paneSelections[.events] = row.id
            if selection != row.id { detailsScroll = ScrollState() }
            selection = row.id
        } else {
            choose(row.id, in: pane)
        }
    }

    private mutating func move(_ movement: ListMovement) {
        if focus == .details {
            let lines = DetailsPane.lines(for: self)
            let body = layout.body(of: .details)?.size ?? Size(width: 60, height: 10)
            let text = ScrollingText(lines)
            let key: Key
            switch movement {
            case .up: key = .up
            case .down: key = .down
            case .pageUp: key = .pageUp
            case .pageDown: key = .pageDown
            case .first: key = .home
            case .last: key = .end
            }
            _ = text.handle(key, state: &detailsScroll, viewport: body)
            return
        }
        let rows = rows(of: focus)
        guard rows.count > 0 else { return }
        var list = list(of: focus)
        list.apply(movement, count: rows.count, height: viewportHeight(of: focus))
        lists[focus] = list
        if let index = list.selection(count: rows.count) { selectRow(index, in: focus) }
    }

    private mutating func collapseOrExpand(expand: Bool) {
        guard focus == .workers || focus == .calls else { return }
        let rows = rows(of: focus)
        guard let index = list(of: focus).selection(count: rows.count) else { return }
        let row = rows.row(index, in: model)
        if expand {
            if row.hasChildren && !row.isExpanded {
                collapsed.remove(row.id)
            } else if row.hasChildren, index + 1 < rows.count {
                selectRow(index + 1, in: focus)
            }
        } else {
            if row.hasChildren && row.isExpanded {
                collapsed.insert(row.id)
            } else if let parent = row.parent, let p = rows.index(of: parent, in: model) {
                selectRow(p, in: focus)
            }
        }
    }

    /// Enter: a method pre-fills the console; any other row becomes the shared selection, and
    /// the Inspector pane takes focus when the layout does not show it.
    private mutating func inspect() {
        guard focus != .details, let row = selectedRow(of: focus) else { return }
        if case .method(let worker, let export, let member) = row.id {
            prefillMethod(worker: worker, export: export, member: member)
            return
        }
        choose(row.id, in: focus)
        if layout.boxes[.details] == nil { focusPane(.details) }
    }

    private mutating func stubEffect(_ make: (StubID) -> InspectorEffect) -> [InspectorEffect] {
        guard focus == .stubs, case .stub(let id)? = selectedRow(of: .stubs)?.id else { return [] }
        guard let stub = timeline.head.stub(id) else { return [] }
        guard stub.isLive else {
            message = StatusMessage("\(id) is already disposed", isError: true)
            return []
        }
        let effect = make(id)
        let verb = if case .dispose = effect { "dispose" } else { "dup" }
        console.record("\(verb) \(id)", output: .running, isCommand: true)
        mode = .live
        following = true
        playing = false
        return [effect]
    }
}
