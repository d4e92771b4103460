import RPCEngine

/// A function of the script: an arrow function closed over its scope, or a built-in such as
/// `console.log`.
///
/// Called locally, it runs directly. Passed over RPC, it travels as its ``rpc`` value and the
/// receiver gets a stub (§3.1); calls through that stub run it here, in the context that sent it,
/// on the runtime's loop.
final class ScriptFunction {
    /// What runs when it is called.
    enum Body {
        /// `(a, b) => ...`: parameters, body, the scope it closes over, and its source file.
        case arrow(parameters: [Identifier], body: Expression.ArrowBody, scope: Scope, file: SourceFile)
        /// A built-in.
        case native(([ScriptValue]) async throws -> ScriptValue)
    }

    /// The function's name (`f` for `let f = (x) => ...`, as JavaScript infers it), shown in the
    /// event log as the stub's target (`ƒ f`).
    let name: String
    let body: Body
    /// Whether this is the built-in `console.log` (made once per interpreter).
    var isConsoleLog = false
    /// The value that stands for this function in `RpcValue`s; set once, right after creation.
    private(set) var rpc: RpcFunction = RpcFunction(name: "unset") { (_: [RpcValue]) in .undefined }

    init(name: String, body: Body) {
        self.name = name
        self.body = body
    }

    /// Sets ``rpc``: a function that runs this one through `interpreter` when it is called over
    /// RPC, turning script errors into the errors the remote caller sees.
    func bind(to interpreter: ScriptInterpreter) {
        rpc = RpcFunction(name: name) { [weak self, weak interpreter] (args: [RpcValue]) async throws -> RpcValue in
            guard let self, let interpreter else { throw RpcError.error(RpcError.Message.contextGone) }
            return try await interpreter.invokeRemotely(self, args)
        }
    }
}
