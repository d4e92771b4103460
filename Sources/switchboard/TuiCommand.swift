import ArgumentParser
import Foundation
import Inspector
import TerminalUI

/// `switchboard tui FILE`: opens the inspector on a scenario (replayed, then live in the
/// console). `switchboard` with no arguments does the same on the guided tour.
struct TuiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "Open the terminal inspector on a scenario.")

    /// The scenario the bare `switchboard` opens.
    static let tour = "scenarios/00-tour.scenario"

    @Argument(help: "The scenario to open.")
    var file: String = TuiCommand.tour

    @Flag(name: .customLong("no-mouse"), help: "Do not capture the mouse.")
    var noMouse = false

    func run() throws {
        try TuiCommand.open(file, mouse: !noMouse)
    }

    /// Opens the inspector, or refuses with a one-line hint when stdout is not a terminal.
    static func open(_ file: String, mouse: Bool) throws {
        guard isatty(STDOUT_FILENO) != 0 else {
            print("switchboard: the inspector needs a terminal; use 'switchboard run \(file)' for a transcript")
            throw ExitCode(2)
        }
        let host: ScenarioHost
        do {
            host = try ScenarioHost(path: file)
        } catch let error as ScenarioHost.OpenError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        try InspectorApp.run(host: host, backend: CursesBackend(mouse: mouse))
    }
}
