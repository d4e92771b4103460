import RPCEngine

extension ScriptInterpreter {
    // MARK: new

    /// `new Date(...)`, `new Map(...)`, `new Set(...)`, `new RegExp(...)`, `new Error(...)`.
    func construct(_ constructor: Constructor, _ arguments: [RpcValue], at range: SourceRange, _ f: Frame) throws
        -> RpcValue
    {
        let first = arguments.first ?? .undefined
        switch constructor {
        case .date:
            switch first {
            case .undefined where arguments.isEmpty:
                // The virtual clock starts at the epoch: `new Date()` is deterministic.
                return .date(Double(runtime.clock.now))
            case .date(let ms): return .date(ms)
            case .string(let text): return .date(JavaScript.parseDate(text))
            default:
                let primitive = JavaScript.toPrimitive(first)
                if case .string(let text) = primitive { return .date(JavaScript.parseDate(text)) }
                if case .bigint = primitive {
                    throw f.fault("Cannot convert a BigInt value to a number", at: range)
                }
                return .date(JavaScript.timeClip(JavaScript.toNumber(primitive)))
            }
        case .map:
            var entries: [RpcMapEntry] = []
            switch first {
            case .undefined, .null: break
            case .map(let existing): entries = existing
            case .array(let pairs):
                for pair in pairs {
                    guard case .array(let items) = pair else {
                        throw f.fault("Iterator value \(pair.summary()) is not an entry object", at: range,
                                      hint: "write new Map([[key, value], ...])")
                    }
                    let key = items.first ?? .undefined
                    let value = items.count > 1 ? items[1] : .undefined
                    if let i = entries.firstIndex(where: { $0.key == key }) {
                        entries[i].value = value
                    } else {
                        entries.append(RpcMapEntry(key, value))
                    }
                }
            default:
                throw f.fault("\(first.summary()) is not iterable", at: range, hint: "write new Map([[key, value], ...])")
            }
            return .map(entries)
        case .set:
            var elements: [RpcValue] = []
            let items: [RpcValue]
            switch first {
            case .undefined, .null: items = []
            case .array(let values), .set(let values): items = values
            case .string(let text): items = text.map { .string(String($0)) }
            default:
                throw f.fault("\(first.summary()) is not iterable", at: range, hint: "write new Set([a, b, ...])")
            }
            for item in items where !elements.contains(where: { $0 == item }) { elements.append(item) }
            return .set(elements)
        case .regExp:
            var source: String
            var flags: String
            if case .regexp(let s, let fl) = first {
                source = s
                flags = fl
            } else {
                source = first == .undefined ? "" : JavaScript.toString(first)
                flags = ""
            }
            if arguments.count > 1, arguments[1] != .undefined { flags = JavaScript.toString(arguments[1]) }
            let allowed = Set("dgimsuvy")
            guard flags.allSatisfy({ allowed.contains($0) }), Set(flags).count == flags.count else {
                throw f.fault(
                    "Invalid flags supplied to RegExp constructor '\(flags)'", name: "SyntaxError", at: range,
                    hint: "flags are some of d, g, i, m, s, u, v, y, each at most once")
            }
            if source.isEmpty { source = "(?:)" }
            return .regexp(source: Self.escapingSlashes(source), flags: String(flags.sorted()))
        case .error, .typeError, .rangeError, .syntaxError, .referenceError, .evalError, .uriError:
            var error = RpcError(name: constructor.rawValue, message: first == .undefined ? "" : JavaScript.toString(first))
            if arguments.count > 1, case .object(let options) = arguments[1], let cause = options["cause"] {
                error.properties["cause"] = cause
            }
            return .error(error)
        }
    }

