import Foundation
import Testing
import WorkerCatalog

@testable import Scenarios

/// Header and script errors found before anything runs (exit 2) and errors at run time (exit
/// 3), each located with file, line, column, caret and hint; and no input crashes the run.
@Suite(.timeLimit(.minutes(2))) struct InterpreterErrorTests {
    /// The rendered diagnostic of an invalid file.
    func invalid(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        let run = ScenarioRunner.run(fileName: "e.scenario", text: text)
        guard case .invalid = run.status, let diagnostic = run.diagnostic else {
            Issue.record("expected an invalid file, got \(run.status)", sourceLocation: sourceLocation)
            return ""
        }
        #expect(run.runtime == nil, "nothing ran", sourceLocation: sourceLocation)
        return diagnostic.rendered
    }

    static let toolkitWorker = "\n[[workers]]\nname = \"toolkit\"\nmain = \"toolkit\"\n"

    // MARK: header

    @Test func unknownMainIsReportedAtItsValue() {
        #expect(invalid("[[workers]]\nname = \"main\"\n\n[[workers]]\nname = \"w\"\nmain = \"tolkit\"\n---\n") == """
            e.scenario:6:8: error: unknown module 'tolkit' for worker 'w'
                6 | main = "tolkit"
                  |        ^~~~~~~~
            hint: did you mean 'toolkit'?
            """)
        #expect(invalid("[[workers]]\nname = \"main\"\nmain = \"zzzzzzzzzz\"\n---\n").hasSuffix(
            "hint: the catalogue has: workerB, greeter, counterService, remoteObjects, toolkit, counterObject"))
    }

    @Test func unknownEntrypointIsReportedAtItsValue() {
        let text = "[[workers]]\nname = \"main\"\nservices = [{ binding = \"T\", service = \"toolkit\", entrypoint = \"Counter\" }]\n"
            + Self.toolkitWorker + "---\n"
        #expect(invalid(text) == """
            e.scenario:3:64: error: module 'toolkit' has no entrypoint named 'Counter'
                3 | services = [{ binding = "T", service = "toolkit", entrypoint = "Counter" }]
                  |                                                                ^~~~~~~~~
            hint: its entrypoints: Toolkit
            """)
    }

    @Test func aBindingToTheScriptWorkerHasNothingToCall() {
        let text = "[[workers]]\nname = \"main\"\nservices = [{ binding = \"SELF\", service = \"main\" }]\n---\n"
        #expect(invalid(text).hasPrefix("e.scenario:3:43: error: worker 'main' runs no module, so 'SELF' has nothing to call"))
    }

    @Test func flagsAreChecked() {
        #expect(invalid("compatibility_flags = [\"nodejs_compat\"]\n[[workers]]\nname = \"main\"\n---\n") == """
            e.scenario:1:24: error: unknown compatibility flag 'nodejs_compat'
                1 | compatibility_flags = ["nodejs_compat"]
                  |                        ^~~~~~~~~~~~~~~
            hint: switchboard implements: rpc_params_dup_stubs, rpc_params_transfer_stubs, enhanced_error_serialization, legacy_error_serialization
            """)
        let conflict = "compatibility_flags = [\"rpc_params_dup_stubs\", \"rpc_params_transfer_stubs\"]\n[[workers]]\nname = \"main\"\n---\n"
        #expect(invalid(conflict).hasPrefix(
            "e.scenario:1:48: error: compatibility flags 'rpc_params_dup_stubs' and 'rpc_params_transfer_stubs' conflict"))
    }

    @Test func durableObjectBindingsNeedAModuleExportingTheClass() {
        let noModule = """
            [[workers]]
            name = "main"
            durable_objects.bindings = [{ name = "COUNTERS", class_name = "CounterObject" }]
            ---
            """
        #expect(invalid(noModule).hasPrefix(
            "e.scenario:3:63: error: worker 'main' runs no module, so it exports no Durable Object class 'CounterObject'"))
        let wrongClass = """
            [[workers]]
            name = "main"
            durable_objects.bindings = [{ name = "COUNTERS", class_name = "CounterObjekt", script_name = "objects" }]
            [[workers]]
            name = "objects"
            main = "counterObject"
            ---
            """
        #expect(invalid(wrongClass).hasPrefix("e.scenario:3:63: error: module 'counterObject' exports no Durable Object class 'CounterObjekt'"))
    }

    @Test func headerRulesReachTheRuntime() throws {
        let (_, configuration) = try ScenarioRunner.load(fileName: "h.scenario", text: """
            compatibility_date = "2025-12-01"
            compatibility_flags = ["enhanced_error_serialization"]
            seed = -3
            [[workers]]
            name = "main"
            services = [{ binding = "T", service = "toolkit", props = { user = "ada", level = 3 } }]
            [workers.vars]
            LIST = [1, 2.5, true, "x"]
            \(Self.toolkitWorker)---
            """)
        #expect(configuration.rules.paramsDupStubs == false)
        #expect(configuration.rules.enhancedErrors == true)
        #expect(configuration.seed == UInt64(bitPattern: -3))
        #expect(configuration.workers[0].vars["LIST"] == [1, 2.5, true, "x"])
        #expect(configuration.workers[0].services[0].props == ["user": "ada", "level": 3])
    }

    // MARK: script, statically

    @Test func staticErrorsInTheScript() {
        let header = "[[workers]]\nname = \"main\"\n---\n"
        #expect(invalid(header + "let counter = 1\nlog countr") == """
            e.scenario:5:5: error: unknown name 'countr'
                5 | log countr
                  |     ^~~~~~
            hint: did you mean 'counter'?
            """)
        #expect(invalid(header + "log whatever").hasSuffix("hint: declare it first: let whatever = ..."))
        #expect(invalid(header + "const k = 1\nk += 1") == """
            e.scenario:5:1: error: cannot assign to 'k': it is declared with const
                5 | k += 1
                  | ^
            hint: it is declared at 4:7; declare it with let to change it
            """)
        #expect(invalid(header + "using u = null\nu = 2").hasPrefix("e.scenario:5:1: error: cannot assign to 'u': it is declared with using"))
        #expect(invalid(header + "env = 1").hasPrefix("e.scenario:4:1: error: cannot assign to 'env'"))
        #expect(invalid(header + "let a = 1\nlet a = 2") == """
            e.scenario:5:5: error: 'a' is already declared in this block
                5 | let a = 2
                  |     ^
            hint: it was declared at 4:5; assign it with a = ..., or choose another name
            """)
        #expect(invalid(header + "log later\nlet later = 1").hasPrefix("e.scenario:4:5: error: 'later' is used before its declaration"))
        #expect(invalid(header + "expect runtime.liveStub == 0") == """
            e.scenario:4:16: error: runtime has no field 'liveStub'
                4 | expect runtime.liveStub == 0
                  |                ^~~~~~~~
            hint: did you mean 'liveStubs'?
            """)
        #expect(invalid(header + "let f = (x) => { return y }").hasPrefix("e.scenario:4:25: error: unknown name 'y'"))
        #expect(invalid(header + "{ let inner = 1 }\nlog inner").hasPrefix("e.scenario:5:5: error: unknown name 'inner'"))
    }

    @Test func namesThatAreFineStatically() {
        let header = "[[workers]]\nname = \"main\"\n---\n"
        let run = ScenarioRunner.run(fileName: "ok.scenario", text: header + """
            let f = () => g()
            let g = () => 1
            expect f() == 1
            let runtime = { liveStub: 1 }
            expect runtime.liveStub == 1
            { let a = 1 }
            { let a = 2 }
            let x = 1
            { let x = 2; expect x == 2 }
            """)
        #expect(run.status == .passed(held: 3))
    }

    // MARK: script, at run time

    @Test func runtimeErrorsAreLocated() {
        let run = ScenarioRunner.run(fileName: "r.scenario", text: """
            [[workers]]
            name = "main"
            services = [{ binding = "T", service = "toolkit" }]
            \(Self.toolkitWorker)---
            let settings = { retries: 3 }
            settings.retries()
            """)
        #expect(run.status == .runFailed("uncaught TypeError: settings.retries is not a function at r.scenario:10:1"))
        #expect(run.diagnostic?.rendered == """
            r.scenario:10:1: error: uncaught TypeError: settings.retries is not a function
               10 | settings.retries()
                  | ^~~~~~~~~~~~~~~~
            """)
        let misspelt = ScenarioRunner.run(fileName: "r.scenario", text: """
            [[workers]]
            name = "main"
            services = [{ binding = "TOOLS", service = "toolkit" }]
            \(Self.toolkitWorker)---
            await env.TOLS.answer
            """)
        #expect(misspelt.diagnostic?.rendered == """
            r.scenario:9:7: error: uncaught TypeError: Cannot read properties of undefined (reading 'answer')
                9 | await env.TOLS.answer
                  |       ^~~~~~~~~~~~~~~
            hint: env has no binding or var named 'TOLS'; did you mean 'TOOLS'?
            """)
    }

    @Test func anRpcErrorNobodyCatchesStopsTheRun() {
        let run = ScenarioRunner.run(fileName: "r.scenario", text: """
            [[workers]]
            name = "main"
            services = [{ binding = "T", service = "toolkit" }]
            \(Self.toolkitWorker)---
            await env.T.never()
            """)
        #expect(run.status.exitCode == 3)
        #expect(run.diagnostic?.message.hasPrefix("uncaught Error: The Workers runtime canceled this request") == true)
    }

    // MARK: robustness

    @Test func deepButLegalNestingRunsWithoutExhaustingTheStack() {
        let sum = Array(repeating: "1", count: 480).joined(separator: " + ")
        let parens = String(repeating: "(", count: 190) + "1" + String(repeating: ")", count: 190)
        // 190 levels of `(1 + (1 + ...))` around the recursive call: each call nests that deep.
        let rightDeep = String(repeating: "(1 + ", count: 190) + "deeper(n - 1)" + String(repeating: ")", count: 190)
        let run = Run.file("""
            expect \(sum) == 480
            expect \(parens) == 1
            let deep = (n) => n <= 0 || deep(n - 1) && \(sum) == 480
            expect deep(40)
            expect deep(64) throws RangeError "Maximum call stack size exceeded"
            let deeper = (n) => n <= 0 || \(rightDeep)
            expect deeper(3) == 571
            expect deeper(20) throws RangeError "Maximum call stack size exceeded"
            """)
        #expect(run.status == .passed(held: 6), "\(run.outcomes)")
    }

    @Test func mutatedScenariosNeverCrashTheInterpreter() throws {
        let files = ScenarioFilesTests.files
        #expect(!files.isEmpty)
        var random = SplitMix64(seed: 20_261_129)
        var outcomes: [Int32: Int] = [:]
        for i in 0..<240 {
            let text = try String(contentsOfFile: files[i % files.count], encoding: .utf8)
            let mutated = MutationFuzzTests.mutate(MutationFuzzTests.pieces(text), &random)
            let run = ScenarioRunner.run(fileName: "m.scenario", text: mutated)
            outcomes[run.status.exitCode, default: 0] += 1
            if let diagnostic = run.diagnostic {
                #expect(diagnostic.line >= 1 && diagnostic.column >= 1)
            }
        }
        #expect(outcomes.values.reduce(0, +) == 240)
        #expect(outcomes[2, default: 0] > 0 && outcomes[0, default: 0] + outcomes[1, default: 0] > 0, "\(outcomes)")
    }
}
