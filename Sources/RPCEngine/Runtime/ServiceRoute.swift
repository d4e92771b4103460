/// Where a service binding's calls go: the service, the entrypoint export and how to make its
/// instance, and the props its calls see. Resolved once per runtime from the configuration.
struct ServiceRoute: Sendable {
    let service: String
    let exportName: String
    let props: RpcValue
    let makeEntrypoint: @Sendable (ExecutionContext, Env) -> any RpcReceiver
}

extension Runtime {
    /// The routes of every (validated) service binding.
    static func routes(_ config: RuntimeConfiguration, _ modules: [String: WorkerModule]) -> [String: [String: ServiceRoute]] {
        var table: [String: [String: ServiceRoute]] = [:]
        let workers = Dictionary(config.workers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for worker in config.workers {
            var routes: [String: ServiceRoute] = [:]
            for binding in worker.services {
                guard let main = workers[binding.service]?.main, let module = modules[main],
                      let exportName = binding.entrypoint ?? module.defaultExport,
                      let make = module.export(named: exportName)?.makeEntrypoint
                else { continue }
                routes[binding.binding] = ServiceRoute(
                    service: binding.service, exportName: exportName, props: binding.props ?? .object(RpcObject()),
                    makeEntrypoint: make)
            }
            table[worker.name] = routes
        }
        return table
    }
}
