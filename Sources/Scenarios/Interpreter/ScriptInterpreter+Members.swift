import RPCEngine

extension ScriptInterpreter {
    /// The fields `runtime.*` offers.
    static let runtimeFields = ["liveStubs", "pendingCalls", "pendingTasks", "liveContexts", "logs", "now"]

    /// `value.name`. On a binding, stub or promise this builds a property path and sends nothing
    /// (§5.5); on local values it reads what JavaScript would (`length`, `size`, `source`,
    /// `flags`, an error's `name`, `message`, `remote` and own properties, an object's fields).
    func member(_ value: ScriptValue, _ name: String, base: Expression, at range: SourceRange, _ f: Frame) throws
        -> ScriptValue
    {
        switch value {
        case .env(let env):
            if env.bindingNames.contains(name) { return .binding(env[dynamicMember: name]) }
            return .value(env.vars.values[name] ?? .undefined)
        case .binding(let binding):
            return .property(RemotePath(root: .binding(binding), path: [name]))
        case .property(let path):
            return .property(path.appending(name))
        case .runtime:
            return try runtimeField(name, at: range, f)
        case .console:
            if name == "log" { return .value(.function(consoleLog)) }
            return .undefined
        case .value(let v):
            return try member(of: v, name, base: base, at: range, f)
        }
    }

    private func member(of value: RpcValue, _ name: String, base: Expression, at range: SourceRange, _ f: Frame) throws
        -> ScriptValue
    {
        switch value {
        case .undefined, .null:
            throw f.fault(
                "Cannot read properties of \(value.summary()) (reading '\(name)')", at: range,
                hint: undefinedHint(base, f))
        case .stub(let stub):
            return .property(RemotePath(root: .stub(stub), path: [name]))
        case .promise(let promise):
            return .property(RemotePath(root: .promise(promise), path: [name]))
        case .object(let object):
            return .value(object[name] ?? .undefined)
        case .array(let elements):
            if name == "length" { return .value(.number(Double(elements.count))) }
            if let i = Self.arrayIndex(name), i < elements.count { return .value(elements[i]) }
            return .undefined
        case .string(let text):
            let units = Array(text.utf16)
            if name == "length" { return .value(.number(Double(units.count))) }
            if let i = Self.arrayIndex(name), i < units.count {
                return .value(.string(String(decoding: [units[i]], as: UTF16.self)))
            }
            return .undefined
        case .map(let entries):
            return name == "size" ? .value(.number(Double(entries.count))) : .undefined
        case .set(let elements):
            return name == "size" ? .value(.number(Double(elements.count))) : .undefined
        case .regexp(let source, let flags):
            switch name {
            case "source": return .value(.string(source))
            case "flags": return .value(.string(flags))
            case "global": return .value(.bool(flags.contains("g")))
            default: return .undefined
            }
        case .error(let error):
            switch name {
            case "name": return .value(.string(error.name))
            case "message": return .value(.string(error.message))
            case "remote" where error.properties["remote"] == nil: return error.remote ? .value(.bool(true)) : .undefined
            case "durableObjectId" where error.durableObjectId != nil: return .value(.string(error.durableObjectId!))
            default: return .value(error.properties[name] ?? .undefined)
            }
        case .bytes(let bytes):
            switch name {
            case "length" where bytes.kind != .arrayBuffer && bytes.kind != .dataView:
                return .value(.number(Double(bytes.data.count)))
            case "byteLength": return .value(.number(Double(bytes.data.count)))
            default:
                if let i = Self.arrayIndex(name), i < bytes.data.count, bytes.kind == .uint8 {
                    return .value(.number(Double(bytes.data[i])))
                }
                return .undefined
            }
        case .function(let function):
            return name == "name" ? .value(.string(function.name)) : .undefined
        case .target(let ref):
            if let scripted = ref.object as? ScriptedTarget, name != "dispose", let method = scripted.methods[name] {
                return .value(.function(method))
            }
            return .undefined
        case .bool, .number, .bigint, .date, .opaque:
            return .undefined
        }
    }

