/// The workers a runtime hosts, as `wrangler.toml` declares them, and the rules they run under.
public struct RuntimeConfiguration: Sendable {
    public var workers: [WorkerConfig]
    /// `compatibility_date` (YYYY-MM-DD); nil means today's rules.
    public var compatibilityDate: String?
    public var compatibilityFlags: [String]
    /// Seed of the runtime's random source.
    public var seed: UInt64

    public init(workers: [WorkerConfig], compatibilityDate: String? = nil, compatibilityFlags: [String] = [], seed: UInt64 = 0) {
        self.workers = workers
        self.compatibilityDate = compatibilityDate
        self.compatibilityFlags = compatibilityFlags
        self.seed = seed
    }

    /// The rule set the date and flags select.
    public var rules: RuleSet { RuleSet(compatibilityDate: compatibilityDate, flags: compatibilityFlags) }
}

/// One worker: `name`, `main`, `services`, `vars`, `durable_objects.bindings`.
public struct WorkerConfig: Sendable {
    public var name: String
    /// The module it runs; nil for a worker whose code is supplied by the caller (the primary
    /// worker of a scenario, whose code is the script).
    public var main: String?
    public var services: [ServiceBindingConfig]
    public var vars: RpcObject
    /// Durable Object namespace bindings (§8.1).
    public var durableObjects: [DurableObjectBindingConfig]

    public init(
        name: String, main: String? = nil, services: [ServiceBindingConfig] = [], vars: RpcObject = RpcObject(),
        durableObjects: [DurableObjectBindingConfig] = []
    ) {
        self.name = name
        self.main = main
        self.services = services
        self.vars = vars
        self.durableObjects = durableObjects
    }
}

/// `{ name, class_name, script_name? }` (`durable_objects.bindings`, §8.1): `env.<name>` is the
/// namespace of the Durable Object class `className`, exported by the module of the worker
/// `scriptName` (nil: the declaring worker). Bindings naming the same (script, class) reach the
/// same objects.
public struct DurableObjectBindingConfig: Sendable {
    public var name: String
    public var className: String
    public var scriptName: String?

    public init(name: String, className: String, scriptName: String? = nil) {
        self.name = name
        self.className = className
        self.scriptName = scriptName
    }
}

/// `{ binding, service, entrypoint?, props? }` (§1.2, §1.8).
public struct ServiceBindingConfig: Sendable {
    public var binding: String
    public var service: String
    /// A named export of the service's module; nil for its default export.
    public var entrypoint: String?
    /// `ctx.props` for calls through this binding; `{}` when nil.
    public var props: RpcValue?

    public init(binding: String, service: String, entrypoint: String? = nil, props: RpcValue? = nil) {
        self.binding = binding
        self.service = service
        self.entrypoint = entrypoint
        self.props = props
    }
}

/// A configuration that cannot run, with what to fix.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
