import BenchSupport
import RPCEngine

enum Profile {
    static func run(_ runtime: Runtime, _ workload: String, _ n: Int) throws -> Int {
        try runtime.run { env, _ in
            var sum = 0
            switch workload {
            case "typed":
                for _ in 0..<n { sum &+= try await env.CALC.add(1, 2) as Int }
            case "dynamic":
                let args: [RpcValue] = [.number(1), .number(2)]
                for _ in 0..<n { _ = try await env.CALC.add.dynamicallyCall(withArguments: args) as RpcValue }
            case "stubcall":
                let f = try Stub(rpc: try await env.CALC.newCounter())
                for _ in 0..<n { sum &+= try await f(1) as Int }
                f.dispose()
            case "callback":
                let fn = RpcValue.function(RpcFunction(name: "plusOne") { (x: Int) in x + 1 })
                for _ in 0..<n { sum &+= try await env.CALC.callBack(fn, 1) as Int }
            case "pipelined":
                for _ in 0..<n {
                    let p = try env.CALC.makeCounter.start(1)
                    sum &+= try await p.increment(1) as Int
                    p.dispose()
                }
            case "dup":
                let f = try Stub(rpc: try await env.CALC.newCounter())
                for _ in 0..<n { try f.dup().dispose() }
                f.dispose()
            case "target":
                for _ in 0..<n { try Stub(rpc: try await env.CALC.makeCounter(1)).dispose() }
            case "empty":
                break
            case "layout":
                print("MemoryLayout<Event>.stride = \(MemoryLayout<Event>.stride), <Event.Payload> = \(MemoryLayout<Event.Payload>.stride), <RpcValue> = \(MemoryLayout<RpcValue>.stride)")
            default:
                fatalError("unknown workload \(workload)")
            }
            return sum
        }
    }

    /// N live RpcTarget stubs held by one request, then batches of calls on one of them.
    static func scale(stubs count: Int) throws {
        let runtime = makeRuntime(log: false)
        let result = try runtime.run { env, _ -> [Int] in
            let factory = try Stub(rpc: try await env.CALC.factory())
            var made: [Stub] = []
            made.reserveCapacity(count)
            for _ in 0..<count { made.append(try Stub(rpc: try await factory.make())) }
            runtime.log.isEnabled = true
            let counter = made[count / 2]
            let clock = ContinuousClock()
            var batches: [Int] = []
            for _ in 0..<31 {
                let start = clock.now
                for _ in 0..<1000 { _ = try await counter.increment(1) as Int }
                let d = clock.now - start
                batches.append(Int(d.components.attoseconds / 1_000_000_000 + d.components.seconds * 1_000_000_000) / 1000)
            }
            runtime.log.isEnabled = false
            return batches.sorted()
        }
        print("scale stubs=\(count): ns per call p25 \(result[7]) p50 \(result[15]) p75 \(result[23])")
    }
}
