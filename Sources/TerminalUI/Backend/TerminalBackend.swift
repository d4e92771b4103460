/// Where frames go and where input comes from: a real terminal or a test double.
///
/// The app drives a backend from one thread in a synchronous loop: ``start()``, then
/// repeatedly ``readEvent(timeoutMs:)`` and ``draw(_:)``, then ``stop()``. Backends are not
/// `Sendable`; keep each on the thread that created it.
///
/// Guarantees every implementation gives:
/// * ``draw(_:)`` presents the whole frame, but writes only the cells that differ from the
///   previous frame; a grid of the wrong size is cut or padded to ``size``;
/// * after a resize, ``size`` is the new size and a ``TerminalEvent/resize(_:)`` is reported,
///   and the next frame is painted in full;
/// * calls before ``start()`` or after ``stop()`` do nothing (`readEvent` returns `nil`).
public protocol TerminalBackend: AnyObject {
    /// The current terminal size.
    var size: Size { get }

    /// Takes over the terminal (or starts the test double). Calling it twice does nothing.
    func start() throws

    /// Gives the terminal back as it was. Safe to call more than once.
    func stop()

    /// Presents `grid` as the new frame.
    func draw(_ grid: Grid)

    /// Waits up to `timeoutMs` milliseconds (0: just poll; negative: wait as long as it takes)
    /// for input; `nil` when nothing usable arrived.
    func readEvent(timeoutMs: Int) -> TerminalEvent?

    /// Forgets what is on screen, so the next ``draw(_:)`` repaints every cell (for Ctrl-L, or
    /// after something else wrote to the terminal).
    func invalidate()
}
