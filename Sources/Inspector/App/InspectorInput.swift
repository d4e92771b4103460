import RPCEngine
import TerminalUI

/// Everything that can happen to the inspector: all of it goes through `update`.
public enum InspectorInput: Sendable {
    /// A key, mouse action or resize.
    case terminal(TerminalEvent)
    /// Time passed: a monotonic clock reading in milliseconds (drives playback).
    case tick(milliseconds: Int)
    /// The log now holds `count` events (it only grows); fold up to there.
    case logGrew(count: Int)
    /// The host replaced the log (after `:load`), with a new title.
    case logReplaced(EventLog, title: String)
    /// What an effect produced, reported back by the host.
    case effectResult(EffectResult)
}
