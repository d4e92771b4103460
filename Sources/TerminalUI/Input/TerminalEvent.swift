/// Something the terminal reports: a key, a mouse action, or a new size.
///
/// A resize is an event rather than a key because it carries the new size, which is all an
/// app needs to lay itself out again.
public enum TerminalEvent: Hashable, Sendable {
    /// A key was pressed.
    case key(Key)
    /// The mouse did something.
    case mouse(MouseEvent)
    /// The terminal now has this size.
    case resize(Size)
    /// The terminal is gone: its input hung up (the window or the multiplexer holding it was
    /// closed) or can no longer be read. Nothing more will arrive; a program should stop.
    /// Without this a loop reading keys would spin, every read failing at once.
    case hangup
}
