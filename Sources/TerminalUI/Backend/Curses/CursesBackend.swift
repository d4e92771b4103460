#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import Synchronization

/// A ``TerminalBackend`` on ncurses (wide-character build): the real terminal, or an
/// off-screen terminal over `/dev/null` for tests.
///
/// **Isolation.** ncurses is one global, thread-unsafe state machine, so this is a plain
/// `final class` confined to the thread that created it: every public method checks
/// `pthread_self()` with a precondition, and a process-wide atomic flag lets only one curses
/// backend run at a time (``TerminalError/alreadyActive``). A synchronous class fits the
/// intended use — one thread running a synchronous loop of `readEvent` and `draw` — where an
/// actor would force every key press and frame through `await` for no benefit, and could not
/// guarantee that curses calls stay on one OS thread anyway. The class is not `Sendable`, so
/// the compiler stops it from being shared across isolation domains.
///
/// **What start does.** `setlocale(LC_ALL, "")` (falling back to `C.UTF-8` when the codeset is
/// not UTF-8, since curses shows non-ASCII glyphs as blanks otherwise; `LC_NUMERIC` is kept at
/// "C" so number formatting stays stable), `newterm` on the terminal (or on `/dev/null`),
/// raw mode, no echo, keypad, `set_escdelay(25)` so Esc is snappy, colours with
/// `use_default_colors` when available, and mouse reporting if asked for.
///
/// **Drawing.** Only cells that differ from the previously presented frame are written, with
/// `setcchar` + `mvwadd_wch` so wide characters and combining marks work, then one
/// `wnoutrefresh` + `doupdate`. The terminal cursor is shown only where the frame asks.
///
/// **Restoring the terminal.** `endwin` runs on ``stop()``, on `deinit`, on SIGINT, SIGTERM and
/// SIGHUP, and at `exit` (see ``CursesSignals`` for how the signal path stays safe).
public final class CursesBackend: TerminalBackend {
    private enum Mode {
        case terminal
        case offscreen(Size)
    }

    private let mode: Mode
    private let theme: Theme
    private let mouseRequested: Bool
    private let owner: pthread_t

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var nullOutput: UnsafeMutablePointer<FILE>?
    private var nullInput: UnsafeMutablePointer<FILE>?
    private var palette: CursesPalette?
    private var input = CursesInput()
    private var previous: Grid?
    private var cursorShown: Bool?

    /// The current terminal size.
    public private(set) var size: Size = .zero
    /// Whether the backend is running.
    public private(set) var isStarted = false
    /// Whether mouse reporting is on (it was requested and the terminal supports it).
    public private(set) var mouseEnabled = false
    /// Whether styles are drawn in colour (the terminal has colours and the theme uses them).
    public var colorsEnabled: Bool { palette?.colorsEnabled ?? false }
    /// How many cells the last ``draw(_:)`` wrote.
    public private(set) var lastWriteCount = 0

    /// Only one curses backend may run in a process at a time.
    private static let claimed = Atomic<Bool>(false)

    /// Creates a backend for the process's terminal (standard input and output).
    ///
    /// - Parameters:
    ///   - theme: how roles look; by default ``Theme/noColor`` when `NO_COLOR` is set and
    ///     non-empty, ``Theme/standard`` otherwise.
    ///   - mouse: whether to ask the terminal for mouse clicks and wheel events.
    public init(theme: Theme? = nil, mouse: Bool = true) {
        self.mode = .terminal
        self.theme = theme ?? CursesBackend.environmentTheme()
        self.mouseRequested = mouse
        self.owner = pthread_self()
    }

    /// Creates a backend that renders to an off-screen terminal of `size` over `/dev/null`
    /// (terminal type `xterm-256color`, no input), for tests of the real curses path without a
    /// pty. Read what curses holds with ``screenRows()`` and ``screenCell(at:)``.
    public init(offscreen size: Size, theme: Theme = .standard) {
        self.mode = .offscreen(size)
        self.theme = theme
        self.mouseRequested = false
        self.owner = pthread_self()
    }

    deinit {
        // A backend dropped without stop() must still give the terminal back. The thread check
        // is skipped here: restoring the terminal from any thread beats leaving it raw.
        teardown()
    }

