/// The replay speeds `<` and `>` step through, and how long each event stays on screen.
public enum PlaybackSpeed {
    /// The speeds, slowest first.
    public static let factors: [Double] = [0.25, 0.5, 1, 2, 4, 8, 16]
    /// The index of ×1.
    public static let normal = 2
    /// Milliseconds per event at ×1.
    public static let baseInterval = 400.0

    /// `×¼`, `×½`, `×1`, `×2`, ...
    public static func label(_ index: Int) -> String {
        switch factors[clamped(index)] {
        case 0.25: "×¼"
        case 0.5: "×½"
        case let f: "×\(Int(f))"
        }
    }

    /// Milliseconds per event at speed `index`.
    public static func interval(_ index: Int) -> Int { Int(baseInterval / factors[clamped(index)]) }

    /// `index` kept inside the table.
    public static func clamped(_ index: Int) -> Int { min(max(0, index), factors.count - 1) }
}
