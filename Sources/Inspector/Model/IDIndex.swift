import RPCEngine

/// Where each record of one kind sits in the model's array, by its id.
///
/// Runtime ids are sequential from 1 (`call1`, `call2`, ...), so the positions live in an array
/// indexed by the id's number: a lookup is one load instead of hashing the id, and copying the
/// index (when a snapshot of the model is taken) shares its chunks. The fold looks ids up several
/// times per event, which made hashing its largest single cost. An id far beyond the ids seen so
/// far (a log that starts mid-way, or a hand-written one) goes to a dictionary instead, so a
/// stray large number never allocates a huge array.
struct IDIndex<Kind: RuntimeIDKind>: Sendable {
    /// `slots[raw]` is the position + 1, or 0 when the id has no record.
    private var slots = ChunkedArray<Int32>()
    private var sparse: [Int: Int] = [:]
    /// How far past the end of `slots` an id may be and still grow it.
    private static var slack: Int { 4096 }

    init() {}

    subscript(id: RuntimeID<Kind>) -> Int? {
        get {
            let raw = id.raw
            if raw >= 0 && raw < slots.count {
                let slot = slots[raw]
                return slot == 0 ? nil : Int(slot) - 1
            }
            return sparse.isEmpty ? nil : sparse[raw]
        }
        set {
            let raw = id.raw
            if raw >= 0 && raw < slots.count + Self.slack && (newValue ?? 0) < Int(Int32.max) {
                if raw >= slots.count {
                    guard newValue != nil else { return }
                    while slots.count <= raw { slots.append(0) }
                }
                slots[raw] = newValue.map { Int32($0 + 1) } ?? 0
                if !sparse.isEmpty { sparse[raw] = nil }
            } else {
                sparse[raw] = newValue
            }
        }
    }
}