    /// A regular expression's `source` escapes `/` (outside classes and escapes), as JavaScript's does.
    static func escapingSlashes(_ source: String) -> String {
        var out = ""
        var escaped = false
        var inClass = false
        for c in source {
            if escaped {
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "[" {
                inClass = true
            } else if c == "]" {
                inClass = false
            } else if c == "/" && !inClass {
                out += "\\/"
                continue
            }
            out.append(c)
        }
        return out
    }

    // MARK: rpcTarget

    /// `rpcTarget({ ... })`: a local `RpcTarget` whose methods are the object's functions; a
    /// `dispose` member becomes its `[Symbol.dispose]`. Other members stay private, as instance
    /// properties of a JavaScript `RpcTarget` do (§2.1). It is named after the name it is
    /// declared with (`let guestbook = rpcTarget(...)` shows as `RpcTarget(guestbook)`).
    func makeTarget(_ members: ScriptValue, name: String?, at range: SourceRange, _ f: Frame) throws -> RpcValue {
        guard case .value(.object(let object)) = members else {
            throw f.fault(
                "rpcTarget(...) needs an object of functions, not \(members.summary())", at: range,
                hint: "write rpcTarget({ method: (x) => ... })")
        }
        var methods: [(String, RpcFunction)] = []
        var disposer: RpcFunction?
        for (key, value) in object {
            guard case .function(let function) = value else { continue }
            if key == "dispose" { disposer = function } else { methods.append((key, function)) }
        }
        let target = ScriptedTarget(name: name ?? "RpcTarget", methods: methods, dispose: disposer)
        if let disposer { targetDisposers[ObjectIdentifier(target)] = (target, disposer) }
        return .target(RpcTargetRef(target))
    }

    // MARK: disposal

    /// Checks that `value` can be declared with `using` (JavaScript checks at the declaration):
    /// `null` and `undefined` are allowed and skipped. Any object, array, map or set is accepted
    /// as an RPC result would be (disposing it disposes the stubs inside, §4.7): a value does not
    /// say whether it came from RPC or from a literal.
    func checkDisposable(_ value: ScriptValue, at range: SourceRange, _ f: Frame) throws {
        if let reason = notDisposableReason(value) {
            throw f.fault(reason.message, at: range, hint: reason.hint)
        }
    }

    private func notDisposableReason(_ value: ScriptValue) -> (message: String, hint: String?)? {
        switch value {
        case .value(.undefined), .value(.null), .value(.stub), .value(.promise), .value(.object), .value(.array),
            .value(.map), .value(.set), .value(.error), .value(.target):
            return nil
        case .value(.function):
            return ("a local function is not disposable", "functions have no [Symbol.dispose]; stubs of them do")
        case .value(let v):
            return ("\(v.summary()) is not disposable", "only stubs, RPC promises and RPC results can be disposed")
        case .binding(let binding):
            return (
                "env.\(binding.binding) is a service binding, which is not disposable",
                "a binding is not tied to one request and has no dispose (§4.2); dispose what its calls return"
            )
        case .property(let path):
            return (
                "\(path.description) is an RpcProperty, which is not disposable",
                "await it first, or dispose the stub it belongs to"
            )
        case .env, .runtime, .console:
            return ("\(value.summary()) is not disposable", nil)
        }
    }

    /// `value[Symbol.dispose]()`: stubs and promises are disposed, results dispose every stub
    /// inside them (§4.7), a local `rpcTarget` runs its `dispose` member.
    func dispose(_ value: ScriptValue, reason: DisposeReason, line: Int?, at range: SourceRange, _ f: Frame) async throws {
        try checkDisposable(value, at: range, f)
        guard case .value(let v) = value else { return }
        switch v {
        case .undefined, .null:
            return
        case .target(let ref):
            guard let disposer = targetDisposers[ObjectIdentifier(ref.object)]?.dispose,
                let function = scriptFunction(for: disposer)
            else { return }
            _ = try await invoke(function, [], at: range, f)
        default:
            let by = line.map { "line\($0)" }
            runtime.onLoop { $0.disposeValue(v, reason: reason, by: by) }
        }
    }

    /// Disposes the `using` values of `scope` in reverse order of declaration (at the end of a
    /// block, a function body or a request). A disposal that fails is recorded, never thrown.
    func disposeUsings(of scope: Scope, line: Int?) async {
        let usings = scope.usings
        scope.usings.removeAll()
        let f = Frame(scope: scope, file: SourceFile(name: transcript.fileName, text: ""))
        for (_, value) in usings.reversed() {
            do {
                try await dispose(value, reason: .usingScopeEnded, line: line, at: .zero, f)
            } catch let thrown as ScriptThrow {
                record(.note("disposing a using value threw \(thrown.error.name): \(thrown.error.message)"))
            } catch {
                record(.note("disposing a using value threw \(error)"))
            }
        }
    }
}
