import RPCEngine
import Testing
import WorkerCatalog

/// The names of catalog.md are a contract scenarios depend on: modules, exports, defaults and
/// members must not change.
@Suite struct CatalogTests {
    func exports(_ module: String) -> [String: [String]] {
        let m = Catalog.module(named: module)!
        return Dictionary(uniqueKeysWithValues: m.exports.map { ($0.name, $0.members.map(\.name)) })
    }

    @Test func moduleNames() {
        #expect(Catalog.modules.map(\.name) == ["workerB", "greeter", "counterService", "remoteObjects", "toolkit", "counterObject"])
        #expect(Catalog.module(named: "nope") == nil)
    }

    @Test func seedModules() {
        #expect(exports("workerB") == ["WorkerB": ["add"]])
        #expect(Catalog.workerB.defaultExport == "WorkerB")
        #expect(exports("greeter") == ["MyWorker": ["greet", "signup"]])
        #expect(Catalog.greeter.defaultExport == "MyWorker")
        #expect(exports("counterService") == ["CounterService": ["newCounter"]])
        #expect(Catalog.counterService.defaultExport == "CounterService")
        #expect(exports("remoteObjects") == ["WorkerB": ["foo"]])
        #expect(Catalog.remoteObjects.defaultExport == "WorkerB")
    }

    @Test func toolkitExports() {
        let toolkit = Catalog.toolkit
        #expect(toolkit.defaultExport == "Toolkit")
        #expect(toolkit.export(named: "Toolkit")?.kind == .entrypoint)
        #expect(toolkit.export(named: "Counter")?.kind == .rpcTarget)
        #expect(Set(exports("toolkit")["Toolkit"] ?? []) == [
            "echo", "call", "callTwice", "callLater", "sleep", "never", "hold", "callHeld", "releaseHeld",
            "makeCounter", "makeObject", "getMap", "keepAndReturn", "withDisposer", "plainInstance",
            "fail", "abort", "session", "answer", "info", "slowAnswer", "broken",
        ])
        #expect(exports("toolkit")["Counter"] == ["increment", "value"])
    }

    /// What `switchboard catalog` shows: human parameter lists.
    @Test func parameterLists() {
        let params = Dictionary(uniqueKeysWithValues: Catalog.toolkit.export(named: "Toolkit")!.members.map { ($0.name, $0.params) })
        #expect(params["call"] == "fn, ...args")
        #expect(params["callLater"] == "fn, ms, ...args")
        #expect(params["makeCounter"] == "start = 0")
        #expect(params["answer"] == .some(nil))
        #expect(Catalog.workerB.export(named: "WorkerB")!.members.first!.params == "a, b")
        #expect(Catalog.toolkit.export(named: "Counter")!.members.first!.params == "n = 1")
    }
}
