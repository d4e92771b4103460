/// A scenario's `step` event: the narration boundary the replay cursor stops at.
public struct StepMark: Sendable, Equatable {
    /// The seq of the `step` event.
    public let seq: Int
    /// The narration text.
    public let text: String
    /// The scenario line, when the event has one.
    public let line: Int?

    /// Creates a mark.
    public init(seq: Int, text: String, line: Int?) {
        self.seq = seq
        self.text = text
        self.line = line
    }
}
