import ArgumentParser
import Inspector

/// The options of the inspector, shared by `switchboard tui` and the bare `switchboard`.
struct InspectorArguments: ParsableArguments {
    @Flag(name: .customLong("no-mouse"), help: "Do not capture the mouse.")
    var noMouse = false

    @Option(
        name: .customLong("slow-motion"),
        help: ArgumentHelp(
            "Run console statements on the wall clock, this many times slower (0.25 to 100; the replay stays on virtual time).",
            valueName: "factor"))
    var slowMotion: Double?

    /// The validated factor; `validate()` has refused anything else before `run()`.
    var validSlowMotion: SlowMotion? { slowMotion.flatMap { try? SlowMotion($0) } }

    func validate() throws {
        guard let slowMotion else { return }
        do {
            _ = try SlowMotion(slowMotion)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
