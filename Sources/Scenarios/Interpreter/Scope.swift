/// One lexical scope: the names a block, request block or function body declares, linked to
/// the scope around it.
///
/// A class because closures capture it: a function made in a scope sees later assignments to
/// its names, and names declared after it (as JavaScript's block scoping allows).
///
/// Only touched on the runtime's loop (see ``ScenarioSession``).
final class Scope {
    /// One declared name.
    struct Binding {
        var value: ScriptValue
        let kind: DeclarationKind
        /// Where the name is declared.
        let range: SourceRange
    }

    let parent: Scope?
    private(set) var bindings: [String: Binding] = [:]
    /// The `using` values of this scope in declaration order, disposed in reverse at its end.
    var usings: [(name: String, value: ScriptValue)] = []

    init(parent: Scope?) {
        self.parent = parent
    }

    /// The binding of `name` in this scope or the nearest scope around it.
    func lookup(_ name: String) -> Binding? {
        var scope: Scope? = self
        while let current = scope {
            if let binding = current.bindings[name] { return binding }
            scope = current.parent
        }
        return nil
    }

    /// Declares `name` here (replacing an earlier declaration: the static check has already
    /// refused duplicates in files; the console allows them, as browser consoles do).
    func declare(_ name: String, _ value: ScriptValue, kind: DeclarationKind, range: SourceRange) {
        bindings[name] = Binding(value: value, kind: kind, range: range)
        if kind == .using { usings.append((name, value)) }
    }

    /// Assigns `name` in the nearest scope that declares it; returns the binding it replaced,
    /// or `nil` when no scope declares the name.
    @discardableResult
    func assign(_ name: String, _ value: ScriptValue) -> Binding? {
        var scope: Scope? = self
        while let current = scope {
            if let old = current.bindings[name] {
                current.bindings[name] = Binding(value: value, kind: old.kind, range: old.range)
                return old
            }
            scope = current.parent
        }
        return nil
    }
}
