import ArgumentParser
import Scenarios
import WorkerCatalog

/// `switchboard catalog [MODULE]`: lists the built-in worker modules, their exports and each
/// export's members (see `CatalogListing` in Scenarios, which does the work).
///
/// Wiring: add `CatalogCommand.self` to the root command's `subcommands`; nothing else.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List the built-in worker modules, their exports and members.",
        discussion: """
            Scenario headers name these modules with `main = "NAME"`. Methods are listed with \
            their parameters (`add(a, b)`); getters as `get NAME`.
            """)

    @Argument(help: "List only this module (default: every module).")
    var module: String?

    func validate() throws {
        do {
            _ = try CatalogListing.listing(module: module, in: Catalog.modules)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        print(try CatalogListing.listing(module: module, in: Catalog.modules), terminator: "")
    }
}
