/// A table of key bindings for one scope: the single source for both handling keys and listing
/// them in help.
///
/// Lookup is a dictionary read. When two bindings claim the same key the first one wins, and
/// ``conflicts`` reports the key, so a test over every keymap can insist that there are none.
public struct Keymap<Action: Hashable & Sendable>: Hashable, Sendable {
    /// The bindings, in help order.
    public let bindings: [KeyBinding<Action>]
    private let lookup: [Key: Action]
    /// Keys bound more than once, in the order they were first seen.
    public let conflicts: [Key]

    /// Creates a keymap.
    public init(_ bindings: [KeyBinding<Action>]) {
        self.bindings = bindings
        var lookup: [Key: Action] = [:]
        var conflicts: [Key] = []
        for binding in bindings {
            for key in binding.keys {
                if lookup[key] == nil {
                    lookup[key] = binding.action
                } else if !conflicts.contains(key) {
                    conflicts.append(key)
                }
            }
        }
        self.lookup = lookup
        self.conflicts = conflicts
    }

    /// The action bound to `key`, if any.
    public func action(for key: Key) -> Action? {
        lookup[key]
    }

    /// The keys bound to `action`, in help order.
    public func keys(for action: Action) -> [Key] {
        bindings.filter { $0.action == action }.flatMap(\.keys)
    }

    /// Keys bound here and also in `other` (for checking a local scope against the global one).
    public func sharedKeys<Other>(with other: Keymap<Other>) -> [Key] {
        bindings.flatMap(\.keys).filter { other.lookup[$0] != nil }
    }

    /// One `(keys, help)` pair per binding, for a help screen: `("j/↓", "move down")`.
    public var helpEntries: [(keys: String, help: String)] {
        bindings.map { ($0.keysDescription, $0.help) }
    }
}
