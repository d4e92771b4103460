import RPCEngine

/// The glyphs the inspector draws. Every state has its own glyph *and* word somewhere on the
/// row, so nothing is told by colour alone (`NO_COLOR` keeps them all).
public enum Glyph {
    /// A settled call or task that succeeded.
    public static let ok = "✓"
    /// A call or task that failed.
    public static let error = "✗"
    /// Something still running.
    public static let pending = "⏳"
    /// A function stub.
    public static let function = "ƒ"
    /// A live stub, a busy worker.
    public static let live = "●"
    /// A disposed stub, an idle worker, an ended context.
    public static let gone = "○"
    /// A collapsed node; also the narration marker.
    public static let collapsed = "▸"
    /// An expanded node.
    public static let expanded = "▾"
    /// A pipelined call's link to the promise it rides on.
    public static let pipelined = "⇢"
    /// A cancelled task.
    public static let cancelled = "⊘"
    /// Playing.
    public static let playing = "▶"
    /// Paused.
    public static let paused = "⏸"

    /// The short label of a stub kind: `ƒ function`, `◆ RpcTarget`, `⟨promise⟩`, ...
    public static func kind(_ kind: StubKind) -> String {
        switch kind {
        case .function: "ƒ function"
        case .rpcTarget: "◆ RpcTarget"
        case .promise: "⟨promise⟩"
        case .durableObject: "▣ Durable Object"
        }
    }

    /// The long name of a stub kind, for the Inspector pane.
    public static func kindName(_ kind: StubKind) -> String {
        switch kind {
        case .function: "function stub"
        case .rpcTarget: "RpcTarget stub"
        case .promise: "RPC promise"
        case .durableObject: "Durable Object stub"
        }
    }
}
