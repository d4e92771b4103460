import Foundation
import RPCEngine
import WorkerCatalog

/// What a command printed and how it exited.
public struct CommandOutput: Sendable, Equatable {
    public var stdout = ""
    public var stderr = ""
    public var exitCode: Int32 = 0

    public init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }
}

/// How `switchboard run` prints.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// The transcript (and with `--trace`, the event log in the `.trace` format).
    case text
    /// One JSON object per event.
    case jsonl
}

/// The logic of `switchboard run` and `switchboard check`, apart from argument parsing, so that
/// tests can run it without a process.
public enum ScenarioCommands {
    /// `switchboard run FILE... [--trace] [--format text|jsonl]`.
    ///
    /// Text: each file's transcript on stdout (with `--trace`, followed by its event log); the
    /// located diagnostic of an invalid file or of an uncaught error on stderr. JSON Lines: the
    /// events on stdout, problems and the summary line on stderr. The exit status is the worst of
    /// the files': 0 every expectation held, 1 an expectation failed, 2 a file is invalid, 3 a
    /// run failed.
    public static func run(paths: [String], trace: Bool = false, format: OutputFormat = .text,
                           modules: [WorkerModule] = Catalog.modules) -> CommandOutput {
        var output = CommandOutput()
        for (i, path) in paths.enumerated() {
            guard let text = read(path) else {
                output.stderr += "switchboard: cannot read \(path)\n"
                output.exitCode = max(output.exitCode, 2)
                continue
            }
            let run = ScenarioRunner.run(fileName: path, text: text, modules: modules)
            output.exitCode = max(output.exitCode, run.status.exitCode)
            switch format {
            case .text:
                if i > 0 { output.stdout += "\n" }
                if case .invalid = run.status {
                    output.stdout += run.transcript.summaryLine + "\n"
                } else {
                    output.stdout += run.transcript.text
                }
                if trace, let runtime = run.runtime {
                    output.stdout += "\n# event log\n" + runtime.log.text
                }
            case .jsonl:
                if let runtime = run.runtime { output.stdout += JSONLExporter.export(runtime.log.events()) }
                for entry in run.transcript.entries where entry.isFailure {
                    var lines: [String] = []
                    Transcript.render(entry, into: &lines)
                    output.stderr += lines.joined(separator: "\n") + "\n"
                }
                output.stderr += run.transcript.summaryLine + "\n"
            }
            if let diagnostic = run.diagnostic { output.stderr += diagnostic.rendered + "\n" }
        }
        return output
    }

    /// `switchboard check [DIR] [--update]`: runs every `*.scenario` under `directory` (sorted
    /// by path); a file passes when its run exits 0 and, where `NAME.trace` sits beside it, its
    /// event log matches that file byte for byte. With `update`, the traces of passing runs are
    /// written (created or replaced). Prints one line per file (with details under a failure)
    /// and ends with exactly `N passed, N failed`; exits 1 when any file failed, 2 when the
    /// directory cannot be read.
    public static func check(directory: String, update: Bool = false, modules: [WorkerModule] = Catalog.modules)
        -> CommandOutput
    {
        var output = CommandOutput()
        guard let files = scenarioFiles(under: directory) else {
            output.stderr = "switchboard: cannot read the directory \(directory)\n"
            output.exitCode = 2
            return output
        }
        var passed = 0
        var failed = 0
        for path in files {
            let (ok, lines) = checkOne(path, update: update, modules: modules)
            output.stdout += lines.map { $0 + "\n" }.joined()
            if ok { passed += 1 } else { failed += 1 }
        }
        output.stdout += "\(passed) passed, \(failed) failed\n"
        output.exitCode = failed > 0 ? 1 : 0
        return output
    }

    /// Checks one file: whether it passed, and the lines to print.
    private static func checkOne(_ path: String, update: Bool, modules: [WorkerModule]) -> (Bool, [String]) {
        guard let text = read(path) else { return (false, ["FAIL \(path): cannot read the file"]) }
        let run = ScenarioRunner.run(fileName: path, text: text, modules: modules)
        let tracePath = String(path.dropLast(".scenario".count)) + ".trace"
        let traceName = (tracePath as NSString).lastPathComponent
        guard run.status.exitCode == 0 else {
            var lines = ["FAIL \(path): \(describe(run.status))"]
            for entry in run.transcript.entries where entry.isFailure {
                var rendered: [String] = []
                Transcript.render(entry, into: &rendered)
                lines += rendered.map { "    " + $0 }
            }
            if let diagnostic = run.diagnostic {
                lines += diagnostic.rendered.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            }
            return (false, lines)
        }
        let actual = run.trace
        let golden = read(tracePath)
        if update {
            guard golden != actual else { return (true, ["ok   \(path)"]) }
            do {
                try actual.write(toFile: tracePath, atomically: true, encoding: .utf8)
            } catch {
                return (false, ["FAIL \(path): cannot write \(traceName): \(error.localizedDescription)"])
            }
            return (true, ["ok   \(path) (\(golden == nil ? "wrote" : "updated") \(traceName))"])
        }
        guard let golden else { return (true, ["ok   \(path) (no \(traceName) to compare)"]) }
        guard golden == actual else {
            return (false, ["FAIL \(path): the event log differs from \(traceName)"] + firstDifference(golden, actual))
        }
        return (true, ["ok   \(path)"])
    }

    private static func describe(_ status: ScenarioStatus) -> String {
        switch status {
        case .passed: return "passed"
        case .expectationFailed(let held, let failed):
            return "\(failed) of \(held + failed) expectation\(held + failed == 1 ? "" : "s") failed (exit 1)"
        case .invalid: return "the file is invalid (exit 2)"
        case .runFailed(let reason): return "the run failed (exit 3): \(reason)"
        }
    }

    /// The first line where a golden trace and the actual log differ, both shown.
    static func firstDifference(_ expected: String, _ actual: String) -> [String] {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let x = i < e.count ? String(e[i]) : "<end of file>"
            let y = i < a.count ? String(a[i]) : "<end of log>"
            if x != y {
                return ["    line \(i + 1):", "      expected: \(x)", "      actual:   \(y)"]
            }
        }
        return ["    (they differ in line endings or encoding)"]
    }

    /// Every `*.scenario` file under `directory`, recursively, sorted by path; `nil` when the
    /// directory cannot be read.
    public static func scenarioFiles(under directory: String) -> [String]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
            let enumerator = FileManager.default.enumerator(atPath: directory)
        else { return nil }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".scenario") {
                files.append(directory.hasSuffix("/") ? directory + relative : directory + "/" + relative)
            }
        }
        return files.sorted()
    }

    /// The UTF-8 text of a file, or `nil`.
    static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
