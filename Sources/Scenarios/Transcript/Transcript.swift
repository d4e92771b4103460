/// The record of one scenario run: what each statement did, in order, and how the run ended.
///
/// Rendering is deterministic (no wall-clock time, no addresses): the same file gives the same
/// text on every run, which is what makes transcripts diffable and testable.
///
/// ```
/// # scenarios/04-counter-closure.scenario
/// # Functions returned over RPC keep their state
///
/// ▸ Ask counter-service for a counter
///    17 | using f = await env.COUNTER_SERVICE.newCounter()  → ƒ stub2
///
/// ▸ Each call runs in counter-service, where `value` lives
///    20 | expect await f(2) == 2  ✓
///    21 | expect await f(1) == 4  ✗
///       |     expected: 4
///       |     actual:   3
///
/// FAIL scenarios/04-counter-closure.scenario: 1 of 2 expectations failed
/// ```
public struct Transcript: Sendable, Hashable {
    /// The file name as given.
    public var fileName: String
    /// The header's `title`, if any.
    public var title: String?
    /// The entries, in the order things happened.
    public var entries: [TranscriptEntry] = []
    /// How the run ended; `nil` while it runs.
    public var status: ScenarioStatus?

    /// An empty transcript for `fileName`.
    public init(fileName: String, title: String? = nil) {
        self.fileName = fileName
        self.title = title
    }

    /// The last line: `PASS file: N expectations held`, `FAIL file: N of M expectations
    /// failed`, `ERROR file: the run failed (...)` or `INVALID file: ...`.
    public var summaryLine: String {
        guard let status else { return "RUNNING \(fileName)" }
        switch status {
        case .passed(let held):
            return "PASS \(fileName): \(held) expectation\(held == 1 ? "" : "s") held"
        case .expectationFailed(let held, let failed):
            return "FAIL \(fileName): \(failed) of \(held + failed) expectation\(held + failed == 1 ? "" : "s") failed"
        case .invalid(let message):
            return "INVALID \(fileName): \(message)"
        case .runFailed(let reason):
            return "ERROR \(fileName): the run failed: \(reason)"
        }
    }

    /// The transcript as text, ending with the summary line and a newline.
    public var text: String {
        var lines: [String] = ["# \(fileName)"]
        if let title { lines.append("# \(title)") }
        lines.append("")
        for entry in entries {
            if case .step(let text, _) = entry {
                if lines.last != "" { lines.append("") }
                lines.append("▸ \(text)")
            } else {
                Transcript.render(entry, into: &lines)
            }
        }
        if lines.last != "" { lines.append("") }
        lines.append(summaryLine)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines of one entry.
    static func render(_ entry: TranscriptEntry, into lines: inout [String]) {
        switch entry {
        case .step(let text, _):
            lines.append("▸ \(text)")
        case .statement(let line, let depth, let source, let outcome, let inFunction):
            let indent = String(repeating: "  ", count: depth)
            let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false).map {
                String($0.hasSuffix("\r") ? $0.dropLast() : $0)
            }
            let marker = inFunction ? "ƒ " : ""
            var first = gutter(line) + indent + marker + (sourceLines.first ?? "")
            for continuation in sourceLines.dropFirst() {
                lines.append(first)
                first = blankGutter + indent + continuation
            }
            switch outcome {
            case .none:
                lines.append(first)
            case .value(let summary):
                lines.append(first + "  → " + summary)
            case .held:
                lines.append(first + "  ✓")
            case .failed(let expected, let actual):
                lines.append(first + "  ✗")
                lines.append(blankGutter + indent + "    expected: " + expected)
                lines.append(blankGutter + indent + "    actual:   " + actual)
            case .error(let message):
                lines.append(first + "  ✗ uncaught " + message)
            case .logged(let text):
                lines.append(first + "  » " + text)
            case .note(let text):
                lines.append(first + "  · " + text)
            }
        case .blockStart(let line, let depth, let source, let note):
            lines.append(gutter(line) + String(repeating: "  ", count: depth) + source + (note.map { "  · " + $0 } ?? ""))
        case .blockEnd(let line, let depth, let note):
            lines.append(gutter(line) + String(repeating: "  ", count: depth) + "}" + (note.map { "  · " + $0 } ?? ""))
        case .note(let text):
            lines.append(blankGutter + "· " + text)
        }
    }

    private static let blankGutter = "      | "

    private static func gutter(_ line: Int) -> String {
        let number = String(line)
        return String(repeating: " ", count: Swift.max(0, 5 - number.count)) + number + " | "
    }
}

/// How a scenario run ended, with its exit status.
public enum ScenarioStatus: Sendable, Hashable {
    /// Every expectation held (exit 0).
    case passed(held: Int)
    /// At least one expectation failed (exit 1).
    case expectationFailed(held: Int, failed: Int)
    /// The file is invalid; nothing ran (exit 2).
    case invalid(String)
    /// The run itself failed: an uncaught error, or it never settled (exit 3).
    case runFailed(String)

    /// The process exit status `switchboard run` uses.
    public var exitCode: Int32 {
        switch self {
        case .passed: 0
        case .expectationFailed: 1
        case .invalid: 2
        case .runFailed: 3
        }
    }
}
