// The entry point only: everything lives in `Switchboard` and its subcommands (one file each).
import Foundation
import Scenarios

ExportCommand.eventSource = { path in
    let run = ScenarioRunner.run(fileName: path, text: try String(contentsOfFile: path, encoding: .utf8))
    if case .invalid(let message) = run.status { throw ExportScenarioError(message: message) }
    return run.runtime?.log.events() ?? []
}
Switchboard.main()
