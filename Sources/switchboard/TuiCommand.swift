import ArgumentParser
import Foundation
import Inspector
import TerminalUI

/// `switchboard tui FILE [--no-mouse] [--slow-motion FACTOR]`: opens the inspector on a scenario
/// (replayed, then live in the console; with `--slow-motion` the console's statements run on
/// the wall clock slowed down by FACTOR). `switchboard` with no arguments does the same on the
/// guided tour.
struct TuiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "Open the terminal inspector on a scenario.")

    /// The scenario the bare `switchboard` opens.
    static let tour = "scenarios/00-tour.scenario"

    @Argument(help: "The scenario to open.")
    var file: String = TuiCommand.tour

    @OptionGroup var inspector: InspectorArguments

    func run() throws {
        try TuiCommand.open(file, inspector)
    }

    /// Opens the inspector, or refuses with a one-line hint when stdout is not a terminal.
    static func open(_ file: String, _ arguments: InspectorArguments) throws {
        guard isatty(STDOUT_FILENO) != 0 else {
            print("switchboard: the inspector needs a terminal; use 'switchboard run \(file)' for a transcript")
            throw ExitCode(2)
        }
        let host: ScenarioHost
        do {
            host = try ScenarioHost(path: file, slowMotion: arguments.validSlowMotion)
        } catch let error as ScenarioHost.OpenError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        try InspectorApp.run(host: host, backend: CursesBackend(mouse: !arguments.noMouse))
    }
}
