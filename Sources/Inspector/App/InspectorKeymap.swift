import TerminalUI

/// Every key the inspector understands, one ``Keymap`` per ``KeyScope``: the single table that
/// drives both key handling and the `?` help screen.
///
/// Resolution order outside the console: the focused pane's scope (workers, calls, stubs), then
/// replay, then lists, then global. Those scopes share no key (a test checks it), except that
/// the workers scope repeats `Enter` with the same action as lists, only to document what it
/// does on a method. While the console is focused its scope comes first and every other printable
/// key is text.
public enum InspectorKeymap {
    private static func key(_ c: Character) -> Key { .character(c) }

    /// Keys that work everywhere (outside the console's text).
    public static let global = Keymap<InspectorAction>([
        KeyBinding([key("?")], .help, help: "help (this screen)"),
        KeyBinding([key("q"), .ctrl("c")], .quit, help: "quit"),
        KeyBinding([.escape], .back, help: "back / close / clear filter"),
        KeyBinding([.tab], .nextPane, help: "next pane"),
        KeyBinding([.backTab], .previousPane, help: "previous pane"),
        KeyBinding([key("1")], .focus(.workers), help: "Workers pane"),
        KeyBinding([key("2")], .focus(.calls), help: "Calls pane"),
        KeyBinding([key("3")], .focus(.stubs), help: "Stubs pane"),
        KeyBinding([key("4")], .focus(.tasks), help: "Tasks pane"),
        KeyBinding([key("5")], .focus(.details), help: "Inspector pane"),
        KeyBinding([key("6")], .focus(.events), help: "Events pane"),
        KeyBinding([key("i")], .console, help: "focus the console"),
        KeyBinding([key(":")], .command, help: "console command (:save :load :new-request :export)"),
        KeyBinding([key("/")], .filter, help: "filter the focused pane"),
        KeyBinding([key("z")], .zoom, help: "zoom the focused pane"),
        KeyBinding([key("p")], .pause, help: "pause / resume live updates"),
        KeyBinding([key("F")], .follow, help: "follow the newest event"),
        KeyBinding([.ctrl("l")], .redraw, help: "redraw the screen"),
    ])

    /// Movement and inspection in any list, tree or text pane.
    public static let lists = Keymap<InspectorAction>([
        KeyBinding([key("j"), .down], .move(.down), help: "down"),
        KeyBinding([key("k"), .up], .move(.up), help: "up"),
        KeyBinding([key("g"), .home], .move(.first), help: "first"),
        KeyBinding([key("G"), .end], .move(.last), help: "last"),
        KeyBinding([.pageUp], .move(.pageUp), help: "page up"),
        KeyBinding([.pageDown], .move(.pageDown), help: "page down"),
        KeyBinding([key("h"), .left], .collapse, help: "collapse / go to parent"),
        KeyBinding([key("l"), .right], .expand, help: "expand / go to first child"),
        KeyBinding([.enter], .inspect, help: "inspect the selection"),
    ])

    /// The Workers pane.
    public static let workers = Keymap<InspectorAction>([
        KeyBinding([.enter], .inspect, help: "on a method: pre-fill the console with await env.BINDING.method(")
    ])

    /// The Calls pane.
    public static let calls = Keymap<InspectorAction>([
        KeyBinding([key("t")], .toggleTimeline, help: "tree / timeline")
    ])

    /// The Stubs pane.
    public static let stubs = Keymap<InspectorAction>([
        KeyBinding([key("d")], .disposeStub, help: "dispose the stub (as its holder would)"),
        KeyBinding([key("D")], .dupStub, help: "dup the stub"),
        KeyBinding([key("c")], .callStub, help: "call a method on it (pre-fills the console)"),
    ])

    /// The time cursor (replay, and time travel in a live session).
    public static let replay = Keymap<InspectorAction>([
        KeyBinding([key(".")], .stepForward, help: "step forward"),
        KeyBinding([key(",")], .stepBack, help: "step back"),
        KeyBinding([key(" ")], .play, help: "play / pause"),
        KeyBinding([key("<")], .slower, help: "slower"),
        KeyBinding([key(">")], .faster, help: "faster"),
        KeyBinding([key("R")], .restart, help: "restart"),
    ])

    /// The console while it has focus; any other printable key is text.
    public static let console = Keymap<InspectorAction>([
        KeyBinding([.enter], .submit, help: "run the line (or :save FILE, :load FILE, :new-request, :export perfetto FILE)"),
        KeyBinding([.tab], .complete, help: "complete names, bindings and methods"),
        KeyBinding([.up], .historyPrevious, help: "previous line"),
        KeyBinding([.down], .historyNext, help: "next line"),
        KeyBinding([.escape], .back, help: "leave the console"),
        KeyBinding([.ctrl("c")], .quit, help: "quit"),
    ])

    /// The keymap of a scope.
    public static func keymap(for scope: KeyScope) -> Keymap<InspectorAction> {
        switch scope {
        case .global: global
        case .lists: lists
        case .workers: workers
        case .calls: calls
        case .stubs: stubs
        case .replay: replay
        case .console: console
        }
    }

    /// The scope of a pane's own keys, if it has any.
    public static func scope(for pane: Pane) -> KeyScope? {
        switch pane {
        case .workers: .workers
        case .calls: .calls
        case .stubs: .stubs
        default: nil
        }
    }

    /// The action `key` triggers in `pane` outside the console: pane scope, replay, lists, global.
    public static func action(for key: Key, in pane: Pane) -> InspectorAction? {
        if let scope = scope(for: pane), let action = keymap(for: scope).action(for: key) { return action }
        return replay.action(for: key) ?? lists.action(for: key) ?? global.action(for: key)
    }
}
