import Foundation
import RPCEngine
import Testing
import WorkerCatalog

/// `counterObject` (catalog.md): `CounterObject`, the Durable Object example.
@Suite struct CounterObjectTests {
    /// `client` binds `COUNTER` to `CounterObject`, exported by the worker `counter`.
    func makeCounterRuntime(stateDirectory: URL? = nil) throws -> Runtime {
        try Runtime(
            configuration: RuntimeConfiguration(workers: [
                WorkerConfig(name: "client", durableObjects: [
                    DurableObjectBindingConfig(name: "COUNTER", className: "CounterObject", scriptName: "counter"),
                ]),
                WorkerConfig(name: "counter", main: "counterObject"),
            ]),
            modules: Catalog.modules, stateDirectory: stateDirectory)
    }

    /// The objects' events, without their name prefix.
    func objectEvents(_ runtime: Runtime) -> [String] {
        runtime.log.events().compactMap { e in
            guard case .durableObject(let d) = e.payload else { return nil }
            return d.details.replacingOccurrences(of: "\(d.object) ", with: "")
        }
    }

    func shutDownAndCheck(_ runtime: Runtime, sourceLocation: SourceLocation = #_sourceLocation) {
        runtime.query { $0.shutDownDurableObjects() }
        expectNoLeaks(runtime, sourceLocation: sourceLocation)
    }

    @Test func listing() {
        let export = Catalog.counterObject.export(named: "CounterObject")
        #expect(export?.kind == .durableObject)
        #expect(export?.extendsDurableObject == true)
        #expect(Catalog.counterObject.defaultExport == nil)
        #expect(export?.members.map(\.signature) == [
            "increment(n = 1)", "get()", "reset()", "fail()", "slowIncrement(n, ms)", "callInsideBlock(fn)", "abort(message)", "calls",
        ])
    }

    /// `increment(n = 1)`, `get()`, `reset()`; the count is in storage and lasts between
    /// requests; each id is its own counter; `calls` counts this instance's calls.
    @Test func countsInStorage() throws {
        let runtime = try makeCounterRuntime()
        let first: [RpcValue] = try runtime.run { env, _ in
            let alpha = try env.namespace("COUNTER").getByName("alpha")
            return [try await alpha.increment(), try await alpha.increment(5), try await alpha.get(), try await alpha.calls.get()]
        }
        let second: [RpcValue] = try runtime.run { env, _ in
            let alpha = try env.namespace("COUNTER").getByName("alpha")
            let beta = try env.namespace("COUNTER").getByName("beta")
            let a = try await alpha.increment(1)
            let b = try await beta.get()
            let reset = try await alpha.reset()
            return [a, b, reset, try await alpha.get(), try await alpha.calls.get(), try await beta.calls.get()]
        }
        #expect(first == [1, 6, 6, 3])
        #expect(second == [7, 0, .undefined, 0, 6, 1])
        shutDownAndCheck(runtime)
    }

    /// `fail()` throws `Error("counter failed")` with the object's id; the object stays usable.
    @Test func failBreaksNothing() throws {
        let runtime = try makeCounterRuntime()
        let (error, after): (RpcError?, RpcValue) = try runtime.run { env, _ in
            let alpha = try env.namespace("COUNTER").getByName("alpha")
            var error: RpcError?
            do { _ = try await alpha.fail() } catch let e as RpcError { error = e }
            return (error, try await alpha.increment())
        }
        #expect(error?.name == "Error")
        #expect(error?.message == "counter failed")
        #expect(error?.remote == true)
        #expect(error?.durableObjectId?.count == 64)
        #expect(after == 1)
        shutDownAndCheck(runtime)
    }

    /// `slowIncrement` shows the input gate: a call arriving during its read is held, and runs
    /// during its sleep, whose write then overwrites it (a lost update).
    @Test func slowIncrementShowsTheInputGate() throws {
        let runtime = try makeCounterRuntime()
        let values: [RpcValue] = try runtime.run { env, _ in
            let a = try env.namespace("COUNTER").getByName("alpha")
            let b = try env.namespace("COUNTER").getByName("alpha")
            let slow = try a.slowIncrement.start(1, 10)
            let quick = try b.increment.start(5)
            return [try await slow.value(), try await quick.value(), try await a.get()]
        }
        #expect(values == [1, 5, 1])
        #expect(objectEvents(runtime)[0].hasPrefix("created ctx2 worker=counter class=CounterObject id="))
        #expect(objectEvents(runtime).dropFirst().prefix(10) == [
            "input gate closed (storage get)",
            "call2 held at the input gate",
            "storage get \"count\" → undefined",
            "input gate opened",
            "call2 admitted",
            "input gate closed (storage get)",
            "storage get \"count\" → undefined",
            "input gate opened",
            "storage put \"count\" = 5",
            "output gate holds result of call2 until 1 write is confirmed",
        ])
        shutDownAndCheck(runtime)
    }

    /// `callInsideBlock(fn)`: `fn` calls back into the object and is served; a call from
    /// outside waits for the block to end.
    @Test func callInsideBlock() throws {
        let runtime = try makeCounterRuntime()
        let values: [RpcValue] = try runtime.run { env, _ in
            let a = try env.namespace("COUNTER").getByName("alpha")
            let b = try env.namespace("COUNTER").getByName("alpha")
            let c = try env.namespace("COUNTER").getByName("alpha")
            let fn = RpcFunction { () async throws -> RpcValue in try await b.increment(10) }
            let blocked = try a.callInsideBlock.start(.function(fn))
            let outside = try c.increment.start(1)
            return [try await blocked.value(), try await outside.value()]
        }
        #expect(values == [10, 11])
        let gate = objectEvents(runtime).filter { $0.contains("blockConcurrencyWhile") || $0.contains("held") || $0.contains("admitted") }
        #expect(gate == [
            "blockConcurrencyWhile began section=1", "call2 held at the input gate", "blockConcurrencyWhile ended section=1",
            "call2 admitted",
        ])
        shutDownAndCheck(runtime)
    }

    /// `abort(message)` breaks the object; a new stub reaches a fresh instance (`calls` is 0
    /// again) that still has the stored count.
    @Test func abortBreaksTheObject() throws {
        let runtime = try makeCounterRuntime()
        let (errors, fresh): ([String], [RpcValue]) = try runtime.run { env, _ in
            let alpha = try env.namespace("COUNTER").getByName("alpha")
            _ = try await alpha.increment(4)
            var errors: [String] = []
            do { _ = try await alpha.abort("reset me") } catch { errors.append("\(error)") }
            do { _ = try await alpha.get() } catch { errors.append("\(error)") }
            let again = try env.namespace("COUNTER").getByName("alpha")
            return (errors, [try await again.get(), try await again.calls.get()])
        }
        #expect(errors == ["Error: reset me", "Error: reset me"])
        #expect(fresh == [4, 1])
        shutDownAndCheck(runtime)
    }

    /// With a state directory, the count outlives the runtime.
    @Test func countOutlivesTheRuntime() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-counter-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try makeCounterRuntime(stateDirectory: directory)
        _ = try first.run { env, _ in try await env.namespace("COUNTER").getByName("alpha").increment(41) }
        shutDownAndCheck(first)
        let second = try makeCounterRuntime(stateDirectory: directory)
        let value: RpcValue = try second.run { env, _ in try await env.COUNTER.getByName("alpha").stubValue!.increment() }
        #expect(value == 42)
        shutDownAndCheck(second)
    }
}
