import RPCEngine
import Testing
import WorkerCatalog

/// `remoteObjects`: `foo()` returns `{ bar: () => Math.random() }`, random from the runtime's
/// seeded source.
@Suite struct RemoteObjectsTests {
    func bars(seed: UInt64) throws -> [Double] {
        let runtime = try makeRuntime(module: "remoteObjects", seed: seed)
        let numbers: [Double] = try runtime.run { env, _ in
            let foo = try await env.SVC.foo()
            defer { runtime.onLoop { $0.disposeValue(foo) } }
            guard let bar = foo["bar"].stubValue else { throw RpcError.typeError("no bar in \(foo)") }
            #expect(bar.kind == .function)
            return [try await bar(), try await bar()]
        }
        expectNoLeaks(runtime)
        #expect(warnings(runtime).isEmpty)
        return numbers
    }

    @Test func barIsTheRuntimesSeededRandom() throws {
        var source = SeededRandom(seed: 7)
        #expect(try bars(seed: 7) == [source.nextUnit(), source.nextUnit()])
    }

    @Test func sameSeedSameNumbersOtherSeedOthers() throws {
        let a = try bars(seed: 42)
        #expect(try bars(seed: 42) == a)
        #expect(try bars(seed: 43) != a)
        #expect(a.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(a[0] != a[1])
    }
}
