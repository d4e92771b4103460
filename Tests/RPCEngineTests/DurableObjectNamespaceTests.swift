import Foundation
import Testing
@testable import RPCEngine

/// §8.1 namespaces and ids, §8.2 stubs, and the configuration of `durable_objects.bindings`.
@Suite struct DurableObjectNamespaceTests {
    /// The id derivation rests on SHA-256 and HMAC-SHA-256: FIPS 180-2 and RFC 4231 vectors.
    @Test func sha256Vectors() {
        #expect(RpcBytes(SHA256.hash(Array("abc".utf8))).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(RpcBytes(SHA256.hash([])).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(RpcBytes(SHA256.hash(long)).hex == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(RpcBytes(SHA256.hmac(key: Array("Jefe".utf8), Array("what do ya want for nothing?".utf8))).hex
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let key = [UInt8](repeating: 0xaa, count: 131)
        #expect(RpcBytes(SHA256.hmac(key: key, Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))).hex
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    /// §8.1: `idFromName` is deterministic, per namespace; the id is 64 hex digits and knows
    /// its name. Bindings naming the same class (here `SELF` in another worker) share objects.
    @Test func idFromNameIsDeterministicPerNamespace() throws {
        let runtime = try makeObjectRuntime()
        let ids: [DurableObjectId] = try runtime.run { env, _ in
            let ns = env.namespace("OBJECTS")
            return [try ns.idFromName("alpha"), try ns.idFromName("alpha"), try ns.idFromName("beta"),
                    try env.namespace("OTHERS").idFromName("alpha")]
        }
        #expect(ids[0].hex == "f8e20a632bec8698f35a809dbcdfb0bbafc93ccf081adfe9fbf43b2dae847b79")
        #expect(ids[0] == ids[1])
        #expect(ids[0].name == "alpha")
        #expect(ids[2] != ids[0])
        #expect(ids[3] != ids[0])
        let viaSelf: DurableObjectId = try runtime.run(worker: "objects") { env, _ in try env.namespace("SELF").idFromName("alpha") }
        #expect(viaSelf == ids[0])
        // Another runtime (another seed) derives the same id.
        let again: DurableObjectId = try makeObjectRuntime(seed: 99).run { env, _ in try env.namespace("OBJECTS").idFromName("alpha") }
        #expect(again == ids[0])
        expectNoObjectLeaks(runtime)
    }

    /// §8.1: `newUniqueId` comes from the seeded random source: a new id each time, the same
    /// sequence for the same seed, and valid for its namespace only.
    @Test func newUniqueIdFollowsTheSeed() throws {
        func uniques(_ seed: UInt64) throws -> [String] {
            try makeObjectRuntime(seed: seed).run { env, _ in
                let ns = env.namespace("OBJECTS")
                return [try ns.newUniqueId().hex, try ns.newUniqueId().hex]
            }
        }
        let a = try uniques(1), b = try uniques(1), c = try uniques(2)
        #expect(a == b)
        #expect(a[0] != a[1])
        #expect(a != c)
        let runtime = try makeObjectRuntime()
        let (parsed, name, other): (String, String?, RpcError?) = try runtime.run { env, _ in
            let id = try env.namespace("OBJECTS").newUniqueId()
            let parsed = try env.namespace("OBJECTS").idFromString(id.hex)
            return (parsed.hex, id.name, rpcError { try env.namespace("OTHERS").idFromString(id.hex) })
        }
        #expect(parsed.count == 64)
        #expect(name == nil)
        #expect(other == RpcError(name: "TypeError", message: "Durable Object ID is not valid for this namespace."))
        expectNoObjectLeaks(runtime)
    }

    /// §8.1: `idFromString` round-trips (upper case is accepted and normalized) and rejects
    /// malformed strings and ids of another namespace with `TypeError`s.
    @Test func idFromStringChecksItsInput() throws {
        let runtime = try makeObjectRuntime()
        let results: [String] = try runtime.run { env, _ in
            let ns = env.namespace("OBJECTS")
            let id = try ns.idFromName("alpha")
            func attempt(_ text: String) -> String {
                do { return try ns.idFromString(text).hex } catch { return "\((error as? RpcError)?.description ?? "?")" }
            }
            let tampered = String(id.hex.dropLast()) + (id.hex.last == "0" ? "1" : "0")
            return [attempt(id.hex), attempt(id.hex.uppercased()), attempt("abc"), attempt(String(repeating: "g", count: 64)),
                    attempt(tampered), attempt(try env.namespace("OTHERS").idFromName("alpha").hex)]
        }
        let alpha = "f8e20a632bec8698f35a809dbcdfb0bbafc93ccf081adfe9fbf43b2dae847b79"
        #expect(results == [
            alpha, alpha,
            "TypeError: Invalid Durable Object ID: must be 64 hex digits",
            "TypeError: Invalid Durable Object ID: must be 64 hex digits",
            "TypeError: Durable Object ID is not valid for this namespace.",
            "TypeError: Durable Object ID is not valid for this namespace.",
        ])
        expectNoObjectLeaks(runtime)
    }

    /// §8.1: the same operations as dynamic calls on the binding (what scenario scripts do):
    /// ids travel as their hex strings, `get` refuses what is not an id of this namespace.
    @Test func dynamicNamespaceCalls() throws {
        let runtime = try makeObjectRuntime()
        let (id, again, stub, errors): (RpcValue, RpcValue, RpcValue, [String]) = try runtime.run { env, _ in
            let id = try await env.OBJECTS.idFromName("alpha")
            let again = try await env.OBJECTS.idFromString(id)
            let stub = try await env.OBJECTS.get(id)
            var errors: [String] = []
            for attempt in [
                { try await env.OBJECTS.get(42) }, { try await env.OBJECTS.get("nope") },
                { try await env.OBJECTS.get(try await env.OTHERS.idFromName("alpha")) },
                { try await env.OBJECTS.idFromName(1) }, { try await env.OBJECTS.frobnicate() },
            ] as [() async throws -> RpcValue] {
                do { _ = try await attempt() } catch { errors.append("\(error)") }
            }
            return (id, again, stub, errors)
        }
        #expect(id == "f8e20a632bec8698f35a809dbcdfb0bbafc93ccf081adfe9fbf43b2dae847b79")
        #expect(again == id)
        #expect(stub.stubValue?.kind == .durableObject)
        #expect(errors == [
            "TypeError: Failed to execute 'get' on 'DurableObjectNamespace': parameter 1 is not of type 'DurableObjectId'.",
            "TypeError: Invalid Durable Object ID: must be 64 hex digits",
            "TypeError: Durable Object ID is not valid for this namespace.",
            "TypeError: Failed to execute 'idFromName' on 'DurableObjectNamespace': parameter 1 is not of type 'string'.",
            "TypeError: env.OBJECTS.frobnicate is not a function",
        ])
        expectNoObjectLeaks(runtime)
    }

    /// §8.1, §8.2: `get` returns a stub at once and creates nothing; the first call creates
    /// the object (and its context). The stub knows its id and name (`stub.id`, `stub.name`);
    /// a unique id has no name.
    @Test func stubsAreLazy() throws {
        let runtime = try makeObjectRuntime()
        let (ids, beforeCall, afterCall): ([DurableObjectId?], Int, Int) = try runtime.run { env, _ in
            let ns = env.namespace("OBJECTS")
            let named = try ns.getByName("alpha")
            let byId = try ns.get(try ns.idFromName("alpha"))
            let unique = try ns.get(try ns.newUniqueId())
            let before = await runtime.stats.liveContexts
            _ = try await named.count()
            let after = await runtime.stats.liveContexts
            return ([named.durableObjectId, byId.durableObjectId, unique.durableObjectId], before, after)
        }
        #expect(ids[0]?.name == "alpha")
        #expect(ids[0] == ids[1])
        #expect(ids[1]?.name == "alpha")
        #expect(ids[2]?.name == nil)
        #expect(beforeCall == 1)
        #expect(afterCall == 2)
        #expect(objectEvents(runtime).filter { $0.contains(" created ") }.count == 1)
        expectNoObjectLeaks(runtime)
    }

    /// `durable_objects.bindings` is validated like services, before anything runs.
    @Test func configurationErrors() {
        func error(_ workers: [WorkerConfig]) -> String? {
            do {
                _ = try Runtime(configuration: RuntimeConfiguration(workers: workers), modules: objectModules)
                return nil
            } catch {
                return (error as? ConfigurationError)?.message
            }
        }
        let objects = WorkerConfig(name: "objects", main: "objects")
        #expect(error([WorkerConfig(name: "c", durableObjects: [.init(name: "NS", className: "ProbeObject", scriptName: "nope")]), objects])
            == "Worker \"c\": Durable Object binding \"NS\" names script \"nope\", which is not declared. Declared workers: c, objects.")
        #expect(error([WorkerConfig(name: "c", durableObjects: [.init(name: "NS", className: "ProbeObject")]), objects])
            == "Worker \"c\": Durable Object binding \"NS\": worker \"c\" has no module (main) to export class \"ProbeObject\".")
        #expect(error([WorkerConfig(name: "c", durableObjects: [.init(name: "NS", className: "Missing", scriptName: "objects")]), objects])
            == "Worker \"c\": Durable Object binding \"NS\": module \"objects\" has no class named \"Missing\". Its exports: ProbeObject, OtherObject, LoadingObject, Legacy, Helper.")
        #expect(error([WorkerConfig(name: "c", durableObjects: [.init(name: "NS", className: "Helper", scriptName: "objects")]), objects])
            == "Worker \"c\": Durable Object binding \"NS\": \"Helper\" of module \"objects\" is not a Durable Object class.")
        #expect(error([
            WorkerConfig(name: "c", services: [ServiceBindingConfig(binding: "NS", service: "objects", entrypoint: "Helper")],
                         durableObjects: [.init(name: "NS", className: "ProbeObject", scriptName: "objects")]), objects,
        ]) == "Worker \"c\": duplicate binding \"NS\".")
        #expect(error([WorkerConfig(name: "c", durableObjects: [.init(name: "NS", className: "ProbeObject", scriptName: "objects")]), objects])
            == nil)
    }

    /// The log says which namespaces each worker binds, and which exports are classes.
    @Test func workerDeclaredListsBindings() throws {
        let runtime = try makeObjectRuntime()
        let lines = runtime.log.events().prefix(2).map(\.text)
        #expect(lines == [
            "1 0ms workerDeclared client primary PROBE→probe OBJECTS→do:objects.ProbeObject OTHERS→do:objects.OtherObject LEGACY→do:objects.Legacy LOADING→do:objects.LoadingObject",
            "2 0ms workerDeclared objects main=objects SELF→do:objects.ProbeObject export=ProbeObject export=OtherObject export=LoadingObject export=Legacy export=Helper",
        ])
        guard case .workerDeclared(let w) = runtime.log.events()[0].payload else { Issue.record("no workerDeclared"); return }
        #expect(w.durableObjects == [
            .init(name: "OBJECTS", className: "ProbeObject", script: "objects"),
            .init(name: "OTHERS", className: "OtherObject", script: "objects"),
            .init(name: "LEGACY", className: "Legacy", script: "objects"),
            .init(name: "LOADING", className: "LoadingObject", script: "objects"),
        ])
        let module = runtime.module(ofWorker: "objects")
        #expect(module?.export(named: "ProbeObject")?.extendsDurableObject == true)
        #expect(module?.export(named: "Legacy")?.extendsDurableObject == false)
        #expect(module?.export(named: "Legacy")?.kind == .durableObject)
    }
}
