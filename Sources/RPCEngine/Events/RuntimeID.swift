/// Tags that give each kind of runtime id its short prefix (`ctx7`, `call12`, `stub4`, ...).
public protocol RuntimeIDKind {
    static var prefix: String { get }
}

/// A sequential, typed id, unique within one runtime. Ids start at 1 and are never reused, so
/// the same program always gets the same ids and logs read well.
public struct RuntimeID<Kind: RuntimeIDKind>: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let raw: Int
    public init(_ raw: Int) { self.raw = raw }
    public var description: String { Kind.prefix + String(raw) }
    public static func < (a: Self, b: Self) -> Bool { a.raw < b.raw }
}

public enum ContextIDKind: RuntimeIDKind { public static let prefix = "ctx" }
public enum CallIDKind: RuntimeIDKind { public static let prefix = "call" }
public enum StubIDKind: RuntimeIDKind { public static let prefix = "stub" }
public enum TaskIDKind: RuntimeIDKind { public static let prefix = "task" }
public enum SessionIDKind: RuntimeIDKind { public static let prefix = "sess" }
public enum TargetIDKind: RuntimeIDKind { public static let prefix = "target" }

public typealias ContextID = RuntimeID<ContextIDKind>
public typealias CallID = RuntimeID<CallIDKind>
public typealias StubID = RuntimeID<StubIDKind>
public typealias TaskID = RuntimeID<TaskIDKind>
public typealias SessionID = RuntimeID<SessionIDKind>
public typealias TargetID = RuntimeID<TargetIDKind>
