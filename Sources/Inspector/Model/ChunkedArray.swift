/// An array stored as chunks of 1,024 elements, so that a copy shares everything and a change
/// after a copy duplicates one chunk, not the whole array.
///
/// The inspector copies its model whenever the time cursor leaves the newest event (the cursor
/// model starts as a copy of the head, then undoes events in place). With plain arrays the first
/// change after that copy duplicated every record array — a million-event log made one step back
/// cost 170 ms. With chunks, a copy costs the chunk references (one per 1,024 records) and each
/// change after it copies only the chunk it touches, so a step costs about the same whatever
/// the log's length.
public struct ChunkedArray<Element>: RandomAccessCollection, MutableCollection {
    @usableFromInline static var shift: Int { 10 }
    @usableFromInline static var mask: Int { (1 << shift) - 1 }

    @usableFromInline var chunks: [[Element]] = []
    /// The number of elements.
    public private(set) var count = 0

    /// An empty array.
    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inlinable
    public subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "index out of range")
            return chunks[position >> Self.shift][position & Self.mask]
        }
        _modify {
            precondition(position >= 0 && position < count, "index out of range")
            yield &chunks[position >> Self.shift][position & Self.mask]
        }
    }

    /// Adds `element` at the end.
    public mutating func append(_ element: Element) {
        if count & Self.mask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(1 << Self.shift)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    /// Removes and returns the last element (the array must not be empty).
    @discardableResult
    public mutating func removeLast() -> Element {
        precondition(count > 0, "removeLast on an empty array")
        let element = chunks[chunks.count - 1].removeLast()
        if chunks[chunks.count - 1].isEmpty { chunks.removeLast() }
        count -= 1
        return element
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}

extension ChunkedArray: Equatable where Element: Equatable {
    public static func == (a: Self, b: Self) -> Bool { a.count == b.count && a.elementsEqual(b) }
}

extension ChunkedArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) {
        for element in elements { append(element) }
    }
}

extension ChunkedArray: CustomStringConvertible {
    public var description: String { Array(self).description }
}
