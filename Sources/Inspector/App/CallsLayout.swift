/// How the Calls pane draws calls (`t` switches).
public enum CallsLayout: Hashable, Sendable {
    /// Caller → callee tree with callbacks nested under the call they ran in.
    case tree
    /// A waterfall on one time axis, with waitUntil tasks as bars that may outlive their call.
    case timeline
}
