#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import Synchronization

/// Restores the terminal when the process ends without ``CursesBackend/stop()``: on SIGINT,
/// SIGTERM and SIGHUP, and at `exit`.
///
/// How the signal path works, and why it is as safe as it can be:
/// * handlers are installed *before* `newterm`, so ncurses sees a non-default disposition and
///   does not install its own (which would `exit` and lose the signal's exit status);
/// * a signal whose disposition was `SIG_IGN` (for example SIGHUP under `nohup`) is left alone;
/// * the handler does only this: atomically claim the "terminal needs restoring" flag (a
///   lock-free atomic, so async-signal-safe), call `endwin()`, reinstall the previous
///   disposition with `sigaction` (async-signal-safe) and `raise` the signal again (also
///   async-signal-safe), so the process ends exactly as it would have without us. `endwin` is
///   not on POSIX's async-signal-safe list; it only writes the terminal's reset strings and
///   restores the saved tty modes, which is what ncurses' own signal handler does too. It is
///   the accepted cost of leaving a usable terminal behind;
/// * the previous dispositions live in memory allocated once and never freed, read by the
///   handler through a raw pointer (no reference counting, no allocation in the handler).
enum CursesSignals {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Whether the terminal must be restored (a terminal-mode backend is running).
    static let terminalActive = Atomic<Bool>(false)

    private static let handlersInstalled = Atomic<Bool>(false)
    private static let exitHookRegistered = Atomic<Bool>(false)

    /// Installs the handlers and the exit hook. Call on the backend's thread before `newterm`.
    static func install() {
        if !exitHookRegistered.exchange(true, ordering: .sequentiallyConsistent) {
            atexit {
                if CursesSignals.terminalActive.exchange(false, ordering: .sequentiallyConsistent) {
                    endwin()
                }
            }
        }
        guard !handlersInstalled.exchange(true, ordering: .sequentiallyConsistent) else { return }
        for (slot, signal) in signals.enumerated() {
            var current = sigaction()
            sigaction(signal, nil, &current)
            savedActions.storage[slot] = current
            if CursesSignals.isIgnored(current) {
                savedValid.storage[slot] = false
                continue
            }
            savedValid.storage[slot] = true
            var action = sigaction()
            CursesSignals.setHandler(&action, restoreTerminalAndReraise)
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    /// Puts back the dispositions that were in place before ``install()``.
    static func uninstall() {
        guard handlersInstalled.exchange(false, ordering: .sequentiallyConsistent) else { return }
        for (slot, signal) in signals.enumerated() where savedValid.storage[slot] {
            sigaction(signal, savedActions.storage + slot, nil)
        }
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        #if os(Linux)
        return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1  // SIG_IGN
        #else
        return unsafeBitCast(action.__sigaction_u.__sa_handler, to: Int.self) == 1  // SIG_IGN
        #endif
    }

    private static func setHandler(_ action: inout sigaction, _ handler: @convention(c) (Int32) -> Void) {
        #if os(Linux)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
    }
}

/// A fixed block of memory that is never freed, shared with the signal handler.
///
/// `@unchecked Sendable` is safe because the block is written only by ``CursesSignals/install()``
/// on the backend's thread *before* the handler that reads it is installed (the `sigaction`
/// system call orders the writes before any delivery), and never written while handlers are
/// installed; the handler only reads. The pointer itself never changes.
private struct SignalSlots<Element>: @unchecked Sendable {
    let storage: UnsafeMutablePointer<Element>

    init(count: Int, initial: Element) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: initial, count: count)
    }
}

private let savedActions = SignalSlots(count: 3, initial: sigaction())
private let savedValid = SignalSlots(count: 3, initial: false)

/// The signal handler; see ``CursesSignals`` for why each step is there.
private func restoreTerminalAndReraise(_ number: Int32) {
    if CursesSignals.terminalActive.exchange(false, ordering: .sequentiallyConsistent) {
        endwin()
    }
    let slot: Int
    switch number {
    case SIGINT: slot = 0
    case SIGTERM: slot = 1
    default: slot = 2
    }
    // The signal stays blocked until this handler returns, so the re-raised signal is delivered
    // to the previous disposition (usually the default: terminate) right after we return.
    sigaction(number, savedActions.storage + slot, nil)
    raise(number)
}
