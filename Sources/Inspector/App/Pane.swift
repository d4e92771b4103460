/// The six panes, numbered as the keys `1`–`6` that jump to them.
public enum Pane: Int, CaseIterable, Hashable, Sendable, Comparable {
    case workers = 1, calls, stubs, tasks, details, events

    /// The name in titles and tab strips.
    public var name: String {
        switch self {
        case .workers: "Workers"
        case .calls: "Calls"
        case .stubs: "Stubs"
        case .tasks: "Tasks"
        case .details: "Inspector"
        case .events: "Events"
        }
    }

    /// `"1 Workers"`: the number key and the name.
    public var numberedName: String { "\(rawValue) \(name)" }

    /// Whether the pane sits in the left column (these become tabs below 120×32).
    public var isLeftColumn: Bool { self == .workers || self == .stubs || self == .tasks }

    /// The left-column panes, in tab order.
    public static let leftColumn: [Pane] = [.workers, .stubs, .tasks]

    /// Orders panes by number.
    public static func < (a: Pane, b: Pane) -> Bool { a.rawValue < b.rawValue }
}
