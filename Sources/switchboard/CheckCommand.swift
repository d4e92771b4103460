import ArgumentParser
import Scenarios

/// `switchboard check [DIR] [--update]`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every scenario under a directory and compare event logs with their .trace goldens.",
        discussion: """
            A scenario passes when its run exits 0 and, where NAME.trace sits beside it, the event \
            log matches it byte for byte. Ends with 'N passed, N failed'; exits non-zero if any failed.
            """)

    @Argument(help: "The directory to search (recursively) for *.scenario files.")
    var directory = "scenarios"

    @Flag(help: "Write the .trace golden of every passing scenario (create or replace).")
    var update = false

    func run() throws {
        emit(ScenarioCommands.check(directory: directory, update: update))
    }
}
