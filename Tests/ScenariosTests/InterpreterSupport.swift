import RPCEngine
import Testing
import WorkerCatalog

@testable import Scenarios

/// Helpers for interpreter tests: a standard set of workers, whole-file runs, and a console
/// whose answers read as one-line summaries.
enum Run {
    /// A primary worker `main` bound to the toolkit (`T`), a second toolkit (`U`), the greeter
    /// (`G`), the counter service (`C`) and remote objects (`R`), with one var.
    static let workers = """
        [[workers]]
        name = "main"
        services = [
          { binding = "T", service = "toolkit" },
          { binding = "U", service = "toolkit2" },
          { binding = "G", service = "greeter" },
          { binding = "C", service = "counters" },
          { binding = "R", service = "remote" },
        ]
        [workers.vars]
        NAME = "ada"
        LIMIT = 3

        [[workers]]
        name = "toolkit"
        main = "toolkit"

        [[workers]]
        name = "toolkit2"
        main = "toolkit"

        [[workers]]
        name = "greeter"
        main = "greeter"
        [workers.vars]
        GREETING = "Hello, "

        [[workers]]
        name = "counters"
        main = "counterService"

        [[workers]]
        name = "remote"
        main = "remoteObjects"
        """

    /// Runs `script` under `header` (default: ``workers``) as the file `t.scenario`.
    static func file(_ script: String, header: String = workers) -> ScenarioRun {
        ScenarioRunner.run(fileName: "t.scenario", text: header + "\n---\n" + script)
    }

    /// A console on a fresh runtime of `header`'s workers.
    static func console(header: String = workers, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        -> ScriptInterpreter
    {
        do {
            let (_, configuration) = try ScenarioRunner.load(fileName: "c.scenario", text: header + "\n---\n")
            let runtime = try Runtime(configuration: configuration, modules: Catalog.modules)
            return ScriptInterpreter(runtime: runtime)
        } catch {
            Issue.record("cannot build the console: \(error)", sourceLocation: sourceLocation)
            preconditionFailure()
        }
    }

    /// The line numbers of the script start after the header and the `---` line.
    static var firstScriptLine: Int { workers.split(separator: "\n", omittingEmptySubsequences: false).count + 2 }
}

extension ScriptInterpreter {
    /// The summary of what `line` evaluates to, or `error: <message>` / `diagnostic: <message>`.
    func answer(_ line: String) -> String {
        let result = evaluate(line: line)
        if let diagnostic = result.diagnostic { return "error: \(diagnostic.message)" }
        if let failure = result.entries.first(where: \.isFailure), case .statement(_, _, _, .failed(let e, let a), _) = failure {
            return "failed: expected \(e), actual \(a)"
        }
        return result.value?.summary() ?? "<none>"
    }
}

extension ScenarioRun {
    /// The outcomes of the statements, in order, as `line: outcome` strings (steps as `▸ text`).
    var outcomes: [String] {
        transcript.entries.compactMap { entry in
            switch entry {
            case .statement(let line, _, _, let outcome, _): return "\(line): \(outcome)"
            case .step(let text, _): return "▸ \(text)"
            default: return nil
            }
        }
    }
}
