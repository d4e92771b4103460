/// One entry of a ``Keymap``: the keys that trigger an action and the help text for it.
public struct KeyBinding<Action: Hashable & Sendable>: Hashable, Sendable {
    /// The keys, in the order help shows them (the first is the main one).
    public var keys: [Key]
    /// What the keys do.
    public var action: Action
    /// A short description for the help screen (`"next pane"`).
    public var help: String

    /// Creates a binding.
    public init(_ keys: [Key], _ action: Action, help: String) {
        self.keys = keys
        self.action = action
        self.help = help
    }

    /// Creates a binding from key names as ``Key/init(_:)`` parses them; `nil` if any name is
    /// not a key, so a typo in a table is caught by a test instead of silently binding nothing.
    public init?(_ names: [String], _ action: Action, help: String) {
        var keys: [Key] = []
        for name in names {
            guard let key = Key(name) else { return nil }
            keys.append(key)
        }
        self.init(keys, action, help: help)
    }

    /// The keys joined for a help screen: `"j/↓"`.
    public var keysDescription: String {
        keys.map(\.description).joined(separator: "/")
    }
}
