import RPCEngine
import Synchronization

/// Runs the script language on a ``Runtime``, as the code of the primary worker: a whole
/// scenario script (``runScript(_:file:)``), or one console line at a time (``evaluate(line:)``).
///
/// State: one top-level scope that outlives lines (console variables persist, and can see what
/// the scenario script declared), the current request to the primary worker (begun lazily, ended
/// by ``newRequest()`` or at the end of a script), the transcript, and expectation counts.
///
/// Threading: the interpreter belongs to the one thread that drives the runtime's loop (the
/// CLI's main thread, the inspector's UI thread). The blocking entry points start work on the
/// loop and drive it until idle; ``submit(line:)`` only starts it, for a caller that drives the
/// loop itself. The loop runs its jobs on the driving thread, one at a time, so interpreter
/// state is only ever touched by that thread — between drives by the entry points, during them
/// by the loop's jobs. That is why the class can be `@unchecked Sendable`: never use one
/// interpreter from two threads, nor drive its runtime from another thread.
public final class ScriptInterpreter: @unchecked Sendable {
    /// The runtime the script runs on.
    public let runtime: Runtime
    /// The file name console lines are reported under (`console:3:5` is line 3 of the session).
    public let consoleName: String

    /// The top-level scope: the script's, and the console's after it.
    let globals = Scope(parent: nil)
    /// The request the next top-level statement runs in, if begun.
    var currentRequest: ExecutionContext?
    /// Local functions by name, then identity: what `RpcValue.function` values stand for.
    /// (`RpcFunction` exposes no identity but its name and `==`; names narrow the search to
    /// the few functions that share one.)
    var functions: [String: [ScriptFunction]] = [:]
    /// The `dispose` member of each `rpcTarget` made here (the target is kept so that its
    /// identifier is never reused).
    var targetDisposers: [ObjectIdentifier: (target: ScriptedTarget, dispose: RpcFunction)] = [:]
    /// How deep local function calls are nested now.
    var callDepth = 0
    /// How deep expression evaluation is nested now (bounds recursion whatever the script does).
    var evaluationDepth = 0
    /// The value of the last declaration, assignment or expression statement (the console's answer).
    var lastValue: ScriptValue?
    /// The uncaught error that stopped ``runScript(_:file:)``, located.
    public internal(set) var abortDiagnostic: ScenarioDiagnostic?
    /// Every console line so far, each followed by a newline: the text of the console's file.
    var consoleText = ""

    /// What the script has done so far.
    public internal(set) var transcript: Transcript
    /// Expectations (and `catch` declarations) that held so far.
    public internal(set) var expectationsHeld = 0
    /// Expectations (and `catch` declarations) that failed so far.
    public internal(set) var expectationsFailed = 0

    /// The deepest nesting of local function calls before `RangeError: Maximum call stack size
    /// exceeded`.
    static let maximumCallDepth = 64
    /// The deepest nesting of expression evaluation (function calls included) before the same
    /// error: a bound on the interpreter's own recursion, so no script can exhaust the stack.
    static let maximumEvaluationDepth = 2_000

    /// An interpreter for code of the primary worker of `runtime`. Transcript entries are
    /// reported under `fileName`.
    public init(runtime: Runtime, fileName: String = "console", title: String? = nil, consoleName: String = "console") {
        self.runtime = runtime
        self.consoleName = consoleName
        self.transcript = Transcript(fileName: fileName, title: title)
    }

    /// The primary worker's name.
    var primaryWorker: String { runtime.workerNames[0] }

    /// The primary worker's env.
    var env: Env { runtime.env(ofWorker: primaryWorker) }

    // MARK: driving the loop

    /// Runs `body` as a task on the loop and drives the loop until nothing can make progress.
    func drive(_ body: @escaping @Sendable () async -> Void) {
        runtime.start { await body() }
        runtime.runUntilIdle()
    }

    // MARK: requests

    /// The current request, begun if there is none.
    func requestContext() async -> ExecutionContext {
        if let currentRequest { return currentRequest }
        let ctx = await runtime.beginRequest()
        currentRequest = ctx
        return ctx
    }

    /// Ends the current request, if any: the top-level `using` values are disposed in reverse
    /// order, then the request ends (its stubs are disposed and its waitUntil tasks drain).
    func endCurrentRequest() async {
        guard let ctx = currentRequest else { return }
        await runtime.withContext(ctx) {
            await disposeUsings(of: globals, line: nil)
        }
        await runtime.endRequest(ctx)
        currentRequest = nil
    }

    /// Ends the current request (automatic disposal happens, waitUntil tasks drain) and drives the
    /// loop until idle; the next console line runs in a new request. The console's variables
    /// survive, and what they hold follows Workers' rules for cross-request use (§4.12).
    public func newRequest() {
        drive { await self.endCurrentRequest() }
        transcript.entries.append(.note(Self.requestEndedNote))
    }

    /// Starts ending the current request without driving the loop (see ``newRequest()``), for a
    /// caller that drives the loop itself; the ticket is set once the request has ended (its
    /// `using` values and stubs disposed; its waitUntil tasks may still be draining).
    public func startNewRequest() -> ScriptTicket<Bool> {
        let ticket = ScriptTicket<Bool>()
        runtime.start {
            await self.endCurrentRequest()
            self.transcript.entries.append(.note(Self.requestEndedNote))
            ticket.set(true)
        }
        return ticket
    }

    static let requestEndedNote = "request ended; the next line runs in a new request"

    // MARK: functions

    /// Registers a local function and returns its `RpcFunction`, which is what travels when the
    /// function is passed over RPC.
    func register(_ function: ScriptFunction) -> RpcFunction {
        functions[function.name, default: []].append(function)
        return function.rpc
    }

    /// The local function an `RpcFunction` value stands for.
    func scriptFunction(for rpc: RpcFunction) -> ScriptFunction? {
        let value = RpcValue.function(rpc)
        for function in (functions[rpc.name] ?? []).reversed() where RpcValue.function(function.rpc) == value {
            return function
        }
        return nil
    }

    // MARK: counting

    func record(_ entry: TranscriptEntry) {
        transcript.entries.append(entry)
    }

    func count(_ outcome: TranscriptOutcome) {
        switch outcome {
        case .held: expectationsHeld += 1
        case .failed: expectationsFailed += 1
        default: break
        }
    }
}

/// A value handed from a loop task to the thread driving the loop.
final class ResultBox<T: Sendable>: Sendable {
    private let value = Mutex<T?>(nil)
    func set(_ result: T) { value.withLock { $0 = result } }
    func get() -> T? { value.withLock { $0 } }
}
