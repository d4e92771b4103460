import Benchmark
import BenchSupport
import RPCEngine

/// The floors: what a call costs with no RPC at all, on the same loop executor the engine uses.

/// A plain object with an `async` method. Under `NonisolatedNonsendingByDefault` the method
/// runs on its caller's executor: no hop, no task, no allocation.
final class PlainAdder: Sendable {
    @inline(never)
    func add(_ a: Int, _ b: Int) async -> Int { a &+ b }
}

/// Two actors on one loop executor, as the engine's `Runtime` actor is: the hop between them is
/// a switch between actors sharing a serial executor.
actor LoopCallee {
    let loop: LoopExecutor
    init(loop: LoopExecutor) { self.loop = loop }
    nonisolated var unownedExecutor: UnownedSerialExecutor { loop.asUnownedSerialExecutor() }
    @inline(never)
    func add(_ a: Int, _ b: Int) -> Int { a &+ b }
}

actor LoopCaller {
    let loop: LoopExecutor
    let callee: LoopCallee
    init(loop: LoopExecutor, callee: LoopCallee) {
        self.loop = loop
        self.callee = callee
    }
    nonisolated var unownedExecutor: UnownedSerialExecutor { loop.asUnownedSerialExecutor() }
    func run(_ iterations: Range<Int>) async -> Int {
        var sum = 0
        for i in iterations { sum &+= await callee.add(i, 2) }
        return sum
    }
}

/// Two default actors (the global concurrent executor), for comparison.
actor DefaultCallee {
    @inline(never)
    func add(_ a: Int, _ b: Int) -> Int { a &+ b }
}

actor DefaultCaller {
    let callee = DefaultCallee()
    func run(_ iterations: Range<Int>) async -> Int {
        var sum = 0
        for i in iterations { sum &+= await callee.add(i, 2) }
        return sum
    }
}

func registerFloors() {
    Benchmark("Floor: direct async call (loop executor)", configuration: Config.calls()) { benchmark in
        let adder = PlainAdder()
        try measureCalls(benchmark) { _, iterations in
            var sum = 0
            for i in iterations { sum &+= await adder.add(i, 2) }
            blackHole(sum)
        }
    }

    Benchmark("Floor: actor → actor (one loop executor)", configuration: Config.calls()) { benchmark in
        try measureRequest(benchmark) { _, _, m in
            let loop = m.runtime.loop
            let caller = LoopCaller(loop: loop, callee: LoopCallee(loop: loop))
            m.start()
            blackHole(await caller.run(m.iterations))
            m.stop()
        }
    }

    Benchmark("Floor: actor → actor (default actors)", configuration: Config.calls()) { benchmark async in
        let caller = DefaultCaller()
        blackHole(await caller.run(benchmark.scaledIterations))
    }
}
