import RPCEngine

/// Turns a checked header into the engine's `RuntimeConfiguration`, checking what only the
/// modules know: that every `main` names a module, every `entrypoint` an entrypoint export,
/// every flag a known one. Problems are reported at the header field concerned, as located
/// diagnostics: the file is invalid and nothing runs (exit 2).
public enum ScenarioConfiguration {
    /// The compatibility flags the engine implements (the rule sets of
    /// `workers-rpc-semantics.md`). Any other flag is refused rather than silently ignored,
    /// because a misspelt flag would run the scenario under the rules it meant to avoid.
    public static let knownFlags = [
        "rpc_params_dup_stubs", "rpc_params_transfer_stubs", "enhanced_error_serialization", "legacy_error_serialization",
    ]

    /// Flags that cannot be used together (Workers refuses a flag with its opposite).
    static let conflictingFlags: [(String, String)] = [
        ("rpc_params_dup_stubs", "rpc_params_transfer_stubs"),
        ("enhanced_error_serialization", "legacy_error_serialization"),
    ]

    /// The configuration `scenario` describes, run with `modules`.
    public static func make(_ scenario: ParsedScenario, modules: [WorkerModule]) throws(ScenarioDiagnostic)
        -> RuntimeConfiguration
    {
        let header = scenario.header
        let file = scenario.file
        func fail(_ message: String, _ range: SourceRange, hint: String? = nil) -> ScenarioDiagnostic {
            ScenarioDiagnostic(file: file, range: range, message: message, hint: hint)
        }
        for (i, flag) in header.compatibilityFlags.enumerated() {
            let range = i < header.compatibilityFlagRanges.count ? header.compatibilityFlagRanges[i] : .zero
            guard knownFlags.contains(flag) else {
                throw fail(
                    "unknown compatibility flag '\(flag)'", range,
                    hint: Suggestion.hint(for: flag, among: knownFlags, listIntro: "switchboard implements: "))
            }
            for (a, b) in conflictingFlags where flag == b || flag == a {
                let other = flag == a ? b : a
                if header.compatibilityFlags[..<i].contains(other) {
                    throw fail("compatibility flags '\(other)' and '\(flag)' conflict", range, hint: "keep one of them")
                }
            }
        }
        var table: [String: WorkerModule] = [:]
        for module in modules { table[module.name] = module }
        let moduleNames = modules.map(\.name)
        for worker in header.workers {
            if let main = worker.main, table[main] == nil {
                throw fail(
                    "unknown module '\(main)' for worker '\(worker.name)'", worker.mainField?.value ?? worker.range,
                    hint: Suggestion.hint(for: main, among: moduleNames, listIntro: "the catalogue has: "))
            }
        }
        var workers: [WorkerConfig] = []
        for worker in header.workers {
            var objects: [DurableObjectBindingConfig] = []
            for binding in worker.durableObjects {
                let script = binding.scriptName.flatMap { header.worker(named: $0) } ?? worker
                guard let main = script.main, let module = table[main] else {
                    throw fail(
                        "worker '\(script.name)' runs no module, so it exports no Durable Object class '\(binding.className)'",
                        binding.scriptNameField?.value ?? binding.classNameField.value,
                        hint: "name the worker whose module exports the class in script_name")
                }
                let classes = module.exports.filter { $0.kind == .durableObject }.map(\.name)
                guard classes.contains(binding.className) else {
                    throw fail(
                        "module '\(main)' exports no Durable Object class '\(binding.className)'", binding.classNameField.value,
                        hint: Suggestion.hint(for: binding.className, among: classes, listIntro: "its Durable Object classes: "))
                }
                objects.append(DurableObjectBindingConfig(name: binding.name, className: binding.className, scriptName: binding.scriptName))
            }
            var services: [ServiceBindingConfig] = []
            for service in worker.services {
                guard let target = header.worker(named: service.service) else {
                    throw fail("no worker named '\(service.service)'", service.serviceField.value)
                }
                guard let main = target.main, let module = table[main] else {
                    throw fail(
                        "worker '\(target.name)' runs no module, so '\(service.binding)' has nothing to call",
                        service.serviceField.value,
                        hint: "give '\(target.name)' a main, or bind to another worker (the primary worker's code is the script)")
                }
                let entrypoints = module.exports.filter { $0.kind == .entrypoint }.map(\.name)
                if let entrypoint = service.entrypoint {
                    guard let export = module.export(named: entrypoint), export.kind == .entrypoint else {
                        throw fail(
                            "module '\(main)' has no entrypoint named '\(entrypoint)'",
                            service.entrypointField?.value ?? service.range,
                            hint: Suggestion.hint(for: entrypoint, among: entrypoints, listIntro: "its entrypoints: "))
                    }
                } else if module.defaultExport == nil {
                    throw fail(
                        "module '\(main)' has no default export", service.range,
                        hint: "name one of its entrypoints: " + entrypoints.joined(separator: ", "))
                }
                services.append(ServiceBindingConfig(
                    binding: service.binding, service: service.service, entrypoint: service.entrypoint,
                    props: service.props.map(rpcValue)))
            }
            var vars = RpcObject()
            for variable in worker.vars { vars[variable.name] = rpcValue(variable.value) }
            workers.append(WorkerConfig(
                name: worker.name, main: worker.main, services: services, vars: vars, durableObjects: objects))
        }
        return RuntimeConfiguration(
            workers: workers, compatibilityDate: header.compatibilityDate?.description,
            compatibilityFlags: header.compatibilityFlags, seed: UInt64(bitPattern: Int64(header.seed)))
    }

    /// A header value as the worker sees it (`env.NAME`, `ctx.props`): TOML integers and floats
    /// are numbers, tables are plain objects.
    public static func rpcValue(_ value: HeaderValue) -> RpcValue {
        switch value {
        case .string(let text): return .string(text)
        case .integer(let n): return .number(Double(n))
        case .double(let d): return .number(d)
        case .bool(let b): return .bool(b)
        case .array(let values): return .array(values.map(rpcValue))
        case .table(let entries): return .object(RpcObject(entries.map { ($0.key, rpcValue($0.value)) }))
        }
    }
}
