import RPCEngine

/// The seqs of the events whose text contains a filter, kept up to date as the log grows by
/// scanning only the new events.
public struct EventMatches: Sendable, Equatable {
    /// The filter, lowercased.
    public let filter: String
    /// Events `1 ... scanned` have been checked.
    public private(set) var scanned = 0
    /// Matching seqs, ascending.
    public private(set) var seqs: [Int] = []

    /// Creates an empty match list for `filter`.
    public init(filter: String) { self.filter = filter.lowercased() }

    /// Checks the events after ``scanned`` up to `count`.
    public mutating func scan(_ log: EventLog, upTo count: Int) {
        guard count > scanned else { return }
        for event in log.events(from: scanned + 1, to: count + 1) where event.text.lowercased().contains(filter) {
            seqs.append(event.seq)
        }
        scanned = count
    }
}
