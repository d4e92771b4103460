import RPCEngine

/// Tab completion for the console, from the model of the newest event: `env`, the primary
/// worker's bindings, the members of the export a binding reaches, live stub ids, the names the
/// console's own lines declared, keywords and `:commands`.
public enum ConsoleCompletion {
    /// Keywords of the script language worth completing.
    public static let keywords = ["await ", "let ", "const ", "using ", "dispose ", "expect ", "settle", "sleep ", "log "]

    /// Candidates for `token` (the text before the cursor back to a space or separator). Each
    /// candidate replaces the whole token; those not starting with it are ignored by the caller.
    public static func candidates(for token: String, model: InspectorModel, names: [String]) -> [String] {
        if token.hasPrefix(":") { return ConsoleCommand.names }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let primary = model.primaryWorker
        switch parts.count {
        case 1:
            let stubs = model.stubs.filter(\.isLive).map(\.id.description)
            return ["env"] + names + keywords + stubs
        case 2 where parts[0] == "env":
            return (primary?.declaration.bindings ?? []).map { "env.\($0.binding)" }
        case 3 where parts[0] == "env":
            guard let binding = primary?.declaration.bindings.first(where: { $0.binding == parts[1] }),
                let service = model.worker(named: binding.service)
            else { return [] }
            let export = service.declaration.exports.first { e in
                binding.entrypoint.map { e.name == $0 } ?? e.isDefault
            }
            return (export?.members ?? []).map { "env.\(parts[1]).\($0.name)" + ($0.isGetter ? "" : "(") }
        case 2:
            guard let id = StubID(parsing: parts[0]), let stub = model.stub(id) else { return [] }
            let export = model.worker(named: stub.created.targetWorker)?.declaration.exports.first {
                $0.name == stub.created.target
            }
            return (export?.members ?? []).map { "\(parts[0]).\($0.name)" + ($0.isGetter ? "" : "(") }
        default:
            return []
        }
    }
}
