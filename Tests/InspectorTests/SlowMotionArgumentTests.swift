import Foundation
import Subprocess
import Testing

/// `--slow-motion FACTOR` on the real binary: a bad factor is refused by the argument parser
/// with a sentence saying what is allowed (exit status 64), before anything opens.
@Suite struct SlowMotionArgumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs the built `switchboard` with `arguments`; returns its status and the first line of
    /// standard error. Through swift-subprocess, as `EndToEndTmuxTests` explains.
    static func run(_ arguments: [String]) async throws -> (status: TerminationStatus, firstErrorLine: String) {
        let binary = root.appendingPathComponent(".build/debug/switchboard").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the binary first (swift build): \(binary)")
        let result = try await Subprocess.run(
            .path(.init(binary)), arguments: Arguments(arguments), workingDirectory: .init(root.path),
            output: .discarded, error: .string(limit: 1 << 16))
        let text = result.standardError
        return (result.terminationStatus, text.split(separator: "\n").first.map(String.init) ?? "")
    }

    static let allowed = "Error: --slow-motion must be a number from 0.25 to 100 (4 runs four times slower than real time), not "

    @Test(arguments: [
        (["tui", "--slow-motion", "0"], allowed + "0"),
        (["tui", "scenarios/01-add.scenario", "--slow-motion", "250"], allowed + "250"),
        (["tui", "--slow-motion", "0.1"], allowed + "0.1"),
        (["--slow-motion=-4"], allowed + "-4"),
        (["--slow-motion", "nan"], allowed + "nan"),
        (["tui", "--slow-motion", "inf"], allowed + "inf"),
        (["tui", "--slow-motion", "fast"], "Error: The value 'fast' is invalid for '--slow-motion <factor>'"),
    ])
    func badFactorsAreRefused(arguments: [String], message: String) async throws {
        let (status, line) = try await Self.run(arguments)
        #expect(status == .exited(64))
        #expect(line == message)
    }

    /// A good factor passes validation: without a terminal the command then stops at the usual
    /// one-line hint (exit status 2), not at the arguments.
    @Test func aGoodFactorPassesValidation() async throws {
        let (status, line) = try await Self.run(["tui", "scenarios/01-add.scenario", "--slow-motion", "4"])
        #expect(status == .exited(2))
        #expect(line == "")
    }
}
