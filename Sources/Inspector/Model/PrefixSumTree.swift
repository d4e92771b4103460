/// A Fenwick tree of non-negative counts: add to one slot, read a prefix sum, and find the slot
/// holding the n-th unit, each in O(log n).
///
/// The model keeps one over the top-level calls (each slot: the call plus its descendants), so
/// the Calls tree can map a row number to a call, and back, without flattening the tree.
public struct PrefixSumTree: Sendable, Equatable {
    private var tree: [Int] = [0]  // 1-based
    /// The number of slots.
    public private(set) var count = 0
    /// The sum of all slots.
    public private(set) var total = 0

    /// An empty tree.
    public init() {}

    /// Appends a slot holding `value`.
    public mutating func append(_ value: Int) {
        count += 1
        // The new node covers (count - lowbit(count), count]: sum the slots it covers.
        var sum = value
        var child = count - 1
        let stop = count - (count & -count)
        while child > stop {
            sum += tree[child]
            child -= child & -child
        }
        tree.append(sum)
        total += value
    }

    /// Removes the last slot.
    public mutating func removeLast() {
        guard count > 0 else { return }
        total -= prefixSum(count) - prefixSum(count - 1)
        tree.removeLast()
        count -= 1
    }

    /// Adds `delta` to slot `index` (0-based).
    public mutating func add(_ delta: Int, at index: Int) {
        var i = index + 1
        while i <= count {
            tree[i] += delta
            i += i & -i
        }
        total += delta
    }

    /// The sum of slots `0 ..< end`.
    public func prefixSum(_ end: Int) -> Int {
        var i = min(end, count)
        var sum = 0
        while i > 0 {
            sum += tree[i]
            i -= i & -i
        }
        return sum
    }

    /// The slot that holds unit `unit` (0-based, `unit < total`) and the unit's offset inside it.
    public func locate(_ unit: Int) -> (slot: Int, offset: Int) {
        var position = 0
        var remaining = unit
        var step = 1
        while step * 2 <= count { step *= 2 }
        while step > 0 {
            let next = position + step
            if next <= count && tree[next] <= remaining {
                position = next
                remaining -= tree[next]
            }
            step /= 2
        }
        return (position, remaining)
    }
}
