import RPCEngine

/// Where code runs: its scope, and the file its ranges refer to.
struct Frame {
    let scope: Scope
    let file: SourceFile

    func fault(_ message: String, name: String = "TypeError", at range: SourceRange, hint: String? = nil) -> ScriptThrow {
        ScriptThrow.fault(message, name: name, file: file, range: range, hint: hint)
    }
}

extension ScriptInterpreter {
    /// The names every script can use without declaring them.
    static let globalNames = ["env", "runtime", "console"]

    /// Evaluates `expression`. Calls on stubs that are not awaited yield RPC promises (§5.1);
    /// `await` is what waits.
    func evaluate(_ expression: Expression, _ f: Frame, name: String? = nil) async throws -> ScriptValue {
        evaluationDepth += 1
        defer { evaluationDepth -= 1 }
        if evaluationDepth > Self.maximumEvaluationDepth {
            throw f.fault("Maximum call stack size exceeded", name: "RangeError", at: expression.range)
        }
        switch expression.kind {
        case .number(let literal): return .value(.number(literal.value))
        case .bigint(let digits): return .value(.bigint(RpcBigInt(digits) ?? RpcBigInt(0)))
        case .string(let text): return .value(.string(text))
        case .boolean(let value): return .value(.bool(value))
        case .null: return .value(.null)
        case .undefined: return .undefined
        case .identifier(let identifier): return try lookup(identifier, at: expression.range, f)
        case .array(let elements):
            var values: [RpcValue] = []
            for element in elements {
                values.append(try storable(try await evaluate(element, f), at: element.range, f))
            }
            return .value(.array(values))
        case .object(let properties):
            var object = RpcObject()
            for property in properties {
                let value = try await evaluate(property.value, f, name: property.key)
                object[property.key] = try storable(value, at: property.value.range, f)
            }
            return .value(.object(object))
        case .new(let constructor, let arguments):
            var values: [RpcValue] = []
            for argument in arguments {
                values.append(try storable(try await evaluate(argument, f), at: argument.range, f))
            }
            return .value(try construct(constructor, values, at: expression.range, f))
        case .bytes(let bytes):
            return .value(.bytes(RpcBytes(bytes)))
        case .rpcTarget(let members):
            return .value(try makeTarget(try await evaluate(members, f), name: name, at: members.range, f))
        case .sameValue(let a, let b):
            let x = try await evaluate(a, f)
            let y = try await evaluate(b, f)
            if let vx = x.rpcValue, let vy = y.rpcValue { return .value(.bool(vx.isSameValue(vy))) }
            return .value(.bool(identical(x, y)))
        case .member(let base, let member):
            let value = try await evaluate(base, f)
            return try self.member(value, member.name, base: base, at: expression.range, f)
        case .index(let base, let key):
            let value = try await evaluate(base, f)
            let keyValue = try await evaluate(key, f)
            return try index(value, keyValue, base: base, at: expression.range, f)
        case .call(let callee, let arguments):
            return try await call(callee, arguments, awaited: false, at: expression.range, f)
        case .await(let operand):
            if case .call(let callee, let arguments) = operand.kind {
                let result = try await call(callee, arguments, awaited: true, at: operand.range, f)
                return try await settle(result, at: operand.range, f)
            }
            return try await settle(try await evaluate(operand, f), at: operand.range, f)
        case .unary(let op, let operand):
            let value = try await evaluate(operand, f)
            return try unary(op, value, at: expression.range, f)
        case .binary(.and, let lhs, let rhs):
            let left = try await evaluate(lhs, f)
            return left.isTruthy ? try await evaluate(rhs, f) : left
        case .binary(.or, let lhs, let rhs):
            let left = try await evaluate(lhs, f)
            return left.isTruthy ? left : try await evaluate(rhs, f)
        case .binary(let op, let lhs, let rhs):
            let left = try await evaluate(lhs, f)
            let right = try await evaluate(rhs, f)
            return try binary(op, left, right, at: expression.range, f)
        case .arrow(let parameters, let body):
            let function = ScriptFunction(
                name: name ?? "anonymous", body: .arrow(parameters: parameters, body: body, scope: f.scope, file: f.file))
            function.bind(to: self)
            return .value(.function(register(function)))
        }
    }

    /// `await value`: an RPC promise gives its result, a property path is fetched (§5.5), and
    /// anything else is itself (a stub is not a thenable, §2.6).
    func settle(_ value: ScriptValue, at range: SourceRange, _ f: Frame) async throws -> ScriptValue {
        do {
            switch value {
            case .value(.promise(let promise)): return .value(try await promise.value())
            case .property(let path): return .value(try await path.property.get())
            default: return value
            }
        } catch {
            throw ScriptThrow.rpc(error, file: f.file, range: range)
        }
    }

