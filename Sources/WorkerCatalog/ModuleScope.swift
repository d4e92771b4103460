import RPCEngine
import Synchronization

/// Module-scope state (a `let` at the top of a JavaScript module), kept once per *runtime*.
///
/// Workers lets a module keep state across calls at module scope (catalog.md: `hold`). In
/// Switchboard many runtimes share one process (tests run in parallel, the inspector may host
/// several), and a run must replay identically, so a process global would leak state from one
/// runtime into another. Each runtime gets its own `State`, created by `initial` on first use.
///
/// **Workaround.** RPCEngine's public API has no per-runtime storage for modules, and neither
/// `ExecutionContext` nor `Env` exposes their runtime. What *is* public and documented is that
/// worker code runs isolated to the `Runtime` actor: a worker's `async` member is
/// `nonisolated(nonsending)` (the package builds with `NonisolatedNonsendingByDefault`) and is
/// called from the runtime's isolation, so its `#isolation` *is* the `Runtime`. The store is
/// keyed by that runtime (held weakly). Consequences:
/// * only `async` members (methods, getters, raw handlers) can reach module state — a
///   synchronous member's `#isolation` is `nil`, and using the scope there throws;
/// * state that holds stubs keeps its runtime alive until the module releases them (a stub
///   references its runtime), as a module-scope variable would keep them alive in Workers.
///
/// The engine addition that would replace this: `Env.moduleState` (or
/// `ExecutionContext.moduleState`), a per-runtime, per-module store owned by the runtime.
final class ModuleScope<State: Sendable>: Sendable {
    private struct Slot: Sendable {
        weak var runtime: Runtime?
        var state: State
    }

    private let slots = Mutex<[ObjectIdentifier: Slot]>([:])
    private let initial: @Sendable () -> State

    init(_ initial: @escaping @Sendable () -> State) { self.initial = initial }

    /// Runs `body` on the state of the runtime the caller runs in. Keep `body` short and free
    /// of engine calls (it runs under a lock): take what you need out, then act on it.
    ///
    /// `isolation` defaults to the caller's isolation, which is the runtime for worker code.
    func withState<R: Sendable>(
        _ isolation: (any Actor)? = #isolation, _ body: (inout State) throws -> R
    ) throws -> R {
        guard let runtime = isolation as? Runtime else {
            throw RpcError.error("Module-scope state is reachable only from async worker code running in a runtime.")
        }
        let key = ObjectIdentifier(runtime)
        return try slots.withLock { slots in
            slots = slots.filter { $0.value.runtime != nil }
            var slot = slots[key].flatMap { $0.runtime === runtime ? $0 : nil } ?? Slot(runtime: runtime, state: initial())
            defer { slots[key] = slot }
            return try body(&slot.state)
        }
    }
}
