import Testing
import TerminalUI

struct FrameLimiterTests {
    @Test func the_first_frame_is_due_at_once_and_an_idle_screen_is_never_redrawn() {
        var limiter = FrameLimiter()
        #expect(limiter.shouldDraw(at: .zero))
        #expect(limiter.delayUntilNextFrame(at: .zero) == .zero)
        limiter.didDraw(at: .zero)
        #expect(!limiter.shouldDraw(at: .seconds(10)))
        #expect(limiter.delayUntilNextFrame(at: .seconds(10)) == nil)
    }

    @Test func a_change_soon_after_a_frame_waits_for_the_interval() {
        var limiter = FrameLimiter(maximumFramesPerSecond: 50)  // 20 ms
        limiter.didDraw(at: .milliseconds(100))
        limiter.setNeedsRedraw()
        #expect(!limiter.shouldDraw(at: .milliseconds(105)))
        #expect(limiter.delayUntilNextFrame(at: .milliseconds(105)) == .milliseconds(15))
        #expect(limiter.shouldDraw(at: .milliseconds(120)))
        #expect(limiter.delayUntilNextFrame(at: .milliseconds(130)) == .zero)
        #expect(limiter.shouldDraw(at: .milliseconds(50)))  // the clock went backwards: do not stall
    }

    @Test func constant_changes_give_at_most_sixty_frames_a_second() {
        var limiter = FrameLimiter()
        var frames = 0
        for millisecond in 0..<1000 {
            let now = Duration.milliseconds(millisecond)
            limiter.setNeedsRedraw()
            if limiter.shouldDraw(at: now) {
                frames += 1
                limiter.didDraw(at: now)
            }
        }
        // 1/60 s is 16.67 ms, so with 1 ms steps frames land every 17 ms: 0, 17, ..., 986.
        #expect(frames == 59)
    }

    @Test func waits_convert_to_whole_milliseconds_rounded_up() {
        #expect(FrameLimiter.milliseconds(.milliseconds(5)) == 5)
        #expect(FrameLimiter.milliseconds(.microseconds(16_667)) == 17)
        #expect(FrameLimiter.milliseconds(.zero) == 0)
        #expect(FrameLimiter.milliseconds(.milliseconds(-3)) == 0)
        #expect(FrameLimiter.milliseconds(.seconds(100_000_000)) == Int(Int32.max))
    }
}
