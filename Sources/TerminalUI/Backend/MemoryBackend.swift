/// A terminal in memory, for tests and scripted runs: it keeps what is on its "screen", plays
/// back a queue of scripted input, and can be resized.
///
/// It follows the ``TerminalBackend`` contract exactly (only changed cells are counted as
/// written, resizes produce an event and a full repaint), so an app tested against it behaves
/// the same on a real terminal. ``readEvent(timeoutMs:)`` never waits: it returns the next
/// scripted event, or `nil` at once when the script is exhausted.
public final class MemoryBackend: TerminalBackend {
    /// The current size.
    public private(set) var size: Size
    /// Whether ``start()`` has been called without a matching ``stop()``.
    public private(set) var isStarted = false
    /// What the screen shows: the last frame, cut or padded to ``size``.
    public private(set) var screen: Grid
    /// How many frames were drawn.
    public private(set) var frameCount = 0
    /// The cells the last ``draw(_:)`` wrote (all of them after a resize or ``invalidate()``).
    public private(set) var lastChanges: [CellChange] = []

    private var queue: [TerminalEvent] = []
    private var head = 0
    private var repaintAll = true

    /// Creates a backend of `size` with an empty screen and no input.
    public init(size: Size) {
        self.size = size
        self.screen = Grid(size: size)
    }

    /// Starts the backend.
    public func start() {
        isStarted = true
    }

    /// Stops the backend.
    public func stop() {
        isStarted = false
    }

    /// Presents a frame, recording which cells changed.
    public func draw(_ grid: Grid) {
        guard isStarted else { return }
        let frame = grid.resized(to: size)
        lastChanges = frame.changes(from: repaintAll ? Grid(size: .zero) : screen)
        screen = frame
        frameCount += 1
        repaintAll = false
    }

    /// The next scripted event, or `nil` when there is none (never waits).
    public func readEvent(timeoutMs: Int) -> TerminalEvent? {
        guard isStarted, head < queue.count else { return nil }
        defer {
            head += 1
            if head == queue.count {
                queue.removeAll()
                head = 0
            }
        }
        return queue[head]
    }

    /// Makes the next frame a full repaint.
    public func invalidate() {
        repaintAll = true
    }

    /// The number of scripted events not read yet.
    public var pendingEventCount: Int { queue.count - head }

    /// The screen as text (see ``Grid/rows()``).
    public func rows() -> [String] { screen.rows() }

    /// Adds an event to the input script.
    public func enqueue(_ event: TerminalEvent) {
        queue.append(event)
    }

    /// Adds key presses to the input script.
    public func enqueue(_ keys: Key...) {
        queue.append(contentsOf: keys.map { .key($0) })
    }

    /// Adds the keys a terminal would send for typing `text` (see ``Key/init(typed:)``: `"\r"`
    /// is Enter, `"\u{3}"` is Ctrl-C, and so on).
    public func enqueue(typing text: String) {
        queue.append(contentsOf: text.map { .key(Key(typed: $0)) })
    }

    /// Adds keys given by name (`["j", "PgDn", "Ctrl-C"]`, see ``Key/init(_:)``). Returns
    /// `false`, adding nothing, if a name is not a key.
    @discardableResult
    public func enqueue(keyNames: [String]) -> Bool {
        let keys = keyNames.compactMap(Key.init)
        guard keys.count == keyNames.count else { return false }
        queue.append(contentsOf: keys.map { .key($0) })
        return true
    }

    /// Changes the size as a terminal window resize would: the screen keeps its overlapping
    /// part, a ``TerminalEvent/resize(_:)`` event is queued, and the next frame repaints fully.
    public func resize(to newSize: Size) {
        size = newSize
        screen = screen.resized(to: newSize)
        repaintAll = true
        queue.append(.resize(newSize))
    }
}
