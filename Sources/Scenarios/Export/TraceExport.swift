import RPCEngine

/// A file format `switchboard export` writes.
public enum TraceFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Chrome trace-event JSON for ui.perfetto.dev (``PerfettoExporter``).
    case perfetto
    /// One JSON object per event and line (``JSONLExporter``).
    case jsonl

    /// The export of `events` in this format.
    public func render(_ events: [Event]) -> String {
        switch self {
        case .perfetto: PerfettoExporter.export(events)
        case .jsonl: JSONLExporter.export(events)
        }
    }

    /// `Perfetto trace` / `JSON Lines`, for messages.
    public var description: String {
        switch self {
        case .perfetto: "Perfetto trace"
        case .jsonl: "JSON Lines"
        }
    }
}

/// Runs the scenario file at `path` and returns its event log, whether or not its expectations
/// held (a failed expectation still leaves a log worth exporting); throws when the file is
/// invalid or the run itself fails. Running scenarios is the interpreter's job: the root command
/// supplies this (see `ExportCommand.eventSource`).
public typealias ScenarioEventSource = @Sendable (_ path: String) throws -> [Event]

/// `switchboard export FILE --perfetto OUT.json --jsonl OUT.jsonl`: the logic behind the
/// command, independent of argument parsing, files and the interpreter, so that it can be
/// tested with real logs.
public enum TraceExport {
    /// One file to write: a format and a path (`-` is standard output).
    public struct Output: Sendable, Equatable {
        public var format: TraceFormat
        public var path: String

        public init(_ format: TraceFormat, to path: String) {
            self.format = format
            self.path = path
        }
    }

    /// The outputs the options ask for, checked: at least one, and no two to the same path
    /// (two exports into one file, or both on standard output, would interleave).
    public static func outputs(perfetto: String?, jsonl: String?) throws(TraceExportError) -> [Output] {
        var outputs: [Output] = []
        if let perfetto { outputs.append(Output(.perfetto, to: perfetto)) }
        if let jsonl { outputs.append(Output(.jsonl, to: jsonl)) }
        guard !outputs.isEmpty else { throw .noOutput }
        for output in outputs where output.path.isEmpty { throw .emptyPath(output.format) }
        if outputs.count == 2, outputs[0].path == outputs[1].path { throw .samePath(outputs[0].path) }
        return outputs
    }

    /// Exports the event log of the scenario at `path` to every output.
    ///
    /// - Parameters:
    ///   - path: the scenario file, handed to `events`.
    ///   - outputs: from ``outputs(perfetto:jsonl:)``.
    ///   - events: runs the scenario and returns its log (``ScenarioEventSource``).
    ///   - write: writes a text to a path (`-`: standard output).
    /// - Returns: one line per output for the user: `wrote 65 events to trace.json (Perfetto trace)`.
    public static func run(
        scenario path: String, outputs: [Output], events: (String) throws -> [Event],
        write: (_ text: String, _ path: String) throws -> Void
    ) throws -> [String] {
        let log = try events(path)
        var report: [String] = []
        for output in outputs {
            try write(output.format.render(log), output.path)
            let destination = output.path == "-" ? "standard output" : output.path
            report.append("wrote \(log.count) event\(log.count == 1 ? "" : "s") to \(destination) (\(output.format))")
        }
        return report
    }
}

/// Why `switchboard export` cannot run.
public enum TraceExportError: Error, Equatable, CustomStringConvertible {
    /// Neither `--perfetto` nor `--jsonl` was given.
    case noOutput
    /// An output path is empty.
    case emptyPath(TraceFormat)
    /// Both outputs go to the same path.
    case samePath(String)
    /// The command was not given a way to run scenarios (a wiring bug of the executable).
    case notWired

    public var description: String {
        switch self {
        case .noOutput: "nothing to export: give --perfetto OUT.json, --jsonl OUT.jsonl, or both"
        case .emptyPath(let format): "the \(format) output path is empty"
        case .samePath(let path): "--perfetto and --jsonl both write to \(path); give them different paths"
        case .notWired: "switchboard export cannot run scenarios: the root command did not wire an event source"
        }
    }
}
