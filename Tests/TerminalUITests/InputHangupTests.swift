#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

@testable import TerminalUI

/// `CursesBackend.inputHungUp(fd:)`: how a backend tells "no key yet" from "the terminal is
/// gone" (``TerminalEvent/hangup``) when curses answers ERR for both.
@Suite struct InputHangupTests {
    @Test func aPipeWhoseWriterClosedHasHungUp() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]) }
        #expect(!CursesBackend.inputHungUp(fd: fds[0]), "open and empty: nothing to read yet")
        close(fds[1])
        #expect(CursesBackend.inputHungUp(fd: fds[0]))
    }

    @Test func endOfFileIsNotAHangup() throws {
        let fd = open("/dev/null", O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        #expect(!CursesBackend.inputHungUp(fd: fd))
    }

    /// A descriptor that is not open (a number far past any this process opens, so no
    /// test running alongside can reuse it) is unusable: `POLLNVAL`.
    @Test func aDescriptorThatIsNotOpenHasHungUp() {
        #expect(CursesBackend.inputHungUp(fd: 1_000_000))
    }
}
