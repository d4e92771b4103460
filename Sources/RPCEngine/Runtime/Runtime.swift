import Foundation
import Synchronization

/// Hosts the workers of one configuration and runs them: the registry of modules, the sessions
/// and stubs between execution contexts, the deterministic loop and clock, and the event log.
///
/// Isolation: the runtime is an actor whose executor is its `LoopExecutor`; every engine table
/// is actor-isolated, and worker code runs on the same loop (nonisolated async functions run on
/// their caller's executor), so a whole program has one interleaving. Synchronous handle
/// operations (`dispose()`, `dup()`, `waitUntil`) must run on the loop; they check it.
public actor Runtime {
    public nonisolated let loop: LoopExecutor
    public nonisolated let clock: RuntimeClock
    public nonisolated let log: EventLog
    public nonisolated let configuration: RuntimeConfiguration
    public nonisolated let rules: RuleSet
    nonisolated let modules: [String: WorkerModule]
    nonisolated let workerConfigs: [String: WorkerConfig]
    /// Every service binding resolved once, at start: worker → binding → what a call opens. A
    /// call looks its binding up by name in this table, with no scan of configurations.
    nonisolated let serviceRoutes: [String: [String: ServiceRoute]]
    /// Where Durable Objects keep their databases (`--state DIR`); nil keeps them in memory.
    public nonisolated let stateDirectory: URL?
    nonisolated let hangs = Mutex<[CheckedContinuation<Void, Never>]>([])
    nonisolated let idleWaiters = Mutex<[CheckedContinuation<Void, Never>]>([])

    public nonisolated var unownedExecutor: UnownedSerialExecutor { loop.asUnownedSerialExecutor() }

    var contexts: [ContextID: ContextState] = [:]
    var stubs: [StubID: StubState] = [:]
    var random: SeededRandom
    var lastContext = 0, lastCall = 0, lastStub = 0, lastTask = 0, lastSession = 0
    var liveStubCount = 0
    var pendingCallCount = 0
    var pendingTaskCount = 0
    var pendingDisposers = 0
    var heldResults: [CallID: (SessionSide, Int)] = [:]
    var moduleStates: [ObjectIdentifier: AnyObject] = [:]
    let durableObjects: DurableObjectRegistry

    /// Creates a runtime for `configuration`, running the `modules` it names.
    ///
    /// Throws `ConfigurationError` for duplicate workers or bindings, unknown modules, services,
    /// entrypoints or Durable Object classes — before anything runs.
    ///
    /// `stateDirectory` is where Durable Objects keep their storage, one SQLite file (WAL mode)
    /// per object under `do/<script>-<Class>/` (the CLI's `--state DIR`, like `wrangler dev`'s
    /// `.wrangler/state`); nil keeps storage in memory for the runtime's lifetime.
    public init(
        configuration: RuntimeConfiguration, modules: [WorkerModule], clock: RuntimeClock.Mode = .virtual,
        log: EventLog = EventLog(), stateDirectory: URL? = nil
    ) throws {
        self.loop = LoopExecutor()
        self.clock = RuntimeClock(clock)
        self.log = log
        self.configuration = configuration
        self.rules = configuration.rules
        self.random = SeededRandom(seed: configuration.seed)
        var moduleTable: [String: WorkerModule] = [:]
        for module in modules { moduleTable[module.name] = module }
        self.modules = moduleTable
        self.workerConfigs = try Runtime.validate(configuration, moduleTable)
        self.serviceRoutes = Runtime.routes(configuration, moduleTable)
        self.stateDirectory = stateDirectory
        self.durableObjects = try Runtime.makeDurableObjectRegistry(
            configuration, moduleTable, workerConfigs, stateDirectory: stateDirectory)
        for (i, worker) in configuration.workers.enumerated() {
            let module = worker.main.flatMap { moduleTable[$0] }
            log.append(time: 0, .workerDeclared(WorkerDeclared(
                name: worker.name, module: worker.main, isPrimary: i == 0,
                bindings: worker.services.map { .init(binding: $0.binding, service: $0.service, entrypoint: $0.entrypoint) },
                vars: worker.vars,
                exports: module?.exports.map {
                    .init(name: $0.name, kind: $0.kind, isDefault: $0.name == module?.defaultExport, members: $0.members)
                } ?? [],
                durableObjects: worker.durableObjects.map {
                    .init(name: $0.name, className: $0.className, script: $0.scriptName ?? worker.name)
                })))
        }
    }

    static func validate(_ config: RuntimeConfiguration, _ modules: [String: WorkerModule]) throws -> [String: WorkerConfig] {
        guard !config.workers.isEmpty else { throw ConfigurationError("No workers are declared.") }
        var table: [String: WorkerConfig] = [:]
        for worker in config.workers {
            guard table[worker.name] == nil else { throw ConfigurationError("Duplicate worker name \"\(worker.name)\".") }
            if let main = worker.main, modules[main] == nil {
                throw ConfigurationError(
                    "Worker \"\(worker.name)\": unknown module \"\(main)\". Known modules: \(modules.keys.sorted().joined(separator: ", ")).")
            }
            table[worker.name] = worker
        }
        for worker in config.workers {
            var seen: Set<String> = []
            for binding in worker.services {
                guard seen.insert(binding.binding).inserted else {
                    throw ConfigurationError("Worker \"\(worker.name)\": duplicate binding \"\(binding.binding)\".")
                }
                guard let service = table[binding.service] else {
                    throw ConfigurationError(
                        "Worker \"\(worker.name)\": binding \"\(binding.binding)\" names service \"\(binding.service)\", which is not declared. Declared workers: \(config.workers.map(\.name).joined(separator: ", ")).")
                }
                guard let main = service.main, let module = modules[main] else {
                    throw ConfigurationError(
                        "Worker \"\(worker.name)\": binding \"\(binding.binding)\": service \"\(binding.service)\" has no module (main) to call.")
                }
                let exportName = binding.entrypoint ?? module.defaultExport
                guard let exportName else {
                    throw ConfigurationError(
                        "Worker \"\(worker.name)\": binding \"\(binding.binding)\": module \"\(main)\" has no default export; name an entrypoint.")
                }
                guard let export = module.export(named: exportName), export.kind == .entrypoint else {
                    throw ConfigurationError(
                        "Worker \"\(worker.name)\": binding \"\(binding.binding)\": module \"\(main)\" has no entrypoint named \"\(exportName)\". Its exports: \(module.exports.map(\.name).joined(separator: ", ")).")
                }
            }
        }
        return table
    }

    /// Runs `body` synchronously with exclusive access to the runtime's state. The caller must
    /// be running on the runtime's loop (worker code and scenario code always are).
    public nonisolated func onLoop<T: Sendable>(_ body: (isolated Runtime) throws -> T) rethrows -> T {
        try assumeIsolated(body)
    }

    // MARK: ids

    func nextContextID() -> ContextID { lastContext += 1; return ContextID(lastContext) }
    func nextCallID() -> CallID { lastCall += 1; return CallID(lastCall) }
    func nextStubID() -> StubID { lastStub += 1; return StubID(lastStub) }
    func nextTaskID() -> TaskID { lastTask += 1; return TaskID(lastTask) }
    func nextSessionID() -> SessionID { lastSession += 1; return SessionID(lastSession) }
    func nextRandom() -> Double { random.nextUnit() }

    func moduleState<State: AnyObject>(_ type: State.Type, _ make: () -> State) -> State {
        if let existing = moduleStates[ObjectIdentifier(type)] as? State { return existing }
        let state = make()
        moduleStates[ObjectIdentifier(type)] = state
        return state
    }

    /// Appends an event. The clock is read (and the payload built) only when the log is on:
    /// a disabled log costs one atomic load per event, not a clock read under its lock.
    func emit(_ payload: @autoclosure () -> Event.Payload) {
        guard log.isEnabled else { return }
        log.append(time: clock.now, payload())
    }

    /// Records a `log` event (worker `console.log`, runtime warnings).
    public nonisolated func log(context: ContextID?, worker: String?, level: LogLevel, _ text: String) {
        log.append(time: clock.now, .log(ctx: context, worker: worker, level: level, text: text))
    }

    /// Records a scenario `step` boundary.
    public nonisolated func step(_ text: String, line: Int?) {
        log.append(time: clock.now, .step(text: text, line: line))
    }

    // MARK: introspection

    /// Counts of what is still alive, for assertions and leak checks.
    public struct Stats: Sendable, Equatable {
        public var liveStubs: Int
        public var pendingCalls: Int
        public var pendingTasks: Int
        public var liveContexts: Int
        public var pendingDisposers: Int

        public init(liveStubs: Int, pendingCalls: Int, pendingTasks: Int, liveContexts: Int, pendingDisposers: Int) {
            self.liveStubs = liveStubs
            self.pendingCalls = pendingCalls
            self.pendingTasks = pendingTasks
            self.liveContexts = liveContexts
            self.pendingDisposers = pendingDisposers
        }
    }

    public var stats: Stats {
        Stats(liveStubs: liveStubCount, pendingCalls: pendingCallCount, pendingTasks: pendingTaskCount,
              liveContexts: contexts.count, pendingDisposers: pendingDisposers)
    }

    /// The worker names, in declaration order; the first is the primary worker.
    public nonisolated var workerNames: [String] { configuration.workers.map(\.name) }

    /// The module a worker runs, if any.
    public nonisolated func module(ofWorker name: String) -> WorkerModule? {
        workerConfigs[name]?.main.flatMap { modules[$0] }
    }

    func env(for worker: String) -> Env { env(ofWorker: worker) }
}
