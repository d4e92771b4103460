import RPCEngine

/// Something a call goes to on the other side of an RPC boundary.
enum RemoteCallee {
    case path(RemotePath)
    case stub(Stub)
    case promise(RpcPromise)

    /// Whether the call is pipelined on an RPC promise.
    var ridesOnPromise: Bool {
        switch self {
        case .promise: return true
        case .path(let path):
            if case .promise = path.root { return true }
            return false
        case .stub: return false
        }
    }
}

extension ScriptInterpreter {
    /// `callee(arguments...)`. On a binding, stub, promise or property path the call is sent:
    /// awaited, it runs inline; not awaited, it yields the RPC promise at once (§5.1). Local
    /// functions run here; the built-in methods of local values (`includes`, `has`, `get`,
    /// `dup`, ...) are answered here.
    func call(_ callee: Expression, _ arguments: [Expression], awaited: Bool, at range: SourceRange, _ f: Frame)
        async throws -> ScriptValue
    {
        let target: ScriptValue
        let methodName: String?
        switch callee.kind {
        case .member(let baseExpression, let name):
            let base = try await evaluate(baseExpression, f)
            if case .value(.stub(let stub)) = base, name.name == "dup" {
                // `dup` exists locally on a stub and shadows the RPC name (§2.6).
                _ = try await evaluateArguments(arguments, f)
                do {
                    return .value(.stub(try stub.dup()))
                } catch {
                    throw ScriptThrow.rpc(error, file: f.file, range: range)
                }
            }
            if let remote = remoteCallee(base, appending: name.name) {
                return try await callRemote(remote, try await sendableArguments(arguments, f), awaited: awaited, at: range, f)
            }
            if let result = try await builtinMethod(base, name.name, arguments, at: range, f) { return result }
            target = try member(base, name.name, base: baseExpression, at: callee.range, f)
            methodName = name.name
        case .index(let baseExpression, let keyExpression):
            let base = try await evaluate(baseExpression, f)
            let key = try await evaluate(keyExpression, f)
            let name = JavaScript.toString(primitive(key))
            if let remote = remoteCallee(base, appending: name) {
                return try await callRemote(remote, try await sendableArguments(arguments, f), awaited: awaited, at: range, f)
            }
            if let result = try await builtinMethod(base, name, arguments, at: range, f) { return result }
            target = try index(base, key, base: baseExpression, at: callee.range, f)
            methodName = name
        default:
            target = try await evaluate(callee, f)
            methodName = nil
        }
        if let remote = remoteCallee(target, appending: nil) {
            return try await callRemote(remote, try await sendableArguments(arguments, f), awaited: awaited, at: range, f)
        }
        guard case .value(.function(let rpc)) = target else {
            throw f.fault(
                "\(callee.description) is not a function", at: callee.range,
                hint: notAFunctionHint(target, methodName: methodName))
        }
        let values = try await evaluateArguments(arguments, f)
        guard let function = scriptFunction(for: rpc) else {
            throw f.fault("\(callee.description) is not a function of this script", at: callee.range)
        }
        return try await invoke(function, values, at: range, f)
    }

    /// The remote callee for calling `value` (with `name` appended to its path, when given):
    /// a binding or property path, a stub, or a promise. `nil` for local values.
    func remoteCallee(_ value: ScriptValue, appending name: String?) -> RemoteCallee? {
        switch value {
        case .binding(let binding):
            guard let name else { return nil }
            return .path(RemotePath(root: .binding(binding), path: [name]))
        case .property(let path):
            return .path(name.map { path.appending($0) } ?? path)
        case .value(.stub(let stub)):
            return name.map { .path(RemotePath(root: .stub(stub), path: [$0])) } ?? .stub(stub)
        case .value(.promise(let promise)):
            return name.map { .path(RemotePath(root: .promise(promise), path: [$0])) } ?? .promise(promise)
        default:
            return nil
        }
    }

    /// Sends a call. Awaited, it waits inline; otherwise it returns the RPC promise at once.
    func callRemote(_ callee: RemoteCallee, _ arguments: [RpcValue], awaited: Bool, at range: SourceRange, _ f: Frame)
        async throws -> ScriptValue
    {
        do {
            if awaited && callee.ridesOnPromise {
                // Sent now, then awaited: the engine's awaited call first hops onto the runtime,
                // which lets the promise's own call finish before this one leaves, and then it
                // would not be pipelined (§5.1). JavaScript sends it before awaiting.
                let promise: RpcPromise
                switch callee {
                case .path(let path): promise = try path.property.start(arguments: arguments)
                case .stub(let stub): promise = try stub.start(arguments: arguments)
                case .promise(let p): promise = try p.start(arguments: arguments)
                }
                return .value(try await promise.value())
            }
            if awaited {
                switch callee {
                case .path(let path): return .value(try await path.property.dynamicallyCall(withArguments: arguments))
                case .stub(let stub): return .value(try await stub.dynamicallyCall(withArguments: arguments))
                case .promise(let promise): return .value(try await promise.dynamicallyCall(withArguments: arguments))
                }
            }
            switch callee {
            case .path(let path): return .value(.promise(try path.property.start(arguments: arguments)))
            case .stub(let stub): return .value(.promise(try stub.start(arguments: arguments)))
            case .promise(let promise): return .value(.promise(try promise.start(arguments: arguments)))
            }
        } catch {
            throw ScriptThrow.rpc(error, file: f.file, range: range)
        }
    }

