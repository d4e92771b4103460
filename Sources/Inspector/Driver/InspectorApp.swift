import RPCEngine
import TerminalUI

/// The inspector's driver: a synchronous loop on one thread that pumps the host's runtime,
/// reads input with a timeout, updates the state, carries out effects through the host, and
/// draws — at most ``InspectorOptions/maximumFramesPerSecond`` times a second, and not at all
/// while nothing changes (``FrameLimiter``).
///
/// It never blocks the runtime: the host drives its runtime in ``InspectorHost/pump()`` between
/// frames, and input waits are short whenever the host is busy or playback runs. The backend is
/// stopped — the terminal restored — on every exit path of ``run()`` (signals are the backend's
/// business).
///
/// For tests, ``processPendingInput()`` handles whatever input is queued (on a backend whose
/// `readEvent` does not wait, such as `MemoryBackend`) and draws the result.
public final class InspectorApp {
    /// The state, as of the last input.
    public private(set) var state: InspectorState
    private let host: any InspectorHost
    private let backend: any TerminalBackend
    private let options: InspectorOptions
    private var limiter: FrameLimiter
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant
    private var drawnRevision = -1

    /// Creates an app for `host` on `backend` (not started yet).
    public init(host: any InspectorHost, backend: any TerminalBackend, options: InspectorOptions = InspectorOptions()) {
        self.host = host
        self.backend = backend
        self.options = options
        limiter = FrameLimiter(maximumFramesPerSecond: options.maximumFramesPerSecond)
        origin = clock.now
        state = InspectorState(log: host.log, title: host.title, mode: host.isReplay ? .replay : .live, size: backend.size)
        state.slowMotion = host.slowMotion
    }

    /// Runs the inspector on `host` until the user quits. The terminal is restored however the
    /// loop ends.
    public static func run(host: any InspectorHost, backend: any TerminalBackend, options: InspectorOptions = InspectorOptions()) throws {
        try InspectorApp(host: host, backend: backend, options: options).run()
    }

    /// Starts the backend, loops until quit, stops the backend.
    public func run() throws {
        try backend.start()
        defer { backend.stop() }
        send(.terminal(.resize(backend.size)))
        while !state.quitRequested {
            iterate(wait: true)
        }
    }

    /// Starts the backend if needed, handles every queued input (without waiting), and draws.
    /// Returns whether the user asked to quit. For scripted runs on `MemoryBackend`.
    ///
    /// It never waits for a busy host: it stops once a turn reads no input and the host's pump
    /// changed nothing (no output, no new events), so a statement sleeping on a wall clock stays
    /// running until a later call pumps past its deadline.
    @discardableResult
    public func processPendingInput() throws -> Bool {
        try backend.start()
        if state.size != backend.size { send(.terminal(.resize(backend.size))) }
        while !state.quitRequested && iterate(wait: false) {}
        draw(force: true)
        return state.quitRequested
    }

    /// Feeds one input to the state and carries out the effects (and their results).
    public func send(_ input: InspectorInput) {
        var queue = [input]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in state.update(next) {
                if let result = perform(effect) { queue.append(result) }
            }
        }
    }

    private var now: Int {
        let elapsed = clock.now - origin
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }

    /// One turn of the loop: pump, sync the log, tick, draw, read one input. Returns whether
    /// anything happened: an input was read, or the pump brought outputs or events.
    @discardableResult
    private func iterate(wait: Bool) -> Bool {
        let known = host.log.count
        let outputs = host.pump()
        for output in outputs { send(.effectResult(.console(output))) }
        let pumped = !outputs.isEmpty || host.log.count != known
        syncLog()
        if state.playing { send(.tick(milliseconds: now)) }
        draw(force: false)
        let timeout: Int
        if !wait {
            timeout = 0
        } else if state.playing || host.isBusy {
            timeout = min(16, FrameLimiter.milliseconds(limiter.delayUntilNextFrame(at: clock.now - origin) ?? .milliseconds(16)))
        } else {
            let frame = limiter.delayUntilNextFrame(at: clock.now - origin).map(FrameLimiter.milliseconds)
            timeout = frame ?? options.idleTimeoutMs
        }
        guard let event = backend.readEvent(timeoutMs: timeout) else { return pumped }
        send(.terminal(event))
        return true
    }

    private func syncLog() {
        let log = host.log
        if log !== state.timeline.log {
            send(.logReplaced(log, title: host.title))
        } else if log.count > state.timeline.known {
            send(.logGrew(count: log.count))
        }
    }

    private func draw(force: Bool) {
        if state.revision != drawnRevision { limiter.setNeedsRedraw() }
        let at = clock.now - origin
        guard force ? limiter.needsRedraw : limiter.shouldDraw(at: at) else { return }
        backend.draw(InspectorRenderer.render(state, size: backend.size))
        limiter.didDraw(at: at)
        drawnRevision = state.revision
    }

    /// Carries out an effect through the host; returns the input that reports its result.
    private func perform(_ effect: InspectorEffect) -> InspectorInput? {
        func attempt(_ done: String, _ body: () throws -> Void) -> InspectorInput {
            do {
                try body()
                return .effectResult(.done(done))
            } catch {
                return .effectResult(.failed("\(error)"))
            }
        }
        switch effect {
        case .runConsole(let line):
            let output = host.run(consoleLine: line)
            syncLog()
            return output == .running ? nil : .effectResult(.console(output))
        case .newRequest:
            return attempt("started a new request") { try host.newRequest() }
        case .save(let path):
            return attempt("saved \(path)") { try host.save(path: path) }
        case .load(let path):
            let result = attempt("loaded \(path)") { try host.load(path: path) }
            syncLog()
            return result
        case .exportPerfetto(let path):
            return attempt("exported \(path)") { try host.exportPerfetto(path: path) }
        case .dispose(let stub):
            return attempt("disposed \(stub)") { try host.dispose(stub: stub) }
        case .dup(let stub):
            return attempt("dup of \(stub) made") { try host.dup(stub: stub) }
        case .redraw:
            backend.invalidate()
            limiter.setNeedsRedraw()
            return nil
        case .quit:
            return nil
        }
    }
}