    /// `value[key]`: like a member, with the key converted to a string (array and string
    /// indices included).
    func index(_ value: ScriptValue, _ key: ScriptValue, base: Expression, at range: SourceRange, _ f: Frame) throws
        -> ScriptValue
    {
        let name = JavaScript.toString(primitive(key))
        return try member(value, name, base: base, at: range, f)
    }

    /// A non-negative integer index written as a string (`"0"`, `"12"`), if `name` is one.
    static func arrayIndex(_ name: String) -> Int? {
        guard !name.isEmpty, name.count < 16, name.allSatisfy({ $0.isASCII && $0.isNumber }),
            name == "0" || !name.hasPrefix("0")
        else { return nil }
        return Int(name)
    }

    /// `runtime.<name>`.
    func runtimeField(_ name: String, at range: SourceRange, _ f: Frame) throws -> ScriptValue {
        let stats = runtime.onLoop { $0.stats }
        switch name {
        case "liveStubs": return .value(.number(Double(stats.liveStubs)))
        case "pendingCalls": return .value(.number(Double(stats.pendingCalls)))
        case "pendingTasks": return .value(.number(Double(stats.pendingTasks)))
        case "liveContexts": return .value(.number(Double(stats.liveContexts)))
        case "now": return .value(.number(Double(runtime.clock.now)))
        case "logs": return .value(.array(Self.workerLogs(runtime.log).map { .string($0) }))
        default:
            throw f.fault(
                "runtime has no field '\(name)'", at: range,
                hint: Suggestion.hint(for: name, among: Self.runtimeFields, listIntro: "runtime's fields: "))
        }
    }

    /// `runtime.logs`: the text of every `console.log` of worker code (the `info`-level `log`
    /// events that name a worker, the script's own `log` statements included), oldest first.
    /// Runtime warnings and uncaught-error reports are left out.
    static func workerLogs(_ log: EventLog) -> [String] {
        log.events().compactMap { event in
            if case .log(_, let worker?, .info, let text) = event.payload, !worker.isEmpty { return text }
            return nil
        }
    }

    /// A hint for reading a property of `undefined`: name the binding `env` does not have.
    func undefinedHint(_ base: Expression, _ f: Frame) -> String? {
        guard case .member(let root, let name) = base.kind, case .identifier("env") = root.kind,
            f.scope.lookup("env") == nil
        else { return nil }
        let env = self.env
        let names = env.bindingNames + env.vars.values.keys
        if names.isEmpty { return "the primary worker has no bindings or vars: declare services in its [[workers]] table" }
        return "env has no binding or var named '\(name.name)'; "
            + Suggestion.hint(for: name.name, among: names, listIntro: "it has: ")
    }

    /// `console.log` as a function value: callable locally, and passable over RPC (the callee's
    /// calls log in the context that sent it).
    var consoleLog: RpcFunction {
        if let existing = functions["log"]?.first(where: \.isConsoleLog) { return existing.rpc }
        let function = ScriptFunction(name: "log", body: .native({ [weak self] args in
            self?.log(args.map { self?.logText($0) ?? "" }.joined(separator: " "))
            return .undefined
        }))
        function.isConsoleLog = true
        function.bind(to: self)
        return register(function)
    }

    /// Logs `text` in the context running now (a `log` event of the primary worker).
    func log(_ text: String) {
        if let ctx = ExecutionContext.current {
            ctx.log(text)
        } else {
            runtime.log(context: currentRequest?.id, worker: primaryWorker, level: .info, text)
        }
    }

    /// How `console.log` prints one argument: strings as they are, other values as summaries.
    func logText(_ value: ScriptValue) -> String {
        if case .value(.string(let text)) = value { return text }
        return value.summary(limit: Int.max)
    }
}
