/// A scenario that `switchboard export` could not run: the located diagnostic.
struct ExportScenarioError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
