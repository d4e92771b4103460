import Testing
@testable import RPCEngine

/// §2: which members are callable remotely, reserved names, property paths.
@Suite struct VisibilityTests {
    func error(_ body: @escaping @Sendable (Env) async throws -> RpcValue) throws -> RpcError? {
        let runtime = try makeProbeRuntime()
        return rpcError { try runtime.run { env, _ in try await body(env) } }
    }

    @Test func registeredMethodsAndGettersAreReachable() throws {
        let runtime = try makeProbeRuntime()
        let values: [RpcValue] = try runtime.run { env, _ in
            [try await env.PROBE.add(1, 2), try await env.PROBE.answer.get(), try await env.PROBE.info.get()]
        }
        #expect(values == [3, 42, ["version": 1, "tags": ["a", "b"]]])
    }

    /// §2.1/§2.5: stored properties and unregistered methods are hidden; the error names the segment.
    @Test func storedPropertiesAndUnregisteredMethodsAreHidden() throws {
        for name in ["secret", "audit", "env", "ctx", "toString", "nope"] {
            let e = try error { env in try await env.PROBE[dynamicMember: name]() }
            #expect(e?.name == "TypeError")
            #expect(e?.message == "The RPC receiver does not implement the method \"\(name)\".")
            #expect(e?.remote == true)
        }
        let read = try error { env in try await env.PROBE.secret.get() }
        #expect(read?.message == "The RPC receiver does not implement the method \"secret\".")
    }

    /// §2.3: reserved names on entrypoints, even when registered.
    @Test func reservedNamesOnEntrypoints() throws {
        for name in ["fetch", "connect", "alarm", "webSocketMessage", "webSocketClose", "webSocketError", "dup", "constructor"] {
            let e = try error { env in try await env.PROBE[dynamicMember: name]() }
            #expect(e?.name == "TypeError")
            #expect(e?.message == "'\(name)' is a reserved method and cannot be called over RPC.")
        }
    }

    /// §2.3: on an RpcTarget only `dup` and `constructor` are reserved.
    @Test func reservedNamesOnTransientTargets() throws {
        let e = try error { env in
            let counter: Stub = try await env.PROBE.makeCounter(1)
            defer { counter.dispose() }
            return try await counter.constructor()
        }
        #expect(e?.message == "'constructor' is a reserved method and cannot be called over RPC.")
        let fetch = try error { env in
            let counter: Stub = try await env.PROBE.makeCounter(1)
            defer { counter.dispose() }
            return try await counter.fetch()
        }
        #expect(fetch?.message == "The RPC receiver does not implement the method \"fetch\".")
    }

    /// §2.4/§2.5: paths through getters, plain objects and RpcTargets.
    @Test func propertyPaths() throws {
        let runtime = try makeProbeRuntime()
        let values: [RpcValue] = try runtime.run { env, _ in
            [
                try await env.PROBE.functionProperty(19, 6),
                try await env.PROBE.objectProperty.func(6, 4),
                try await env.PROBE.objectProperty.deeper.deepFunc(6, 3),
                try await env.PROBE.objectProperty.counter5.increment(3),
            ]
        }
        #expect(values == [13, 24, 2, 8])
    }

    @Test func pathErrors() throws {
        let notFunction = try error { env in try await env.PROBE.objectProperty.nonFunction() }
        #expect(notFunction?.message == "\"objectProperty.nonFunction\" is not a function.")
        let nonRpc = try error { env in try await env.PROBE.objectProperty.nonRpc.foo() }
        #expect(nonRpc?.message == "The RPC receiver does not implement the method \"nonRpc\".")
        let missing = try error { env in try await env.PROBE.objectProperty.missing.foo() }
        #expect(missing?.message == "The RPC receiver does not implement the method \"missing\".")
        let broken = try error { env in try await env.PROBE.broken.get() }
        #expect(broken?.name == "Error")
        #expect(broken?.message == "PROPERTY THREW")
    }

    /// §3.1: a property chain deeper than 64 fails.
    @Test func pathDepthLimit() throws {
        let runtime = try makeProbeRuntime()
        let e = rpcError {
            try runtime.run { env, _ -> RpcValue in
                var property = env.PROBE.a
                for _ in 0..<64 { property = property.a }
                return try await property()
            }
        }
        #expect(e?.name == "TypeError")
        #expect(e?.message == "RPC pipelined property path is too deep (max 64).")
    }

    @Test func unknownBindingIsUndefined() throws {
        let e = try error { env in try await env.NOPE.add(1) }
        #expect(e?.name == "TypeError")
        #expect(e?.message == "Cannot read properties of undefined (reading 'add')")
    }
}
