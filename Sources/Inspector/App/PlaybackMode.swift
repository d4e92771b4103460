/// Where the log comes from, which decides what the time cursor does.
public enum PlaybackMode: Hashable, Sendable {
    /// A finished recording: the cursor steps between `step` events, Space plays it.
    case replay
    /// A running session: the log grows as the console runs statements, and the cursor follows
    /// the newest event unless paused.
    case live
}
