import Inspector
import RPCEngine
import Testing

/// The model is a fold of the event log: every record comes from events, in order.
@Suite struct ModelFoldTests {
    let log: EventLog
    let model: InspectorModel

    init() throws {
        log = try makeDemoLog()
        model = InspectorModel(events: log.events())
    }

    @Test func theDemoLogHasTheExpectedLength() {
        #expect(log.count == 136)
        #expect(model.seq == 136)
        #expect(model.time == 30)
    }

    @Test func workersComeFromWorkerDeclared() {
        #expect(model.workers.map(\.name) == ["client", "service"])
        #expect(model.primaryWorker?.name == "client")
        let service = model.worker(named: "service")!
        #expect(service.declaration.module == "demo-service")
        #expect(service.declaration.exports.map(\.name) == ["DemoService", "Counter"])
        #expect(service.declaration.exports[0].members.map(\.name) == ["add", "newCounter", "makeCounter", "callBack", "signup", "fail", "slow"])
        #expect(model.worker(named: "client")!.declaration.bindings.map(\.binding) == ["SVC"])
        #expect(service.contexts.map(\.raw) == [2, 4, 6, 8, 9, 10, 12])
        #expect(service.liveContexts.isEmpty)
    }

    @Test func callsFormATreeWithCallbacksUnderTheirCall() {
        #expect(model.calls.count == 13)
        #expect(model.rootCalls.map(\.raw) == [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13])
        #expect(model.call(CallID(8))!.children == [CallID(9)])
        #expect(model.call(CallID(9))!.started.parent == CallID(8))
        #expect(model.call(CallID(8))!.openedContext == ContextID(8))
        #expect(model.call(CallID(9))!.calleeContext == ContextID(7))
    }

    @Test func pipelinedCallsAreLinkedToThePromiseTheyRideOn() {
        #expect(model.call(CallID(6))!.started.pipelinedOn == CallID(5))
        #expect(model.call(CallID(5))!.pipelined == [CallID(6)])
        #expect(model.call(CallID(12))!.pipelined == [CallID(13)])
    }

    @Test func callsSettleWithTheirResultOrError() throws {
        guard case .returned(let sum) = model.call(CallID(1))!.status else { throw Failure("call1 did not return") }
        #expect(sum.summary() == "3")
        guard case .threw(let error) = model.call(CallID(11))!.status else { throw Failure("call11 did not throw") }
        #expect(error.name == "RangeError")
        #expect(error.message == "nope")
        #expect(model.call(CallID(11))!.durationMs == 0)
        #expect(model.pendingCallCount == 0)
    }

    @Test func stubsKeepKindHolderLineageAndTheRuleThatDisposedThem() {
        #expect(model.stubs.count == 6)
        #expect(model.liveStubCount == 0)
        let kinds = model.stubs.map(\.created.kind)
        #expect(kinds == [.function, .promise, .rpcTarget, .rpcTarget, .function, .promise])
        let reasons = model.stubs.map { $0.disposal?.reason }
        #expect(reasons == [.explicit, .contextEnded, .explicit, .contextEnded, .paramsAfterCall, .contextEnded])
        #expect(model.stub(StubID(4))!.created.dupOf == StubID(3))
        #expect(model.stub(StubID(3))!.dups == [StubID(4)])
        #expect(model.stub(StubID(2))!.disposal?.by == "ctx5")
        #expect(model.call(CallID(8))!.stubsDisposed == [StubID(5)])
        #expect(model.call(CallID(5))!.stubsCreated == [StubID(2), StubID(3)])
    }

    @Test func hostContextsAreDerivedFromTheCreatingCall() {
        #expect(model.stub(StubID(1))!.hostContext == ContextID(4))  // a result: the callee's context
        #expect(model.stub(StubID(5))!.hostContext == ContextID(7))  // a parameter: the caller's context
        #expect(model.stub(StubID(4))!.hostContext == ContextID(6))  // a dup: the original's
        #expect(model.context(ContextID(6))!.hostedStubs == [StubID(2), StubID(3), StubID(4)])
    }

    @Test func aPromiseBreaksWhenItsCallThrows() {
        let stub = model.stub(StubID(6))!
        #expect(stub.breakage == .callThrew(CallID(12), seq: 128))
        #expect(stub.state == .disposed)  // disposal wins once the request ends
        let before = InspectorModel(events: log.events(to: 135))
        #expect(before.stub(StubID(6))!.state == .broken)
    }

    @Test func tasksAndContexts() {
        #expect(model.tasks.count == 1)
        let task = model.tasks[0]
        #expect(task.label == "sendEvent")
        #expect(task.outcome == .resolved)
        #expect(task.addedSeq == 99)
        #expect(task.settledSeq == 115)
        #expect(task.settledTime == 30)
        #expect(model.context(ContextID(9))!.end?.reason == .drained)
        #expect(model.context(ContextID(9))!.tasks == [TaskID(1)])
        #expect(model.context(ContextID(9))!.logSeqs == [114])
        #expect(model.contexts.count == 12)
    }

    @Test func midwayTheModelShowsWhatIsPending() {
        let at100 = InspectorModel(events: log.events(to: 101))
        #expect(at100.pendingCallCount == 1)
        #expect(at100.call(CallID(10))!.isPending)
        #expect(at100.runningTaskCount == 1)
        #expect(at100.worker(named: "service")!.pendingCalls == 1)
        #expect(at100.worker(named: "service")!.runningTasks == 1)
        #expect(at100.worker(named: "service")!.liveContexts == [ContextID(9)])
        #expect(at100.currentStep?.text == "A callback, a waitUntil task and an error")
    }

    @Test func stepsMessagesAndLogs() {
        #expect(model.stepCount == 5)
        #expect(model.currentStep == StepMark(seq: 117, text: "Pipelining on a failure", line: 21))
        #expect(model.sessionMessages[SessionID(1)] == [7, 8, 9, 11, 12])
        #expect(model.warningCount == 1)
    }

    @Test func foldingOneByOneEqualsFoldingAtOnceAndRepeatsAreIgnored() {
        var incremental = InspectorModel()
        for event in log.events() {
            incremental.apply(event)
            incremental.apply(event)
        }
        #expect(digest(incremental) == digest(model))
    }

    @Test func eventsNamingUnknownIdsAreIgnored() {
        var partial = InspectorModel()
        for event in log.events(from: 60) { partial.apply(event) }
        #expect(partial.seq == 136)
        #expect(partial.calls.map(\.id.raw) == [7, 8, 9, 10, 11, 12, 13])
        #expect(partial.liveStubCount == 0)
    }
}
