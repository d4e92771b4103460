/// A scenario file read into its checked header and its script.
public struct ParsedScenario: Sendable, Hashable {
    /// The file, for locating and rendering diagnostics of later stages.
    public let file: SourceFile
    /// The checked header.
    public let header: ScenarioHeader
    /// The line number of the `---` separator; the script starts on the next line.
    public let separatorLine: Int
    /// The script's top-level statements, in order. They run in one implicit request, except
    /// `request` blocks, which are requests of their own.
    public let statements: [Statement]
}