    // MARK: - TerminalBackend

    /// Takes over the terminal; see the type's documentation for the steps.
    ///
    /// - Throws: ``TerminalError/notATerminal`` when standard input or output is not a terminal,
    ///   ``TerminalError/alreadyActive`` when another curses backend runs, and
    ///   ``TerminalError/initializationFailed(_:)`` when curses cannot open the screen.
    public func start() throws {
        checkThread()
        guard !isStarted else { return }
        if case .terminal = mode, isatty(0) != 1 || isatty(1) != 1 {
            throw TerminalError.notATerminal
        }
        guard !CursesBackend.claimed.exchange(true, ordering: .sequentiallyConsistent) else {
            throw TerminalError.alreadyActive
        }
        CursesBackend.prepareLocale()
        switch mode {
        case .terminal:
            CursesSignals.install()
            screen = newterm(nil, cn_stdout(), cn_stdin())
            guard screen != nil else {
                CursesSignals.uninstall()
                CursesBackend.claimed.store(false, ordering: .sequentiallyConsistent)
                let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
                throw TerminalError.initializationFailed("newterm could not open the terminal (TERM=\(term))")
            }
        case .offscreen(let size):
            nullOutput = fopen("/dev/null", "w")
            nullInput = fopen("/dev/null", "r")
            if let nullOutput, let nullInput {
                screen = "xterm-256color".withCString { newterm(UnsafeMutablePointer(mutating: $0), nullOutput, nullInput) }
            }
            guard screen != nil else {
                closeNullFiles()
                CursesBackend.claimed.store(false, ordering: .sequentiallyConsistent)
                throw TerminalError.initializationFailed(
                    "newterm(\"xterm-256color\") over /dev/null failed (is the xterm-256color terminfo entry installed?)")
            }
            set_term(screen)
            resizeterm(Int32(clamping: size.height), Int32(clamping: size.width))
            flushinp()  // resizeterm queued a KEY_RESIZE; the starting size is not a resize
        }
        set_term(screen)
        let window = cn_stdscr()
        self.window = window
        raw()
        noecho()
        keypad(window, true)
        set_escdelay(25)
        leaveok(window, false)

        var colors = false
        var defaults = false
        if has_colors() && theme.usesColor && start_color() != ERR {
            colors = true
            defaults = use_default_colors() != ERR
        }
        palette = CursesPalette(
            theme: theme, colorsEnabled: colors, defaultColorsAvailable: defaults, colorCount: Int(cn_colors()),
            pairCount: Int(cn_color_pairs()))

        input = CursesInput(ctrlLeftCode: CursesBackend.keyCode("kLFT5"), ctrlRightCode: CursesBackend.keyCode("kRIT5"))
        if mouseRequested {
            mouseEnabled = mousemask(CursesInput.reportedMouseEvents, nil) != 0
        }
        size = Size(width: Int(cn_getmaxx(window)), height: Int(cn_getmaxy(window)))
        previous = nil
        cursorShown = nil
        isStarted = true
        if case .terminal = mode {
            CursesSignals.terminalActive.store(true, ordering: .sequentiallyConsistent)
        }
    }

    /// Restores the terminal (`endwin`) and releases curses. Safe to call more than once.
    public func stop() {
        checkThread()
        teardown()
    }

    /// Presents `grid`, writing only the cells that changed since the last frame.
    public func draw(_ grid: Grid) {
        checkThread()
        guard isStarted, let window, var palette else { return }
        let frame = grid.resized(to: size)
        let changes = frame.changes(from: previous ?? Grid(size: .zero))
        var written = 0
        for change in changes where !change.cell.isContinuation {
            write(change.cell, at: change.point, window: window, palette: &palette)
            written += 1
        }
        self.palette = palette
        if let cursor = frame.cursor {
            setCursorVisible(true)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            setCursorVisible(false)
        }
        wnoutrefresh(window)
        doupdate()
        previous = frame
        lastWriteCount = written
    }

