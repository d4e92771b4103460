import RPCEngine

/// An exception in flight while a script runs: the JavaScript error, where it surfaced, and
/// whether the script itself is at fault.
///
/// Errors from RPC (a rejected call, a refused argument) are not faults: `expect` and `catch`
/// observe them like any value. Faults are mistakes in the script that a JavaScript engine
/// would also throw at run time (reading a property of `undefined`, calling a number, using a
/// name before its declaration). They can be caught too, as in JavaScript, but an `expect`
/// that is not about throwing does not swallow them: the run stops with a located diagnostic.
struct ScriptThrow: Error {
    /// The error value (`e.name`, `e.message`, ...).
    var error: RpcError
    /// The file the range belongs to (a console line is a file of its own).
    var file: SourceFile
    /// Where it surfaced.
    var range: SourceRange
    /// How to fix it, when there is something to say.
    var hint: String?
    /// True when the interpreter raised it because the script is wrong.
    var isFault: Bool

    /// A fault of the script: `TypeError` unless `name` says otherwise.
    static func fault(
        _ message: String, name: String = "TypeError", file: SourceFile, range: SourceRange, hint: String? = nil
    ) -> ScriptThrow {
        ScriptThrow(error: RpcError(name: name, message: message), file: file, range: range, hint: hint, isFault: true)
    }

    /// An error that came from the engine (RPC) or from worker code.
    static func rpc(_ error: any Error, file: SourceFile, range: SourceRange) -> ScriptThrow {
        let rpcError = RpcError.from(error)
        var hint: String?
        if case .string(let disposedBy)? = rpcError.properties["disposedBy"] { hint = disposedBy }
        return ScriptThrow(error: rpcError, file: file, range: range, hint: hint, isFault: false)
    }

    /// The error as a located diagnostic: `uncaught TypeError: ...`.
    var diagnostic: ScenarioDiagnostic {
        ScenarioDiagnostic(file: file, range: range, message: "uncaught \(error.name): \(error.message)", hint: hint)
    }
}

/// `return` leaving a function body (internal control flow, never seen by scripts).
struct ReturnSignal: Error {
    let value: ScriptValue
}
