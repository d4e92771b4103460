import RPCEngine
import WorkerCatalog

/// The outcome of running one scenario file.
public struct ScenarioRun: Sendable {
    /// The file name as given.
    public let fileName: String
    /// How it ended (and so the exit status).
    public let status: ScenarioStatus
    /// What each statement did.
    public let transcript: Transcript
    /// Why the file is invalid, or where the uncaught error that stopped it was thrown.
    public let diagnostic: ScenarioDiagnostic?
    /// The runtime it ran on (`nil` when the file is invalid).
    public let runtime: Runtime?
    /// The interpreter, for a console that continues after the script (`nil` when invalid).
    public let interpreter: ScriptInterpreter?

    /// The event log in the `.trace` format ("" when nothing ran).
    public var trace: String { runtime?.log.text ?? "" }
}

/// Runs scenario files: parse, check, build the runtime from the header, interpret the script,
/// settle. The single entry point of `switchboard run` and `switchboard check`.
public enum ScenarioRunner {
    /// Parses and checks `text` without running it, returning the scenario or the first
    /// problem (syntax, header, names, modules).
    public static func load(fileName: String, text: String, modules: [WorkerModule] = Catalog.modules)
        throws(ScenarioDiagnostic) -> (ParsedScenario, RuntimeConfiguration)
    {
        let scenario = try ScenarioParser.parse(fileName: fileName, text: text)
        try ScriptChecker.check(scenario.statements, file: scenario.file)
        let configuration = try ScenarioConfiguration.make(scenario, modules: modules)
        return (scenario, configuration)
    }

    /// Runs the scenario in `text` on a fresh runtime with the virtual clock.
    public static func run(fileName: String, text: String, modules: [WorkerModule] = Catalog.modules) -> ScenarioRun {
        let scenario: ParsedScenario
        let configuration: RuntimeConfiguration
        do {
            (scenario, configuration) = try load(fileName: fileName, text: text, modules: modules)
        } catch {
            return invalid(fileName: fileName, error)
        }
        let runtime: Runtime
        do {
            runtime = try Runtime(configuration: configuration, modules: modules)
        } catch {
            let range = scenario.header.fields["workers"]?.key ?? .zero
            return invalid(
                fileName: fileName,
                ScenarioDiagnostic(file: scenario.file, range: range, message: "the workers cannot run: \(error)"))
        }
        let interpreter = ScriptInterpreter(runtime: runtime, fileName: fileName, title: scenario.header.title)
        let status = interpreter.runScript(scenario.statements, file: scenario.file)
        return ScenarioRun(
            fileName: fileName, status: status, transcript: interpreter.transcript, diagnostic: interpreter.abortDiagnostic,
            runtime: runtime, interpreter: interpreter)
    }

    private static func invalid(fileName: String, _ diagnostic: ScenarioDiagnostic) -> ScenarioRun {
        let status = ScenarioStatus.invalid("\(diagnostic.line):\(diagnostic.column): \(diagnostic.message)")
        var transcript = Transcript(fileName: fileName)
        transcript.status = status
        return ScenarioRun(
            fileName: fileName, status: status, transcript: transcript, diagnostic: diagnostic, runtime: nil, interpreter: nil)
    }
}