    func evaluateArguments(_ arguments: [Expression], _ f: Frame) async throws -> [ScriptValue] {
        var values: [ScriptValue] = []
        for argument in arguments { values.append(try await evaluate(argument, f)) }
        return values
    }

    func sendableArguments(_ arguments: [Expression], _ f: Frame) async throws -> [RpcValue] {
        var values: [RpcValue] = []
        for argument in arguments {
            values.append(try sendable(try await evaluate(argument, f), at: argument.range, f))
        }
        return values
    }

    private func notAFunctionHint(_ target: ScriptValue, methodName: String?) -> String? {
        switch target {
        case .value(.undefined):
            return methodName.map { "there is no method '\($0)' here" }
        case .value(.target):
            return "an RpcTarget is not callable itself; call one of its methods"
        case .env:
            return "env holds bindings: call a method on one, e.g. env.SERVICE.method()"
        default:
            return nil
        }
    }

    // MARK: built-in methods of local values

    /// `includes`, `has`, `get`, `getTime`, `toISOString` and `console.log`, when `base` has
    /// them; `nil` otherwise. Elements and keys compare with the script's `==` (deep equality):
    /// JavaScript compares objects by identity, which values copied across RPC do not keep.
    func builtinMethod(_ base: ScriptValue, _ name: String, _ arguments: [Expression], at range: SourceRange, _ f: Frame)
        async throws -> ScriptValue?
    {
        switch (base, name) {
        case (.console, "log"):
            let values = try await evaluateArguments(arguments, f)
            log(values.map(logText).joined(separator: " "))
            return .undefined
        case (.value(.array(let elements)), "includes"):
            let needle = try await firstArgument(arguments, f)
            return .value(.bool(elements.contains { $0 == needle }))
        case (.value(.string(let text)), "includes"):
            let needle = JavaScript.toString(try await firstArgument(arguments, f))
            return .value(.bool(needle.isEmpty || text.contains(needle)))
        case (.value(.map(let entries)), "has"):
            let key = try await firstArgument(arguments, f)
            return .value(.bool(entries.contains { $0.key == key }))
        case (.value(.map(let entries)), "get"):
            let key = try await firstArgument(arguments, f)
            return .value(entries.first { $0.key == key }?.value ?? .undefined)
        case (.value(.set(let elements)), "has"):
            let needle = try await firstArgument(arguments, f)
            return .value(.bool(elements.contains { $0 == needle }))
        case (.value(.date(let ms)), "getTime"):
            _ = try await evaluateArguments(arguments, f)
            return .value(.number(ms))
        case (.value(.date(let ms)), "toISOString"):
            _ = try await evaluateArguments(arguments, f)
            guard let text = JavaScript.isoString(ms) else {
                throw f.fault("Invalid time value", name: "RangeError", at: range)
            }
            return .value(.string(text))
        default:
            return nil
        }
    }

    private func firstArgument(_ arguments: [Expression], _ f: Frame) async throws -> RpcValue {
        let values = try await evaluateArguments(arguments, f)
        guard let first = values.first else { return .undefined }
        return primitiveOrValue(first)
    }

    /// The `RpcValue` of `value`, or its primitive stand-in for handles.
    private func primitiveOrValue(_ value: ScriptValue) -> RpcValue {
        value.rpcValue ?? primitive(value)
    }

    // MARK: invoking local functions

    /// Calls a local function with `arguments` (missing ones are `undefined`).
    func invoke(_ function: ScriptFunction, _ arguments: [ScriptValue], at range: SourceRange, _ f: Frame) async throws
        -> ScriptValue
    {
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > Self.maximumCallDepth {
            throw f.fault("Maximum call stack size exceeded", name: "RangeError", at: range)
        }
        switch function.body {
        case .native(let body):
            return try await body(arguments)
        case .arrow(let parameters, let body, let captured, let file):
            var result = ScriptValue.undefined
            try await inBlock(captured, endLine: nil) { scope in
                for (i, parameter) in parameters.enumerated() {
                    scope.declare(parameter.name, i < arguments.count ? arguments[i] : .undefined, kind: .let, range: parameter.range)
                }
                let frame = Frame(scope: scope, file: file)
                switch body {
                case .expression(let expression):
                    result = try await evaluate(expression, frame)
                case .block(let statements):
                    do {
                        try await executeFunctionBody(statements, frame)
                    } catch let signal as ReturnSignal {
                        result = signal.value
                    }
                }
            }
            return result
        }
    }

    /// Runs a local function for a caller on the other side of an RPC: the arguments arrive as
    /// values, a returned promise or property is awaited (a top-level thenable result is
    /// awaited by workerd too), and a script error becomes the error the caller receives.
    func invokeRemotely(_ function: ScriptFunction, _ arguments: [RpcValue]) async throws -> RpcValue {
        let file: SourceFile
        let range: SourceRange
        if case .arrow(_, let body, _, let arrowFile) = function.body {
            file = arrowFile
            switch body {
            case .expression(let expression): range = expression.range
            case .block(let statements): range = statements.first?.range ?? .zero
            }
        } else {
            file = SourceFile(name: consoleName, text: "")
            range = .zero
        }
        let frame = Frame(scope: globals, file: file)
        do {
            let result = try await settle(
                try await invoke(function, arguments.map { .value($0) }, at: range, frame), at: range, frame)
            return try sendable(result, at: range, frame)
        } catch let thrown as ScriptThrow {
            throw thrown.error
        }
    }
}
