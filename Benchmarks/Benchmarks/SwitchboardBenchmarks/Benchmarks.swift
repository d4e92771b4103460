import Benchmark

/// Issue 7's suite. Run it from `Benchmarks/`:
///
///     swift package --disable-sandbox benchmark
///
/// Names start with the group: Floor, Peer, Switchboard, Scaling, Memory, EventLog, Replay,
/// Inspector.
let benchmarks: @Sendable () -> Void = {
    registerFloors()
    registerPeers()
    registerEngine()
    registerScaling()
    registerMemory()
    registerEventLog()
    registerReplay()
    registerInspector()
}
