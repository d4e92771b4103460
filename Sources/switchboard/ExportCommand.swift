import ArgumentParser
import Foundation
import RPCEngine
import Scenarios
import Synchronization

/// `switchboard export FILE --perfetto OUT.json --jsonl OUT.jsonl`: runs a scenario and writes
/// its event log as a Perfetto (Chrome trace-event JSON) trace, as JSON Lines, or both. `-` as
/// an output path means standard output. The work is `TraceExport` in Scenarios.
///
/// Wiring: running a scenario is the interpreter's job, so this command does not know how. The
/// root command must, before `main()` parses anything, set
///
/// ```swift
/// ExportCommand.eventSource = { path in try <run the scenario at path>.eventLog }
/// ```
///
/// and add `ExportCommand.self` to its `subcommands`. Unwired, the command fails with
/// `TraceExportError.notWired`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Run a scenario and export its event log for ui.perfetto.dev or as JSON Lines.")

    @Argument(help: "The scenario file to run.")
    var file: String

    @Option(help: ArgumentHelp("Write a Chrome/Perfetto trace (JSON) to this path ('-': standard output).", valueName: "out.json"))
    var perfetto: String?

    @Option(help: ArgumentHelp("Write the event log as JSON Lines to this path ('-': standard output).", valueName: "out.jsonl"))
    var jsonl: String?

    /// How to run a scenario file and get its event log; set by the root command.
    static var eventSource: ScenarioEventSource? {
        get { source.withLock { $0 } }
        set { source.withLock { $0 = newValue } }
    }
    private static let source = Mutex<ScenarioEventSource?>(nil)

    func validate() throws {
        do {
            _ = try TraceExport.outputs(perfetto: perfetto, jsonl: jsonl)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        guard let events = Self.eventSource else { throw TraceExportError.notWired }
        let outputs = try TraceExport.outputs(perfetto: perfetto, jsonl: jsonl)
        let report = try TraceExport.run(scenario: file, outputs: outputs, events: events, write: TraceExport.writeFile)
        for line in report { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }
}
