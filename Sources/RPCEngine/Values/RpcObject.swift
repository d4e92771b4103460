/// A plain JavaScript object: string keys in insertion order, as `Object.keys` lists them.
///
/// Objects on the wire are small; lookups scan the entries, which beats hashing at these sizes
/// and keeps the order that transcripts and equality rely on.
public struct RpcObject: Sendable, Sequence {
    public private(set) var entries: [(key: String, value: RpcValue)]
    /// A callee-side `[Symbol.dispose]` (non-enumerable): stripped when the object is sent as a
    /// result, and run when the caller disposes the result (§4.7). Not part of equality.
    public var disposer: RpcFunction?
    /// On the caller's side, the call whose callee keeps a disposer for this result: disposing
    /// the result releases it (§4.7). Not part of equality.
    public internal(set) var heldResult: CallID?

    public init() { entries = [] }
    public init(_ pairs: [(String, RpcValue)]) {
        entries = []
        for (k, v) in pairs { self[k] = v }
    }

    public var count: Int { entries.count }
    public var keys: [String] { entries.map(\.key) }

    public subscript(key: String) -> RpcValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: RpcValue)]> {
        entries.makeIterator()
    }
}

extension RpcObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, RpcValue)...) { self.init(elements) }
}
