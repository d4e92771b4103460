import TerminalUI

/// What a key asks for. Keymaps bind keys to actions; `update` carries actions out. Keeping the
/// two apart is what lets one table drive both the handling and the `?` help.
public enum InspectorAction: Hashable, Sendable {
    // Global
    /// Show or hide the help screen.
    case help
    /// Quit (restoring the terminal).
    case quit
    /// Back out: close help, stop editing, clear the filter, leave zoom.
    case back
    /// Focus the next pane.
    case nextPane
    /// Focus the previous pane.
    case previousPane
    /// Focus a pane by number.
    case focus(Pane)
    /// Focus the console.
    case console
    /// Focus the console with `:` typed, for a command.
    case command
    /// Edit the focused pane's filter.
    case filter
    /// Let the focused pane fill the screen, or stop.
    case zoom
    /// Pause or resume following the log (live) or playing (replay).
    case pause
    /// Jump to the newest event and follow it.
    case follow
    /// Repaint the whole screen.
    case redraw

    // Lists and trees
    /// Move the selection.
    case move(ListMovement)
    /// Collapse the selected node (or go to its parent).
    case collapse
    /// Expand the selected node (or go to its first child).
    case expand
    /// Inspect the selected row (on a method: pre-fill the console).
    case inspect

    // Calls
    /// Switch between tree and timeline.
    case toggleTimeline

    // Stubs
    /// Dispose the selected stub, as its holder would.
    case disposeStub
    /// Dup the selected stub.
    case dupStub
    /// Pre-fill the console with a call on the selected stub.
    case callStub

    // Replay
    /// Move the time cursor to the next step.
    case stepForward
    /// Move the time cursor to the previous step.
    case stepBack
    /// Play or pause.
    case play
    /// Play slower.
    case slower
    /// Play faster.
    case faster
    /// Back to the start.
    case restart

    // Console
    /// Run the console line.
    case submit
    /// Complete the name before the cursor.
    case complete
    /// The previous console line.
    case historyPrevious
    /// The next console line.
    case historyNext
}
