/// How ``InspectorApp`` runs.
public struct InspectorOptions: Hashable, Sendable {
    /// The most frames drawn per second.
    public var maximumFramesPerSecond: Int
    /// How long to wait for a key when nothing is going on, in ms (the host is pumped at least
    /// this often).
    public var idleTimeoutMs: Int

    /// Creates options.
    public init(maximumFramesPerSecond: Int = 60, idleTimeoutMs: Int = 100) {
        self.maximumFramesPerSecond = maximumFramesPerSecond
        self.idleTimeoutMs = idleTimeoutMs
    }
}
