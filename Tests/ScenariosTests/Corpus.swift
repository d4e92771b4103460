/// Hand-written scenarios covering every header key and every statement and expression form;
/// the seeds of the mutation fuzz and the printer round-trip tests.
enum Corpus {
    static let counterClosure = """
        # scenarios/04-counter-closure.scenario
        title = "Functions returned over RPC keep their state"
        description = "newCounter() returns a closure; each call runs inside counter-service."
        compatibility_date = "2026-05-01"

        [[workers]]
        name = "client_worker"
        services = [{ binding = "COUNTER_SERVICE", service = "counter-service" }]

        [[workers]]
        name = "counter-service"
        main = "counterService"

        ---
        step "Ask counter-service for a counter"
        using f = await env.COUNTER_SERVICE.newCounter()

        step "Each call runs in counter-service, where `value` lives"
        expect await f(2) == 2
        expect await f(1) == 3
        expect await f(-5) == -2

        """

    static let toolkit = """
        title = 'Toolkit tour'
        compatibility_flags = ["rpc_params_transfer_stubs", "legacy_error_serialization"]
        seed = 42

        [[workers]]
        name = "main"
        services = [
          { binding = "T", service = "toolkit", entrypoint = "Toolkit", props = { user = "ada", level = 3 } },
          { binding = "C", service = "counters" },
        ]
        durable_objects.bindings = [{ name = "COUNTERS", class_name = "CounterObject", script_name = "counters" }]

        [workers.vars]
        GREETING = "Hello, "
        LIMIT = 3
        RATIO = 0.5
        ENABLED = true
        TAGS = ["a", "b"]

        [[workers]]
        name = "toolkit"
        main = "toolkit"

        [[workers]]
        name = "counters"
        main = "counterObject"
        ---
        let x = 1; const y = 2.5e3; let big = 10n
        x += 2
        x -= 1
        x = x * 3 % 4 / 2 - -0
        expect x != y && !(x > y) || x <= 1 && y >= 2
        expect typeof env.T == "object"
        expect Object.is(NaN, NaN)
        expect [1, 2].includes(2)
        let m = new Map([["a", 1], ["b", 2]])
        let set = new Set([1, 2]); let d = new Date(0); let r = new RegExp("a+", "g")
        let err = new TypeError("bad")
        let b = bytes("68656c6c6f")
        let c = env.T.makeCounter(1)
        expect await c.increment(2) == 3
        using held = c.dup()
        dispose held
        let obj = { a: 1, "b c": [true, false, null, undefined], nested: { deep: 'x\\n\\u{1F600}' } }
        log obj["b c"]
        console.log("two", "args")
        let e = catch await env.T.fail("RangeError", "nope")
        expect e.code == 42
        expect env.T.fail("TypeError", "boom") throws TypeError "boom"
        expect env.T.never() throws
        expect env.T.abort("x") throws RangeError
        sleep 250ms
        sleep 2s
        settle
        let target = rpcTarget({
          ping: () => "pong",
          add: (a, b) => a + b,
          dispose: () => { log "disposed"; return undefined },
        })
        let twice = x => x * 2
        let later = async (n) => {
          using k = await env.T.makeCounter(n)
          return await k.increment()
        }
        {
          using inner = await env.T.makeCounter(0)
          expect await inner.value == 0
        }
        request "second request" {
          let v = await env.T.echo(Infinity)
          expect v == Infinity
          expect runtime.liveStubs >= 0
        }
        expect await env.T.call(target.ping) == "pong"
        step "done"

        """

    static let durableObjects = """
        [[workers]]
        name = "main"
        [workers.durable_objects]
        bindings = [{ name = "COUNTERS", class_name = "CounterObject", script_name = "counters" }]
        [workers.vars]
        "NAME" = "x"

        [[workers]]
        name = "counters"
        main = "counterObject"
        ---
        let id = env.COUNTERS.idFromName("alpha")
        let stub = env.COUNTERS.get(id)
        expect await stub.increment() == 1
        expect await stub.slowIncrement(2, 10) == 3
        expect stub.fail() throws Error "counter failed"
        let results = [await stub.get(), await stub.calls]
        log results

        """

    static let pipelining = """
        title = "Pipelining"
        [[workers]]
        name = "client"
        services = [{ binding = "S", service = "toolkit" }]
        [[workers]]
        name = "toolkit"
        main = "toolkit"
        ---
        let obj = env.S.makeObject()
        expect await obj.counter.increment(5) == 5
        expect await obj.double(21) == 42
        expect await obj.nested.triple(3) == 9
        let value = await env.S
          .echo({ k: [1, 2, 3] })
        expect value == { k: [1, 2, 3] }
        expect (await env.S.getMap()).get("foo") == 123
        let f = (a,
                 b) => a + b
        expect f(1, 2) == 3
        expect -f(1, 2) == -3

        """

    /// The header of ``counterClosure`` (lines 1 to 13).
    static var counterClosureHeader: String { header(of: counterClosure) }
    /// The header of ``toolkit``.
    static var toolkitHeader: String { header(of: toolkit) }

    /// The text before the `---` line, newline included.
    static func header(of text: String) -> String {
        String(text[..<(text.range(of: "\n---\n")?.lowerBound ?? text.endIndex)]) + "\n"
    }

    /// A small file with most forms, for the fuzz (which pays for every byte ten thousand times).
    static let compact = """
        seed = 7
        compatibility_flags = ["rpc_params_transfer_stubs"]
        [[workers]]
        name = "main"
        services = [{ binding = "T", service = "tk", props = { a = 1 } }]
        vars = { GREETING = "hi" }
        [[workers]]
        name = "tk"
        main = "toolkit"
        ---
        let x = -1.5e2; const big = 10n; x += 2
        using c = await env.T.makeCounter(1)
        expect typeof c == "object" && !(x > 3) || [1][0] <= 2
        let e = catch env.T.fail("E", 'm\t')
        expect env.T.never() throws TypeError "m"
        let t = rpcTarget({ f: (a, b) => { return a % b }, "k": new Map([[1, 2]]) })
        request "r" { sleep 2s; settle; dispose c; console.log(Object.is(-0, 0), bytes("ff")) }
        step "end"

        """

    /// The spec's example, shortened for the fuzz.
    static let closureSeed = """
        title = "Closures"
        compatibility_date = "2026-05-01"
        [[workers]]
        name = "client"
        services = [{ binding = "S", service = "counter-service" }]
        [[workers]]
        name = "counter-service"
        main = "counterService"
        ---
        step "Get a counter"
        using f = await env.S.newCounter()
        expect await f(2) == 2
        expect await f(-5) == -3

        """

    static let all = [counterClosure, toolkit, durableObjects, pipelining, compact]
    static let fuzzSeeds = [closureSeed, durableObjects, pipelining, compact]
}