    /// Waits up to `timeoutMs` for input and returns it as an event; see
    /// ``TerminalBackend/readEvent(timeoutMs:)``. A terminal resize updates ``size`` and makes
    /// the next frame a full repaint. Esc followed at once by a character is reported as Alt
    /// plus that character.
    public func readEvent(timeoutMs: Int) -> TerminalEvent? {
        checkThread()
        guard isStarted, let window else { return nil }
        wtimeout(window, timeoutMs < 0 ? -1 : Int32(clamping: timeoutMs))
        var value: wint_t = 0
        let status = wget_wch(window, &value)
        if status == KEY_CODE_YES {
            return functionKeyEvent(Int32(bitPattern: value))
        }
        guard status == OK else {
            // curses answers ERR both when no key came before the timeout and when the input
            // cannot be read any more; only the second is a hangup.
            if case .terminal = mode, CursesBackend.inputHungUp(fd: STDIN_FILENO) { return .hangup }
            return nil
        }
        if value == 0x1B {
            return escapeOrAlt(window: window)
        }
        return input.key(forCharacter: UInt32(value)).map { .key($0) }
    }

    /// Whether input descriptor `fd` has hung up or is unusable (`poll` reports `POLLHUP`,
    /// `POLLERR` or `POLLNVAL`), asked without waiting. A descriptor that merely has nothing to
    /// read, or is at the end of a file such as `/dev/null`, has not hung up.
    public static func inputHungUp(fd: Int32) -> Bool {
        var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, 0) >= 0 else { return false }
        return request.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Makes the next ``draw(_:)`` repaint every cell and clear the physical screen first.
    public func invalidate() {
        checkThread()
        previous = nil
        if isStarted { clearok(cn_curscr(), true) }
    }

    /// Off-screen only: resizes the virtual terminal as a window resize would, so the next
    /// ``readEvent(timeoutMs:)`` reports ``TerminalEvent/resize(_:)`` through curses' own
    /// `KEY_RESIZE` path. Does nothing on a real terminal (only the user resizes that).
    public func simulateResize(to newSize: Size) {
        checkThread()
        guard isStarted, case .offscreen = mode else { return }
        resizeterm(Int32(clamping: newSize.height), Int32(clamping: newSize.width))
    }

    // MARK: - Read-back of what curses holds

