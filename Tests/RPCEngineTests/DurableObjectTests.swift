import Foundation
import Testing
@testable import RPCEngine

/// §8.1–§8.5: namespaces, stubs, instances, errors, breaking.
@Suite struct DurableObjectTests {
    @Test func smoke() throws {
        let runtime = try makeObjectRuntime()
        let values: [RpcValue] = try runtime.run { env, _ in
            let stub = try env.namespace("OBJECTS").getByName("alpha")
            let a = try await stub.increment(2)
            let b = try await stub.increment(3)
            let served = try await stub.served.get()
            return [a, b, served]
        }
        #expect(values == [2, 5, 2])
        print(runtime.log.text)
        expectNoObjectLeaks(runtime)
    }
}
