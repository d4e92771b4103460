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
}
