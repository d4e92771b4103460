import Foundation
import Subprocess
import Testing

/// The real binary in a real terminal: `switchboard` in tmux at 120×40, driven with
/// `send-keys` and read with `capture-pane`, as a person would use it.
///
/// Waiting here polls the screen until the expected text appears (bounded at 20 s): the binary
/// runs in another process, so there is nothing to await. The test runs its own tmux server
/// (`-L`, a socket of its own) and kills it at the end, so it never touches a user's sessions
/// and leaves nothing behind. tmux is started through swift-subprocess, which resets the
/// signal mask and waits on a pidfd: Foundation's `Process` started tmux from a test thread
/// with every signal blocked (a server that could not be stopped) and once never saw the
/// client exit, which hung the whole test run.
@Suite(.serialized, .timeLimit(.minutes(2))) struct EndToEndTmuxTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let socket = "switchboard-e2e-\(getpid())"

    static func tmuxPath() -> String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tmux command on the test's own server. Only `capture-pane` reads output: a
    /// command that starts the server would hand the server the pipe, and reading it to the
    /// end would never finish.
    @discardableResult
    static func tmux(_ args: [String], readOutput: Bool = false) async throws -> (status: TerminationStatus, output: String) {
        let executable = Executable.path(.init(tmuxPath() ?? "/usr/bin/tmux"))
        let arguments = Arguments(["-L", socket] + args)
        if readOutput {
            let result = try await run(executable, arguments: arguments, output: .string(limit: 1 << 20), error: .discarded)
            return (result.terminationStatus, result.standardOutput)
        }
        let result = try await run(executable, arguments: arguments, output: .discarded, error: .discarded)
        return (result.terminationStatus, "")
    }

    /// Polls `capture-pane` until `predicate` holds; returns the last screen.
    static func screen(_ session: String, until predicate: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(20)
        var last = ""
        while ContinuousClock.now < deadline {
            last = try await tmux(["capture-pane", "-p", "-t", session], readOutput: true).output
            if predicate(last) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        return last
    }

    @Test func tourInARealTerminal() async throws {
        guard Self.tmuxPath() != nil else {
            print("EndToEndTmuxTests skipped: tmux is not installed")
            return
        }
        let binary = Self.root.appendingPathComponent(".build/debug/switchboard").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the binary first (swift build): \(binary)")
        let session = "tour"
        do {
            try await drive(session, binary: binary)
        } catch {
            _ = try? await Self.tmux(["kill-server"])
            throw error
        }
        try await Self.tmux(["kill-server"])
    }

    func drive(_ session: String, binary: String) async throws {
        let command = "cd '\(Self.root.path)' && TERM=xterm-256color '\(binary)'; echo EXITED $?; sleep 30"
        try await Self.tmux(["new-session", "-d", "-s", session, "-x", "120", "-y", "40", command])

        let opened = try await Self.screen(session) { $0.contains("1 Workers") && $0.contains("REPLAY") }
        #expect(opened.contains("┌ 1 Workers"))
        #expect(opened.contains("2 Calls"))
        #expect(opened.contains("00-tour"))
        #expect(opened.contains("0/12"))

        for _ in 0..<3 { try await Self.tmux(["send-keys", "-t", session, "."]) }
        let stepped = try await Self.screen(session) { $0.contains("3/12") }
        #expect(stepped.contains("3/12"))
        #expect(stepped.contains("call1 app → GREETER.greet(\"Ada\")"))
        #expect(stepped.contains("▸ 3."))

        try await Self.tmux(["send-keys", "-t", session, ","])
        let back = try await Self.screen(session) { $0.contains("2/12") }
        #expect(back.contains("2/12"))

        try await Self.tmux(["send-keys", "-t", session, "q"])
        let closed = try await Self.screen(session) { $0.contains("EXITED") }
        #expect(closed.contains("EXITED 0"))
        #expect(!closed.contains("1 Workers"), "the terminal is restored: the inspector's screen is gone")
    }
}
