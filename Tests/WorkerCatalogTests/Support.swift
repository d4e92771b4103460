import RPCEngine
import Testing
import WorkerCatalog

/// A runtime with two workers: `client` (the request's worker, with no module) binding `SVC`
/// to `svc`, which runs the catalog module `module`.
func makeRuntime(
    module: String, vars: RpcObject = RpcObject(), seed: UInt64 = 0, flags: [String] = []
) throws -> Runtime {
    try Runtime(
        configuration: RuntimeConfiguration(
            workers: [
                WorkerConfig(name: "client", services: [ServiceBindingConfig(binding: "SVC", service: "svc")]),
                WorkerConfig(name: "svc", main: module, vars: vars),
            ],
            compatibilityFlags: flags, seed: seed),
        modules: Catalog.modules)
}

/// The runtime's stats, read after `run` has returned (`query` drives the loop to read them).
func stats(of runtime: Runtime) -> Runtime.Stats {
    runtime.query { $0.stats }
}

/// The leak check every test ends with: nothing is left alive once the request is over.
func expectNoLeaks(_ runtime: Runtime, sourceLocation: SourceLocation = #_sourceLocation) {
    let s = stats(of: runtime)
    #expect(s.liveStubs == 0, "live stubs", sourceLocation: sourceLocation)
    #expect(s.pendingCalls == 0, "pending calls", sourceLocation: sourceLocation)
    #expect(s.pendingTasks == 0, "pending waitUntil tasks", sourceLocation: sourceLocation)
    #expect(s.liveContexts == 0, "live execution contexts", sourceLocation: sourceLocation)
    #expect(s.pendingDisposers == 0, "pending dispose callbacks", sourceLocation: sourceLocation)
}

/// One `log` event: when, where, at which level, what.
struct LogLine: Equatable, CustomStringConvertible {
    let time: Int
    let worker: String?
    let level: LogLevel
    let text: String
    var description: String { "\(time)ms \(worker ?? "-") \(level.rawValue) \(text)" }
}

/// Every `log` event the runtime has recorded so far, in order.
func logLines(_ runtime: Runtime) -> [LogLine] {
    runtime.log.events().compactMap { event in
        guard case .log(_, let worker, let level, let text) = event.payload else { return nil }
        return LogLine(time: event.time, worker: worker, level: level, text: text)
    }
}

/// The texts of the worker `svc`'s info-level logs (what the module's code logged).
func svcLogs(_ runtime: Runtime) -> [String] {
    logLines(runtime).filter { $0.worker == "svc" && $0.level == .info }.map(\.text)
}

/// The runtime's warnings and errors (undisposed stubs, uncaught task errors, ...).
func warnings(_ runtime: Runtime) -> [LogLine] {
    logLines(runtime).filter { $0.level != .info }
}

/// The `RpcError` that `body` throws, or nil when it does not throw one.
func rpcError(_ body: () async throws -> Any) async -> RpcError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error as? RpcError
    }
}
