import ArgumentParser
import Foundation
import Scenarios

extension OutputFormat: ExpressibleByArgument {}

/// `switchboard run FILE... [--trace] [--format text|jsonl]`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay scenario files and print their transcripts.",
        discussion: """
            Exit status: 0 every expectation held; 1 an expectation failed; 2 a file is invalid \
            (nothing ran); 3 a run failed (an uncaught error, or it never settled).
            """)

    @Argument(help: "The scenario files to run.")
    var files: [String]

    @Flag(help: "Append each run's event log (the .trace format).")
    var trace = false

    @Option(help: "text: transcripts; jsonl: one JSON object per event.")
    var format: OutputFormat = .text

    func run() throws {
        let output = ScenarioCommands.run(paths: files, trace: trace, format: format)
        emit(output)
    }
}

/// Prints a command's output and exits with its status.
func emit(_ output: CommandOutput) -> Never {
    FileHandle.standardOutput.write(Data(output.stdout.utf8))
    FileHandle.standardError.write(Data(output.stderr.utf8))
    exit(output.exitCode)
}
