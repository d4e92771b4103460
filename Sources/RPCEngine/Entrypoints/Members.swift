/// How a member is invoked once the runtime has found it: the instance is bound, only the
/// arguments remain. Runs on the runtime's loop (nonisolated(nonsending)).
public typealias MemberHandler<W> = nonisolated(nonsending) @Sendable (W, [RpcValue]) async throws -> RpcValue

/// The members a class exposes over RPC: its methods and getters, registered explicitly.
///
/// Workers exposes a class's prototype methods and getters and hides its instance properties
/// (§2.1, §2.5). Swift has no prototypes, so exposure is explicit: exactly the registered names
/// are reachable, and stored properties, `env` and `ctx` never are. Registration is typed and
/// works for any arity through parameter packs; arguments are decoded for you (a wrong type is a
/// `TypeError` naming the argument).
///
/// ```swift
/// static let rpc = Members<WorkerB> { $0.method("add", WorkerB.add) }
/// ```
public struct Members<W: AnyObject>: Sendable {
    /// A registered member.
    public enum Member: Sendable {
        case method(MemberHandler<W>)
        case getter(MemberHandler<W>)
    }

    private(set) var table: [String: Member] = [:]
    /// Registered names in registration order (for listings such as `switchboard catalog`).
    public private(set) var names: [String] = []
    /// Parameter descriptions per method, for listings (`add(a, b)`); defaults to `_` per argument.
    public private(set) var signatures: [String: String] = [:]

    public init(_ build: (inout Members<W>) -> Void = { _ in }) { build(&self) }

    public func member(_ name: String) -> Member? { table[name] }

    /// The members as listings show them, in registration order.
    public var descriptions: [MemberDescription] {
        names.map { name in
            let isGetter: Bool
            if case .getter? = table[name] { isGetter = true } else { isGetter = false }
            return MemberDescription(name: name, params: isGetter ? nil : signatures[name] ?? "", isGetter: isGetter)
        }
    }

    /// Registers `handler` under `name` as it is (dynamic arguments and result).
    public mutating func raw(_ name: String, params: String = "...", _ handler: @escaping MemberHandler<W>) {
        add(name, .method(handler), params)
    }

    /// Registers a synchronous method of any arity.
    public mutating func method<each A: RpcDecodable, R: RpcEncodable>(
        _ name: String, params: String? = nil, _ f: @escaping @Sendable (W) -> (repeat each A) throws -> R
    ) {
        add(name, .method({ w, args in
            var i = 0
            return try f(w)(repeat try decodeArgument((each A).self, args, &i)).rpcValue()
        }), params ?? Self.placeholders(repeat (each A).self))
    }

    /// Registers an asynchronous method of any arity.
    public mutating func method<each A: RpcDecodable, R: RpcEncodable>(
        _ name: String, params: String? = nil, _ f: @escaping @Sendable (W) -> nonisolated(nonsending) (repeat each A) async throws -> R
    ) {
        add(name, .method({ w, args in
            var i = 0
            return try await f(w)(repeat try decodeArgument((each A).self, args, &i)).rpcValue()
        }), params ?? Self.placeholders(repeat (each A).self))
    }

    /// Registers a synchronous method that returns nothing (`undefined`).
    public mutating func method<each A: RpcDecodable>(
        _ name: String, params: String? = nil, _ f: @escaping @Sendable (W) -> (repeat each A) throws -> Void
    ) {
        add(name, .method({ w, args in
            var i = 0
            try f(w)(repeat try decodeArgument((each A).self, args, &i))
            return .undefined
        }), params ?? Self.placeholders(repeat (each A).self))
    }

    /// Registers an asynchronous method that returns nothing (`undefined`).
    public mutating func method<each A: RpcDecodable>(
        _ name: String, params: String? = nil, _ f: @escaping @Sendable (W) -> nonisolated(nonsending) (repeat each A) async throws -> Void
    ) {
        add(name, .method({ w, args in
            var i = 0
            try await f(w)(repeat try decodeArgument((each A).self, args, &i))
            return .undefined
        }), params ?? Self.placeholders(repeat (each A).self))
    }

    /// Registers a getter: `await stub.name` reads it, and it runs on every read (§2.5).
    public mutating func getter<R: RpcEncodable>(_ name: String, _ f: nonisolated(nonsending) @escaping @Sendable (W) async throws -> R) {
        add(name, .getter({ w, _ in try await f(w).rpcValue() }), nil)
    }

    private mutating func add(_ name: String, _ member: Member, _ params: String?) {
        if table.updateValue(member, forKey: name) == nil { names.append(name) }
        if let params { signatures[name] = params }
    }

    private static func placeholders<each A>(_ types: repeat (each A).Type) -> String {
        var n = 0
        for _ in repeat each types { n += 1 }
        return Array(repeating: "_", count: n).joined(separator: ", ")
    }
}

/// Decodes argument `i` (missing arguments are `undefined`, as in JavaScript).
func decodeArgument<A: RpcDecodable>(_ type: A.Type, _ args: [RpcValue], _ i: inout Int) throws -> A {
    defer { i += 1 }
    let value = i < args.count ? args[i] : .undefined
    do {
        return try A(rpc: value)
    } catch let error as RpcError {
        throw RpcError.typeError("Argument \(i + 1): \(error.message)")
    }
}
