import Testing
@testable import RPCEngine

/// §7: errors across RPC, under both rule sets; §3.1 serialization errors and the size limit.
@Suite struct ErrorTests {
    @Test func thrownErrorKeepsNameMessageAndPropertiesByDefault() throws {
        let runtime = try makeProbeRuntime()
        let e = rpcError { try runtime.run { env, _ in try await env.PROBE.fail("RangeError", "out of range") } }
        #expect(e == RpcError(name: "RangeError", message: "out of range", remote: true, properties: ["code": 42]))
        let custom = rpcError { try runtime.run { env, _ in try await env.PROBE.fail("MyError", "msg") } }
        #expect(custom == RpcError(name: "MyError", message: "msg", remote: true, properties: ["code": 42]))
    }

    @Test func legacyErrorSerializationDropsProperties() throws {
        for runtime in [try makeProbeRuntime(date: "2026-04-20"), try makeProbeRuntime(flags: ["legacy_error_serialization"])] {
            let e = rpcError { try runtime.run { env, _ in try await env.PROBE.fail("TypeError", "bad") } }
            #expect(e == RpcError(name: "TypeError", message: "bad", remote: true))
            let custom = rpcError { try runtime.run { env, _ in try await env.PROBE.fail("MyError", "msg") } }
            #expect(custom == RpcError(name: "Error", message: "MyError: msg", remote: true))
        }
    }

    @Test func ruleSetsFollowDatesAndFlags() {
        #expect(RuleSet(compatibilityDate: nil, flags: []) == .current)
        #expect(RuleSet(compatibilityDate: "2026-01-19", flags: []) == RuleSet(paramsDupStubs: false, enhancedErrors: false))
        #expect(RuleSet(compatibilityDate: "2026-01-20", flags: []) == RuleSet(paramsDupStubs: true, enhancedErrors: false))
        #expect(RuleSet(compatibilityDate: "2026-04-21", flags: []) == .current)
        #expect(RuleSet(compatibilityDate: nil, flags: ["rpc_params_transfer_stubs"]) == RuleSet(paramsDupStubs: false, enhancedErrors: true))
        #expect(RuleSet(compatibilityDate: "2025-01-01", flags: ["rpc_params_dup_stubs", "enhanced_error_serialization"]) == .current)
    }

    /// §3.1: a class instance that is not an RpcTarget is refused where it is serialized.
    @Test func nonRpcTargetInstancesAreRefused() async throws {
        let runtime = try makeProbeRuntime()
        let result = rpcError { try runtime.run { env, _ in try await env.PROBE.plain() } }
        #expect(result?.name == "DataCloneError")
        #expect(result?.message == "Could not serialize object of type \"NonRpcClass\". This type does not support serialization. (at result)")
        let nested = rpcError { try runtime.run { env, _ in try await env.PROBE.nested() } }
        #expect(nested?.message == "Could not serialize object of type \"Session\". This type does not support serialization. (at result.user.session)")
        #expect(nested?.path == "result.user.session")
        let argument = rpcError {
            try runtime.run { env, _ in try await env.PROBE.echo(["user": ["session": .opaque(typeName: "Session")]]) }
        }
        #expect(argument?.name == "DataCloneError")
        #expect(argument?.remote == false)
        #expect(argument?.path == "args[0].user.session")
        expectNoLeaks(runtime)
    }

    /// §3.1: over 32 MiB fails with the exact size.
    @Test func sizeLimit() throws {
        let runtime = try makeProbeRuntime()
        let n = (1 << 25) + 1
        let e = rpcError { try runtime.run { env, _ in try await env.PROBE.big(n) } }
        #expect(e?.name == "Error")
        #expect(e?.message == "Serialized RPC arguments or return values are limited to 32MiB, but the size of this value was: \(n + 5) bytes.")
        let ok: Int = try runtime.run { env, _ in
            let s: String = try await env.PROBE.big(1 << 20)
            return s.count
        }
        #expect(ok == 1 << 20)
    }

    /// §3.1: every value kind survives a round trip.
    @Test func valuesRoundTrip() throws {
        let runtime = try makeProbeRuntime()
        let values: [RpcValue] = [
            .undefined, .null, true, 1.5, .number(.nan), .number(-0.0), .number(.infinity), .bigint(RpcBigInt("-12345678901234567890")!),
            "text", .bytes(RpcBytes([1, 2, 3], kind: .int16)), .date(0), .regexp(source: "a+", flags: "g"),
            .map([RpcMapEntry("a", 1)]), .set([1, 2]), [1, [2, [3]]], ["b": 1, "a": ["c": .null]],
            .error(RpcError(name: "TypeError", message: "m", properties: ["code": 1])),
        ]
        let back: [RpcValue] = try runtime.run { env, _ in
            var out: [RpcValue] = []
            for value in values { out.append(try await env.PROBE.echo(value)) }
            return out
        }
        #expect(back == values)
        #expect(back[5].isSameValue(.number(-0.0)))
        #expect(!back[5].isSameValue(.number(0)))
    }
}
