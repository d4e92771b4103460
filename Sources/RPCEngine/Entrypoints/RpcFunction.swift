/// A Swift closure that travels by reference, like a JavaScript function passed over RPC.
///
/// The receiver gets a stub; calling it runs the closure here, with the state it captured —
/// the seed's counter (`f(2)` → 2, `f(1)` → 3, `f(-5)` → -2) is just a closure over a `var`.
///
/// ```swift
/// var value = 0
/// return RpcFunction { (increment: Int?) in value += increment ?? 0; return value }
/// ```
public struct RpcFunction: Sendable {
    let box: FunctionBox

    /// A function of dynamic arguments.
    public init(name: String = "anonymous", _ body: nonisolated(nonsending) @escaping ([RpcValue]) async throws -> RpcValue) {
        box = FunctionBox(name: name, body: body)
    }

    /// A typed synchronous function of any arity; arguments are decoded like method arguments.
    public init<each A: RpcDecodable, R: RpcEncodable>(
        name: String = "anonymous", _ body: @escaping (repeat each A) throws -> R
    ) {
        box = FunctionBox(name: name) { args in
            var i = 0
            return try body(repeat try decodeArgument((each A).self, args, &i)).rpcValue()
        }
    }

    /// A typed asynchronous function of no arguments. (A separate overload: converting an async
    /// closure to the parameter-pack form below with an empty pack miscompiles in Swift 6.3 —
    /// the call jumps to a bad address — so zero arity never takes that path.)
    public init<R: RpcEncodable>(name: String = "anonymous", _ body: nonisolated(nonsending) @escaping () async throws -> R) {
        box = FunctionBox(name: name) { _ in try await body().rpcValue() }
    }

    /// A typed asynchronous function of one to four arguments. (Fixed arities: Swift 6.3's
    /// SILGen crashes converting an async closure literal to the parameter-pack form.)
    public init<A: RpcDecodable, R: RpcEncodable>(name: String = "anonymous", _ body: nonisolated(nonsending) @escaping (A) async throws -> R) {
        box = FunctionBox(name: name) { args in
            var i = 0
            return try await body(try decodeArgument(A.self, args, &i)).rpcValue()
        }
    }

    public init<A: RpcDecodable, B: RpcDecodable, R: RpcEncodable>(
        name: String = "anonymous", _ body: nonisolated(nonsending) @escaping (A, B) async throws -> R
    ) {
        box = FunctionBox(name: name) { args in
            var i = 0
            return try await body(try decodeArgument(A.self, args, &i), try decodeArgument(B.self, args, &i)).rpcValue()
        }
    }

    public init<A: RpcDecodable, B: RpcDecodable, C: RpcDecodable, R: RpcEncodable>(
        name: String = "anonymous", _ body: nonisolated(nonsending) @escaping (A, B, C) async throws -> R
    ) {
        box = FunctionBox(name: name) { args in
            var i = 0
            return try await body(
                try decodeArgument(A.self, args, &i), try decodeArgument(B.self, args, &i), try decodeArgument(C.self, args, &i)
            ).rpcValue()
        }
    }

    /// A typed asynchronous function of any arity; arguments are decoded like method arguments.
    public init<each A: RpcDecodable, R: RpcEncodable>(
        name: String = "anonymous", _ body: nonisolated(nonsending) @escaping (repeat each A) async throws -> R
    ) {
        box = FunctionBox(name: name) { args in
            var i = 0
            return try await body(repeat try decodeArgument((each A).self, args, &i)).rpcValue()
        }
    }

    public var name: String { box.name }
}

/// Holds a function's closure.
///
/// Safety of `@unchecked Sendable`: the closure (and the state it captured) is only invoked by
/// the runtime, from code isolated to the runtime actor, whose executor is the loop; the loop
/// runs one job at a time, so calls never overlap and captured state is never raced.
final class FunctionBox: @unchecked Sendable {
    let name: String
    let body: nonisolated(nonsending) ([RpcValue]) async throws -> RpcValue
    init(name: String, body: nonisolated(nonsending) @escaping ([RpcValue]) async throws -> RpcValue) {
        self.name = name
        self.body = body
    }
}

extension RpcFunction: RpcEncodable {
    public func rpcValue() -> RpcValue { .function(self) }
}
