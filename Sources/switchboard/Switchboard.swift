import ArgumentParser

/// The `switchboard` command. Subcommands live one per file; to add one, write
/// `XCommand.swift` and append its type to ``subcommandList``.
struct Switchboard: ParsableCommand {
    /// Every subcommand, in the order `--help` lists them.
    static let subcommandList: [any ParsableCommand.Type] = [
        TuiCommand.self,
        RunCommand.self,
        CheckCommand.self,
        CatalogCommand.self,
        ExportCommand.self,
    ]

    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "Cloudflare Workers' RPC model in Swift: run, check and inspect scenarios.",
        discussion: """
            With no subcommand, switchboard opens the terminal inspector on the guided tour \
            (scenarios/00-tour.scenario).
            """,
        subcommands: subcommandList)

    @OptionGroup var inspector: InspectorArguments

    /// `switchboard` with no arguments: the inspector on the guided tour.
    func run() throws {
        try TuiCommand.open(TuiCommand.tour, inspector)
    }
}
