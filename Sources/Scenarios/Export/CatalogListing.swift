import RPCEngine

/// The text `switchboard catalog` prints: every module, its exports, and each export's members.
///
/// ```
/// toolkit
///   Toolkit (WorkerEntrypoint, default export)
///     echo(v)
///     get answer
///   Counter (RpcTarget)
///     increment(n = 1)
///     get value
/// ```
///
/// Modules come in the order given (``WorkerCatalog/Catalog/modules`` lists them in the
/// catalogue's order), exports and members in registration order, so the listing is stable.
/// Methods show their parameter lists as registered (`add(a, b)`, `increment(n = 1)`); getters
/// are written `get NAME`, as JavaScript declares them. Modules are separated by a blank line.
public enum CatalogListing {
    /// The listing of `modules`, ending with a newline (empty for no modules).
    public static func render(modules: [WorkerModule]) -> String {
        modules.map(render(module:)).joined(separator: "\n")
    }

    /// What `switchboard catalog [MODULE]` prints: every module of `modules`, or only the one
    /// called `name`.
    ///
    /// - Throws: ``CatalogListingError`` when no module is called `name` (with the closest name,
    ///   if one is likely meant, and the list of known modules).
    public static func listing(module name: String?, in modules: [WorkerModule]) throws(CatalogListingError) -> String {
        guard let name else { return render(modules: modules) }
        guard let module = modules.first(where: { $0.name == name }) else {
            throw CatalogListingError(
                name: name, suggestion: Suggestion.closest(to: name, among: modules.map(\.name)),
                known: modules.map(\.name))
        }
        return render(module: module)
    }

    /// One module's block: its name, then its exports and their members, indented.
    public static func render(module: WorkerModule) -> String {
        var out = module.name + "\n"
        if module.exports.isEmpty { out += "  (no exports)\n" }
        for export in module.exports {
            var traits = [kindName(export.kind)]
            if export.name == module.defaultExport { traits.append("default export") }
            out += "  \(export.name) (\(traits.joined(separator: ", ")))\n"
            if export.members.isEmpty { out += "    (no members)\n" }
            for member in export.members { out += "    \(line(for: member))\n" }
        }
        return out
    }

    /// `add(a, b)` for a method, `get answer` for a getter.
    public static func line(for member: MemberDescription) -> String {
        member.isGetter ? "get \(member.name)" : member.signature
    }

    /// The JavaScript base class an export kind stands for (`WorkerEntrypoint`, `RpcTarget`,
    /// `DurableObject`). Looked up by the case's name so that a kind added to the engine later
    /// still lists (under its own name) without this file changing.
    static func kindName(_ kind: WorkerModule.ExportKind) -> String {
        let name = String(describing: kind)
        let known = ["entrypoint": "WorkerEntrypoint", "rpcTarget": "RpcTarget", "durableObject": "DurableObject"]
        return known[name] ?? name
    }
}

/// `switchboard catalog NAME` for a module that does not exist.
public struct CatalogListingError: Error, Equatable, CustomStringConvertible {
    /// The name asked for.
    public let name: String
    /// The known module it is probably a typo of.
    public let suggestion: String?
    /// Every known module, in listing order.
    public let known: [String]

    /// `unknown module "greter" (did you mean "greeter"?); modules: workerB, greeter, ...`
    public var description: String {
        "unknown module \"\(name)\"" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
            + "; modules: " + known.joined(separator: ", ")
    }
}
