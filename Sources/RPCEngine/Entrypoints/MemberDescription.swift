/// A member as `switchboard catalog` and the inspector list it: `add(a, b)` or `answer` (getter).
public struct MemberDescription: Sendable, Equatable {
    public let name: String
    /// The parameter list of a method (`a, b`); nil for a getter.
    public let params: String?
    public let isGetter: Bool

    public init(name: String, params: String?, isGetter: Bool) {
        self.name = name
        self.params = params
        self.isGetter = isGetter
    }

    /// `add(a, b)` for a method, `answer` for a getter.
    public var signature: String { isGetter ? name : "\(name)(\(params ?? ""))" }
}