    /// The rows curses believes are on screen (its `curscr`), as text with trailing spaces
    /// trimmed; each wide character appears once. Empty when not started.
    public func screenRows() -> [String] {
        checkThread()
        guard isStarted else { return [] }
        let physical = cn_curscr()
        let (savedY, savedX) = (getcury(physical), getcurx(physical))
        defer { wmove(physical, savedY, savedX) }
        let width = Int(cn_getmaxx(physical))
        var buffer = [wchar_t](repeating: 0, count: width + 1)
        return (0..<Int(cn_getmaxy(physical))).map { y in
            let count = mvwinnwstr(physical, Int32(y), 0, &buffer, Int32(width))
            var text = ""
            for index in 0..<max(0, Int(count)) {
                if let scalar = Unicode.Scalar(UInt32(bitPattern: buffer[index])) {
                    text.unicodeScalars.append(scalar)
                }
            }
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// The cell curses believes is on screen at `point` (its `curscr`): characters, attributes
    /// and colour pair; `nil` outside the screen or when not started.
    public func screenCell(at point: Point) -> CursesScreenCell? {
        checkThread()
        guard isStarted, Rect(size: size).contains(point) else { return nil }
        let physical = cn_curscr()
        let (savedY, savedX) = (getcury(physical), getcurx(physical))
        defer { wmove(physical, savedY, savedX) }
        var cell = cchar_t()
        guard mvwin_wch(physical, Int32(point.y), Int32(point.x), &cell) != ERR else { return nil }
        var characters = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        guard getcchar(&cell, &characters, &attributes, &pair, nil) != ERR else { return nil }
        var text = ""
        for value in characters.prefix(while: { $0 != 0 }) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { text.unicodeScalars.append(scalar) }
        }
        var decoded: TextAttributes = []
        if attributes & cn_a_bold() != 0 { decoded.insert(.bold) }
        if attributes & cn_a_reverse() != 0 { decoded.insert(.reverse) }
        if attributes & cn_a_underline() != 0 { decoded.insert(.underline) }
        if attributes & cn_a_dim() != 0 { decoded.insert(.dim) }
        return CursesScreenCell(text: text, attributes: decoded, colorPair: Int(pair))
    }

    // MARK: - Internals

    private func checkThread() {
        precondition(pthread_equal(owner, pthread_self()) != 0, "CursesBackend used from a thread other than the one that created it")
    }

    private func teardown() {
        guard isStarted else { return }
        isStarted = false
        if case .terminal = mode {
            CursesSignals.terminalActive.store(false, ordering: .sequentiallyConsistent)
        }
        if mouseEnabled { mousemask(0, nil) }
        curs_set(1)
        endwin()
        if case .terminal = mode { CursesSignals.uninstall() }
        delscreen(screen)
        screen = nil
        window = nil
        palette = nil
        previous = nil
        mouseEnabled = false
        closeNullFiles()
        fflush(nil)
        CursesBackend.claimed.store(false, ordering: .sequentiallyConsistent)
    }

    private func closeNullFiles() {
        if let nullOutput { fclose(nullOutput) }
        if let nullInput { fclose(nullInput) }
        nullOutput = nil
        nullInput = nil
    }

    private func write(_ cell: Cell, at point: Point, window: UnsafeMutablePointer<WINDOW>, palette: inout CursesPalette) {
        let (attributes, pair) = palette.resolve(cell.style)
        var character = cell.character
        var padAfter = false
        // Our width table and the C library's can disagree on rare characters. Never let curses
        // lay out a character wider than the grid did; pad if it lays it out narrower.
        let libraryWidth = cell.character.unicodeScalars.first.map { cn_wcwidth(wchar_t(bitPattern: $0.value)) } ?? 1
        if libraryWidth > cell.width {
            character = "\u{FFFD}"
        } else if cell.isWide && libraryWidth == 1 {
            padAfter = true
        }
        var wide: [wchar_t] = character.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        var complex = cchar_t()
        setcchar(&complex, wide, attributes, pair, nil)
        mvwadd_wch(window, Int32(point.y), Int32(point.x), &complex)
        if padAfter {
            var space = cchar_t()
            setcchar(&space, [wchar_t(0x20), 0], attributes, pair, nil)
            mvwadd_wch(window, Int32(point.y), Int32(point.x + 1), &space)
        }
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorShown != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorShown = visible
    }

    private func functionKeyEvent(_ code: Int32) -> TerminalEvent? {
        switch code {
        case KEY_RESIZE:
            guard let window else { return nil }
            size = Size(width: Int(cn_getmaxx(window)), height: Int(cn_getmaxy(window)))
            previous = nil
            return .resize(size)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            return input.mouseEvent(state: event.bstate, x: event.x, y: event.y).map { .mouse($0) }
        default:
            return input.key(forCode: code).map { .key($0) }
        }
    }

    private func escapeOrAlt(window: UnsafeMutablePointer<WINDOW>) -> TerminalEvent {
        wtimeout(window, 0)
        var next: wint_t = 0
        let status = wget_wch(window, &next)
        if status == OK, let key = input.key(forCharacter: UInt32(next)), case .character(let c) = key {
            return .key(.alt(c))
        }
        if status == OK {
            unget_wch(wchar_t(bitPattern: next))
        } else if status == KEY_CODE_YES {
            ungetch(Int32(bitPattern: next))
        }
        return .key(.escape)
    }

    private static func keyCode(_ capability: String) -> Int32? {
        let code = capability.withCString { key_defined($0) }
        return code > 0 ? code : nil
    }

    private static func environmentTheme() -> Theme {
        let value = getenv("NO_COLOR").map { String(cString: $0) }
        return Theme.forEnvironment(value.map { ["NO_COLOR": $0] } ?? [:])
    }

    /// Selects the user's locale so curses can show UTF-8, falling back to C.UTF-8 when the
    /// user's codeset is not UTF-8; keeps number formatting in the C locale.
    private static func prepareLocale() {
        setlocale(LC_ALL, "")
        if !isUTF8Codeset() {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil {
                setlocale(LC_CTYPE, "en_US.UTF-8")
            }
        }
        setlocale(LC_NUMERIC, "C")
    }

    private static func isUTF8Codeset() -> Bool {
        guard let codeset = cn_codeset() else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }
}
