import RPCEngine
import Testing
import WorkerCatalog

@testable import Scenarios

/// `switchboard catalog`: every module, its exports and their members, in a stable order.
@Suite struct CatalogListingTests {
    @Test func exactTextOfTheToolkit() throws {
        let toolkit = try #require(Catalog.module(named: "toolkit"))
        #expect(CatalogListing.render(module: toolkit) == """
            toolkit
              Toolkit (WorkerEntrypoint, default export)
                echo(v)
                call(fn, ...args)
                callTwice(fn, x)
                callLater(fn, ms, ...args)
                sleep(ms)
                never()
                hold(stub)
                callHeld(i, ...args)
                releaseHeld()
                makeCounter(start = 0)
                makeObject()
                getMap()
                keepAndReturn(stub)
                withDisposer()
                plainInstance()
                fail(name, message)
                abort(message)
                session()
                get answer
                get info
                get slowAnswer
                get broken
              Counter (RpcTarget)
                increment(n = 1)
                get value

            """)
    }

    @Test func exactTextOfTheSeedModules() {
        let seed = Catalog.modules.filter { ["workerB", "greeter", "counterService", "remoteObjects"].contains($0.name) }
        #expect(CatalogListing.render(modules: seed) == """
            workerB
              WorkerB (WorkerEntrypoint, default export)
                add(a, b)

            greeter
              MyWorker (WorkerEntrypoint, default export)
                greet(name)
                signup(email, name)

            counterService
              CounterService (WorkerEntrypoint, default export)
                newCounter()

            remoteObjects
              WorkerB (WorkerEntrypoint, default export)
                foo()

            """)
    }

    /// Every member `catalog.md` names is listed under its module and export: methods as
    /// `name(…)`, getters as `get name`. (`counterObject` is checked once the catalogue has it.)
    @Test func everyDocumentedMemberIsListed() {
        typealias Export = (name: String, isDefault: Bool?, methods: [String], getters: [String])
        let documented: [String: [Export]] = [
            "workerB": [("WorkerB", true, ["add"], [])],
            "greeter": [("MyWorker", true, ["greet", "signup"], [])],
            "counterService": [("CounterService", true, ["newCounter"], [])],
            "remoteObjects": [("WorkerB", true, ["foo"], [])],
            "toolkit": [
                ("Toolkit", true,
                 ["echo", "call", "callTwice", "callLater", "sleep", "never", "hold", "callHeld", "releaseHeld",
                  "makeCounter", "makeObject", "getMap", "keepAndReturn", "withDisposer", "plainInstance", "fail",
                  "abort", "session"],
                 ["answer", "info", "slowAnswer", "broken"]),
                ("Counter", false, ["increment"], ["value"]),
            ],
            "counterObject": [
                ("CounterObject", nil,
                 ["increment", "get", "reset", "fail", "slowIncrement", "callInsideBlock", "abort"], ["calls"]),
            ],
        ]
        for (moduleName, exports) in documented {
            guard let module = Catalog.module(named: moduleName) else {
                #expect(moduleName == "counterObject", "catalog.md's module \(moduleName) is missing")
                continue
            }
            let blocks = exportBlocks(CatalogListing.render(module: module))
            for export in exports {
                let header = blocks.keys.first { $0.hasPrefix(export.name + " (") }
                guard let header, let members = blocks[header] else {
                    Issue.record("\(moduleName): export \(export.name) is not listed")
                    continue
                }
                if let isDefault = export.isDefault {
                    #expect(header.contains("default export") == isDefault, "\(header)")
                }
                for method in export.methods {
                    #expect(members.contains { $0.hasPrefix(method + "(") }, "\(moduleName).\(export.name).\(method)")
                }
                for getter in export.getters {
                    #expect(members.contains("get \(getter)"), "\(moduleName).\(export.name) getter \(getter)")
                }
            }
        }
        // Only registered members are reachable, so only they are listed.
        let all = CatalogListing.render(modules: Catalog.modules)
        #expect(!all.contains("secret") && !all.contains("audit"))
    }

    /// Modules in the catalogue's order, separated by a blank line; stable from call to call.
    @Test func orderIsStable() {
        let text = CatalogListing.render(modules: Catalog.modules)
        let moduleLines = text.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(moduleLines.map(String.init) == Catalog.modules.map(\.name))
        #expect(text == CatalogListing.render(modules: Catalog.modules))
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
        #expect(CatalogListing.render(modules: []) == "")
    }

    @Test func listingOneModuleOrAll() throws {
        #expect(try CatalogListing.listing(module: nil, in: Catalog.modules) == CatalogListing.render(modules: Catalog.modules))
        #expect(try CatalogListing.listing(module: "workerB", in: Catalog.modules).hasPrefix("workerB\n  WorkerB"))
        #expect(throws: CatalogListingError.self) { try CatalogListing.listing(module: "greter", in: Catalog.modules) }
        do {
            _ = try CatalogListing.listing(module: "greter", in: Catalog.modules)
        } catch {
            #expect(error.suggestion == "greeter")
            #expect(error.description.hasPrefix(#"unknown module "greter" (did you mean "greeter"?); modules: workerB, greeter"#))
        }
    }

    @Test func modulesWithoutExportsOrMembers() {
        let empty = WorkerModule("empty") { _ in }
        #expect(CatalogListing.render(module: empty) == "empty\n  (no exports)\n")
        #expect(CatalogListing.line(for: MemberDescription(name: "x", params: nil, isGetter: true)) == "get x")
        #expect(CatalogListing.line(for: MemberDescription(name: "f", params: "", isGetter: false)) == "f()")
    }

    /// The listing of one module cut into export header → member lines.
    private func exportBlocks(_ text: String) -> [String: [String]] {
        var blocks: [String: [String]] = [:]
        var current: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("    ") {
                if let current { blocks[current, default: []].append(String(line.dropFirst(4))) }
            } else if line.hasPrefix("  ") {
                current = String(line.dropFirst(2))
                blocks[current!] = []
            }
        }
        return blocks
    }
}
