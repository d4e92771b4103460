/// The checked TOML header of a scenario: plain data, no engine types.
///
/// The first worker is the primary worker, whose code is the script. ``fields`` locates every
/// top-level key that was written, for diagnostics of later stages.
public struct ScenarioHeader: Sendable, Hashable {
    /// `title`, shown in the inspector and transcripts.
    public var title: String?
    /// `description`.
    public var description: String?
    /// `compatibility_date`, validated as a real date; `nil` means today's rules.
    public var compatibilityDate: CompatibilityDate?
    /// `compatibility_flags`, in order (not checked against the list of known flags: the rule
    /// set belongs to the engine; ``compatibilityFlagRanges`` locates each one).
    public var compatibilityFlags: [String]
    /// Where each flag of ``compatibilityFlags`` is written.
    public var compatibilityFlagRanges: [SourceRange]
    /// `seed` for the runtime's random source (default 0).
    public var seed: Int
    /// The workers, at least one; the first is the primary worker.
    public var workers: [WorkerDecl]
    /// Where each top-level key is written, by key (`"title"`, `"seed"`, `"workers"`, ...).
    public var fields: [String: HeaderField]

    /// The primary worker (the first one).
    public var primaryWorker: WorkerDecl? { workers.first }

    /// The worker called `name`, if declared.
    public func worker(named name: String) -> WorkerDecl? {
        workers.first { $0.name == name }
    }
}
