import Inspector
import RPCEngine
import Testing

/// The Inspector pane's one sentence: which rule applied, with its section.
@Suite struct RuleExplanationTests {
    let log: EventLog
    let model: InspectorModel

    init() throws {
        log = try makeDemoLog()
        model = InspectorModel(events: log.events())
    }

    private func stub(_ n: Int, at seq: Int? = nil) -> (StubRecord, InspectorModel) {
        let m = seq.map { InspectorModel(events: log.events(to: $0 + 1)) } ?? model
        return (m.stub(StubID(n))!, m)
    }

    @Test func disposalRules() {
        #expect(RuleExplanation.forStub(stub(1).0, in: model) == "disposed explicitly by its holder's code (dispose(), §4.8)")
        #expect(RuleExplanation.forStub(stub(4).0, in: model) == "disposed because its execution context ctx5 ended (contextEnded, §4.10)")
        #expect(
            RuleExplanation.forStub(stub(5).0, in: model)
                == "disposed because stubs a callee receives as parameters are disposed when its method settles (call8, §4.6)")
    }

    @Test func liveAndBrokenStubs() {
        let (live, m) = stub(4, at: 66)
        #expect(RuleExplanation.forStub(live, in: m) == "live: it will be disposed when ctx5 ends, unless disposed first (contextEnded, §4.10)")
        let (broken, m2) = stub(6, at: 130)
        #expect(
            RuleExplanation.forStub(broken, in: m2)
                == "broken: call12, whose result this promise stands for, rejected, so calls pipelined on it fail the same way (§5.3)")
    }

    @Test func callRules() {
        #expect(
            RuleExplanation.forCall(model.call(CallID(6))!, in: model)
                == "pipelined: sent at once on the promised result of call5, without waiting for it (§5.1)")
        #expect(
            RuleExplanation.forCall(model.call(CallID(13))!, in: model)
                == "rejected with the same error as call12, the call it was pipelined on (§5.3)")
        #expect(
            RuleExplanation.forCall(model.call(CallID(9))!, in: model)
                == "a callback: client passed a function or target by reference in call8, and the call runs back in client (§4.6)")
        #expect(
            RuleExplanation.forCall(model.call(CallID(11))!, in: model)
                == "the callee threw; the error crossed with its name and message and gained remote = true (§7.2)")
        #expect(
            RuleExplanation.forCall(model.call(CallID(3))!, in: model)
                == "a call through stub1: it runs where the stub's target lives, service (§4.2)")
        #expect(
            RuleExplanation.forCall(model.call(CallID(1))!, in: model)
                == "a top-level call through the binding SVC opens a new session and execution context in service (§1.3, §6.1)")
    }

    @Test func contextAndTaskRules() {
        #expect(
            RuleExplanation.forContext(model.context(ContextID(9))!)
                == "ended when its waitUntil tasks finished, after its method had returned (§1.7)")
        #expect(
            RuleExplanation.forContext(model.context(ContextID(2))!)
                == "ended because its method returned and no stub was left between the two sides (§6.2)")
        let at100 = InspectorModel(events: log.events(to: 101))
        #expect(
            RuleExplanation.forContext(at100.context(ContextID(9))!)
                == "live: its waitUntil tasks keep it running until they settle (§1.7)")
        #expect(
            RuleExplanation.forTask(at100.task(TaskID(1))!)
                == "running: ctx.waitUntil keeps ctx9 alive until the task settles (§1.7)")
        #expect(RuleExplanation.forTask(model.task(TaskID(1))!) == "resolved; ctx9 could then drain (§1.7)")
    }
}
