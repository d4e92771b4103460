/// A group of key bindings that are active together. The help screen lists them in this order.
public enum KeyScope: String, CaseIterable, Hashable, Sendable {
    case global, lists, workers, calls, stubs, replay, console

    /// The heading in the help screen.
    public var title: String {
        switch self {
        case .global: "Global"
        case .lists: "Lists and trees"
        case .workers: "Workers pane"
        case .calls: "Calls pane"
        case .stubs: "Stubs pane"
        case .replay: "Replay"
        case .console: "Console (while typing)"
        }
    }
}
