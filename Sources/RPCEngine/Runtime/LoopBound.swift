/// A value that belongs to a runtime's loop, carried across an isolation boundary that the
/// compiler cannot see through (into a loop task, into the runtime actor).
///
/// Safety of `@unchecked Sendable`: a `LoopBound` is only created and unwrapped by engine code
/// that runs on its runtime's loop (the runtime actor and the tasks it starts, whose executor is
/// the loop). The loop runs one job at a time on one thread, so the wrapped value — worker
/// instances, closures capturing worker state — is never accessed concurrently.
struct LoopBound<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
