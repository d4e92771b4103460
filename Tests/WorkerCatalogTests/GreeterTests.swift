import RPCEngine
import Testing
import WorkerCatalog

/// `greeter`: the seed's `env.GREETING` and `ctx.waitUntil` examples.
@Suite struct GreeterTests {
    @Test func greetReadsTheVariable() throws {
        let runtime = try makeRuntime(module: "greeter", vars: RpcObject([("GREETING", "Hello, ")]))
        let greeting: String = try runtime.run { env, _ in try await env.SVC.greet("Ada") }
        #expect(greeting == "Hello, Ada")
        expectNoLeaks(runtime)
    }

    /// JavaScript's `undefined + "Ada"`.
    @Test func greetWithoutTheVariable() throws {
        let runtime = try makeRuntime(module: "greeter")
        let greeting: String = try runtime.run { env, _ in try await env.SVC.greet("Ada") }
        #expect(greeting == "undefinedAda")
        expectNoLeaks(runtime)
    }

    /// `signup` answers at once; the analytics event runs on through waitUntil, takes 50 ms of
    /// runtime time, then logs; the callee's context drains before it ends.
    @Test func signupReturnsAtOnceAndLogsLater() throws {
        let runtime = try makeRuntime(module: "greeter")
        let (answer, answeredAt, logsAtAnswer): (String, Int, [String]) = try runtime.run { env, ctx in
            let answer: String = try await env.SVC.signup("ada@example.com", "Ada")
            return (answer, ctx.now, svcLogs(runtime))
        }
        #expect(answer == "Success")
        #expect(answeredAt == 0)
        #expect(logsAtAnswer.isEmpty)
        #expect(logLines(runtime).filter { $0.worker == "svc" } == [
            LogLine(time: 50, worker: "svc", level: .info, text: "event signup ada@example.com"),
        ])
        let text = runtime.log.text
        #expect(text.contains("taskAdded task1 ctx2/svc \"sendEvent signup\""))
        #expect(text.contains("50ms taskSettled task1 ctx2 resolved"))
        #expect(text.contains("50ms contextEnded ctx2 worker=svc reason=drained"))
        expectNoLeaks(runtime)
        #expect(warnings(runtime).isEmpty)
    }
}