    // MARK: names

    func lookup(_ name: String, at range: SourceRange, _ f: Frame) throws -> ScriptValue {
        if let binding = f.scope.lookup(name) { return binding.value }
        switch name {
        case "env": return .env(env)
        case "runtime": return .runtime
        case "console": return .console
        default:
            // The static check found a declaration for every name, so a name that is not bound
            // yet is one whose declaration has not run: JavaScript's temporal dead zone, met
            // inside a function called before the declaration.
            throw f.fault(
                "Cannot access '\(name)' before initialization", name: "ReferenceError", at: range,
                hint: "it is declared further down; declare it before the code that calls this function runs")
        }
    }

    // MARK: operators

    func unary(_ op: UnaryOperator, _ value: ScriptValue, at range: SourceRange, _ f: Frame) throws -> ScriptValue {
        switch op {
        case .not: return .value(.bool(!value.isTruthy))
        case .typeof: return .value(.string(value.typeOf))
        case .negate:
            do {
                return .value(try JavaScript.negate(primitive(value)))
            } catch {
                throw f.fault(error.message, name: error.name, at: range)
            }
        }
    }

    func binary(_ op: BinaryOperator, _ a: ScriptValue, _ b: ScriptValue, at range: SourceRange, _ f: Frame) throws
        -> ScriptValue
    {
        switch op {
        case .equal: return .value(.bool(deepEqual(a, b)))
        case .notEqual: return .value(.bool(!deepEqual(a, b)))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            return .value(.bool(JavaScript.relational(op.comparison!, primitive(a), primitive(b))))
        case .add, .subtract, .multiply, .divide, .remainder:
            do {
                if op == .add { return .value(try JavaScript.add(primitive(a), primitive(b))) }
                return .value(try JavaScript.arithmetic(op, primitive(a), primitive(b)))
            } catch {
                throw f.fault(error.message, name: error.name, at: range)
            }
        case .and: return a.isTruthy ? b : a
        case .or: return a.isTruthy ? a : b
        }
    }

    /// The value operators see: handles that are not `RpcValue`s are objects, whose string form
    /// is what JavaScript's `ToPrimitive` would give.
    func primitive(_ value: ScriptValue) -> RpcValue {
        switch value {
        case .value(let v): return v
        case .property: return .string("[object RpcProperty]")
        case .binding: return .string("[object Fetcher]")
        default: return .string("[object Object]")
        }
    }

    /// `==` of the script language: deep equality on values (§2 "Expressions"), identity on
    /// handles (a binding equals the same binding).
    func deepEqual(_ a: ScriptValue, _ b: ScriptValue) -> Bool {
        if let x = a.rpcValue, let y = b.rpcValue { return x == y }
        return identical(a, b)
    }

    /// Whether two handles are the same object.
    func identical(_ a: ScriptValue, _ b: ScriptValue) -> Bool {
        switch (a, b) {
        case (.value(let x), .value(let y)): return x.isSameValue(y)
        case (.binding(let x), .binding(let y)): return x.worker == y.worker && x.binding == y.binding
        case (.env, .env), (.runtime, .runtime), (.console, .console): return true
        default: return false
        }
    }

    // MARK: storing and sending

    /// `value` as an element of an array or object literal: handles that only exist on this
    /// side (bindings, property paths) cannot be stored there.
    func storable(_ value: ScriptValue, at range: SourceRange, _ f: Frame) throws -> RpcValue {
        if let v = value.rpcValue { return v }
        throw f.fault(
            "\(value.summary()) cannot be stored in an array or object", at: range,
            hint: "keep it in a variable of its own (await a property to get its value)")
    }

    /// `value` as an argument of an RPC call.
    func sendable(_ value: ScriptValue, at range: SourceRange, _ f: Frame) throws -> RpcValue {
        switch value {
        case .value(let v): return v
        case .property:
            throw ScriptThrow(
                error: RpcError(name: "DataCloneError", message: RpcError.Message.cannotSerialize("RpcProperty")),
                file: f.file, range: range, hint: "await the property first to send its value", isFault: false)
        case .binding(let binding):
            throw f.fault(
                "Switchboard cannot send a service binding over RPC yet", name: "Error", at: range,
                hint: "give the receiving worker its own binding to \(binding.binding)'s service")
        case .env:
            throw ScriptThrow(
                error: RpcError(name: "DataCloneError", message: RpcError.Message.cannotSerialize("Env")),
                file: f.file, range: range, hint: nil, isFault: false)
        case .runtime, .console:
            throw ScriptThrow(
                error: RpcError(name: "DataCloneError", message: RpcError.Message.cannotSerialize("Object")),
                file: f.file, range: range, hint: nil, isFault: false)
        }
    }
}
