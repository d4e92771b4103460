import RPCEngine
import Testing

@testable import Scenarios

/// The transcript format, exactly.
@Suite struct TranscriptTests {
    static let scenario = """
        title = "Transcript sample"

        [[workers]]
        name = "main"
        services = [{ binding = "T", service = "toolkit" }]

        [[workers]]
        name = "toolkit"
        main = "toolkit"
        ---
        let x = 1
        step "Calls"
        using c = await env.T.makeCounter(x)
        expect await c.increment(2) == 4
        log "counter at " + await c.value
        request "second" {
          expect await env.T.answer == 42
        }
        let f = (n) => {
          log "f got " + n
          return n
        }
        await env.T.call(f, 7)
        sleep 2s
        let o = {
          a: 1
        }
        """

    @Test func exactText() {
        let run = ScenarioRunner.run(fileName: "sample.scenario", text: Self.scenario)
        #expect(run.transcript.text == """
            # sample.scenario
            # Transcript sample

               11 | let x = 1  → 1

            ▸ Calls
               13 | using c = await env.T.makeCounter(x)  → stub1
               14 | expect await c.increment(2) == 4  ✗
                  |     expected: 4
                  |     actual:   3
               15 | log "counter at " + await c.value  » counter at 3
               16 | request "second" {  · a new request: ctx3
               17 |   expect await env.T.answer == 42  ✓
               18 | }  · ctx3 ended
               19 | let f = (n) => {
                  |   log "f got " + n
                  |   return n
                  | }  → [Function]
               20 | ƒ log "f got " + n  » f got 7
               23 | await env.T.call(f, 7)  → 7
               24 | sleep 2s  · now 2000ms
               25 | let o = {
                  |   a: 1
                  | }  → { a: 1 }

            FAIL sample.scenario: 1 of 2 expectations failed

            """)
        #expect(run.status == .expectationFailed(held: 1, failed: 1))
    }

    @Test func summaryLines() {
        var transcript = Transcript(fileName: "x.scenario")
        #expect(transcript.summaryLine == "RUNNING x.scenario")
        transcript.status = .passed(held: 1)
        #expect(transcript.summaryLine == "PASS x.scenario: 1 expectation held")
        transcript.status = .passed(held: 0)
        #expect(transcript.summaryLine == "PASS x.scenario: 0 expectations held")
        transcript.status = .expectationFailed(held: 2, failed: 1)
        #expect(transcript.summaryLine == "FAIL x.scenario: 1 of 3 expectations failed")
        transcript.status = .invalid("3:4: bad")
        #expect(transcript.summaryLine == "INVALID x.scenario: 3:4: bad")
        transcript.status = .runFailed("never settled")
        #expect(transcript.summaryLine == "ERROR x.scenario: the run failed: never settled")
        #expect([ScenarioStatus.passed(held: 3), .expectationFailed(held: 0, failed: 1), .invalid(""), .runFailed("")].map(\.exitCode)
            == [0, 1, 2, 3])
    }

    @Test func anUncaughtErrorEndsTheTranscript() {
        let run = ScenarioRunner.run(fileName: "u.scenario", text: """
            [[workers]]
            name = "main"
            ---
            step "Oops"
            let o = null
            log o.name
            log "never"
            """)
        #expect(run.transcript.text == """
            # u.scenario

            ▸ Oops
                5 | let o = null  → null
                6 | log o.name  ✗ uncaught TypeError: Cannot read properties of null (reading 'name')

            ERROR u.scenario: the run failed: uncaught TypeError: Cannot read properties of null (reading 'name') at u.scenario:6:5

            """)
    }
}
