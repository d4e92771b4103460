/// Decides when to draw: only when something changed, and at most `maximumFramesPerSecond`
/// times a second.
///
/// Pure logic over timestamps the caller passes in (any monotonic clock, as a `Duration` since
/// an arbitrary origin), so it is tested without sleeping. The intended loop:
///
/// ```swift
/// let now = clock.now - start
/// if limiter.shouldDraw(at: now) { backend.draw(render(state)); limiter.didDraw(at: now) }
/// let wait = limiter.delayUntilNextFrame(at: now) ?? .milliseconds(250)   // idle: just poll input
/// if let event = backend.readEvent(timeoutMs: FrameLimiter.milliseconds(wait)) { ...; limiter.setNeedsRedraw() }
/// ```
public struct FrameLimiter: Hashable, Sendable {
    /// The shortest time between two frames.
    public let minimumInterval: Duration
    /// When the last frame was drawn, if ever.
    public private(set) var lastFrame: Duration?
    /// Whether something changed since the last frame. A new limiter needs its first frame.
    public private(set) var needsRedraw: Bool = true

    /// Creates a limiter allowing at most `maximumFramesPerSecond` frames a second (at least 1).
    public init(maximumFramesPerSecond: Int = 60) {
        minimumInterval = .seconds(1) / max(1, maximumFramesPerSecond)
    }

    /// Records that the screen's content changed and a frame is due.
    public mutating func setNeedsRedraw() {
        needsRedraw = true
    }

    /// Whether to draw now: something changed and the minimum interval has passed (a clock
    /// that went backwards counts as time having passed, so a frame is never held back forever).
    public func shouldDraw(at now: Duration) -> Bool {
        guard needsRedraw else { return false }
        guard let lastFrame else { return true }
        return now - lastFrame >= minimumInterval || now < lastFrame
    }

    /// Records that a frame was drawn at `now`.
    public mutating func didDraw(at now: Duration) {
        lastFrame = now
        needsRedraw = false
    }

    /// How long until a frame may be drawn: `nil` when nothing changed (wait for input as long
    /// as you like), `.zero` when a frame is due now.
    public func delayUntilNextFrame(at now: Duration) -> Duration? {
        guard needsRedraw else { return nil }
        guard let lastFrame, now >= lastFrame else { return .zero }
        return max(.zero, minimumInterval - (now - lastFrame))
    }

    /// `duration` in whole milliseconds, rounded up (so a wait never ends before the frame is
    /// due) and clamped to `0 ... Int32.max`, for ``TerminalBackend/readEvent(timeoutMs:)``.
    public static func milliseconds(_ duration: Duration) -> Int {
        if duration <= .zero { return 0 }
        let (seconds, attoseconds) = duration.components
        if seconds >= Int64(Int32.max) / 1000 { return Int(Int32.max) }
        let millis = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        let remainder = attoseconds % 1_000_000_000_000_000
        return Int(millis + (remainder > 0 ? 1 : 0))
    }
}
