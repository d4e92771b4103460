import ArgumentParser

/// The `switchboard` command. Subcommands live one per file; to add one, write
/// `XCommand.swift` and append its type to ``subcommandList``.
struct Switchboard: ParsableCommand {
    /// Every subcommand, in the order `--help` lists them.
    static let subcommandList: [any ParsableCommand.Type] = [
        RunCommand.self,
        CheckCommand.self,
    ]

    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "Cloudflare Workers' RPC model in Swift: run, check and inspect scenarios.",
        discussion: """
            With no subcommand, switchboard will open the terminal inspector on the guided tour \
            (scenarios/00-tour.scenario). Until the inspector lands, it prints a hint instead.
            """,
        subcommands: subcommandList)

    /// `switchboard` with no arguments: a placeholder for the inspector (one line, nothing runs).
    func run() throws {
        print("switchboard: the inspector is not built yet; try 'switchboard run scenarios/00-tour.scenario' or 'switchboard check'")
    }
}
