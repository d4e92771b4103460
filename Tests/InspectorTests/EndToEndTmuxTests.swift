import Foundation
import Testing

/// The real binary in a real terminal: `switchboard` in tmux at 120×40, driven with
/// `send-keys` and read with `capture-pane`, as a person would use it.
///
/// Waiting here polls the screen until the expected text appears (bounded at 20 s): the binary
/// runs in another process, so there is nothing to await.
@Suite(.serialized) struct EndToEndTmuxTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func tmuxPath() -> String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tmux command. Only `capture-pane` reads output: a command that starts the tmux
    /// server would hand the server the pipe, and reading it to the end would never finish.
    @discardableResult
    static func tmux(_ args: [String], readOutput: Bool = false) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmuxPath() ?? "/usr/bin/tmux")
        process.arguments = args
        let pipe = Pipe()
        process.standardOutput = readOutput ? pipe : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = readOutput ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Polls `capture-pane` until `predicate` holds; returns the last screen.
    static func screen(_ session: String, until predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(20)
        var last = ""
        while Date() < deadline {
            last = try tmux(["capture-pane", "-p", "-t", session], readOutput: true).output
            if predicate(last) { return last }
            usleep(50_000)
        }
        return last
    }

    @Test func tourInARealTerminal() throws {
        guard Self.tmuxPath() != nil else {
            print("EndToEndTmuxTests skipped: tmux is not installed")
            return
        }
        let binary = Self.root.appendingPathComponent(".build/debug/switchboard").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the binary first (swift build): \(binary)")
        let session = "switchboard-e2e-\(getpid())"
        defer { _ = try? Self.tmux(["kill-session", "-t", session]) }
        let command = "cd '\(Self.root.path)' && TERM=xterm-256color '\(binary)'; echo EXITED $?; sleep 30"
        try Self.tmux(["new-session", "-d", "-s", session, "-x", "120", "-y", "40", command])

        let opened = try Self.screen(session) { $0.contains("1 Workers") && $0.contains("REPLAY") }
        #expect(opened.contains("┌ 1 Workers"))
        #expect(opened.contains("2 Calls"))
        #expect(opened.contains("00-tour"))
        #expect(opened.contains("0/12"))

        for _ in 0..<3 { try Self.tmux(["send-keys", "-t", session, "."]) }
        let stepped = try Self.screen(session) { $0.contains("3/12") }
        #expect(stepped.contains("3/12"))
        #expect(stepped.contains("call1 app → GREETER.greet(\"Ada\")"))
        #expect(stepped.contains("▸ 3."))

        try Self.tmux(["send-keys", "-t", session, ","])
        let back = try Self.screen(session) { $0.contains("2/12") }
        #expect(back.contains("2/12"))

        try Self.tmux(["send-keys", "-t", session, "q"])
        let closed = try Self.screen(session) { $0.contains("EXITED") }
        #expect(closed.contains("EXITED 0"))
        #expect(!closed.contains("1 Workers"), "the terminal is restored: the inspector's screen is gone")
    }
}
