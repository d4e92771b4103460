/// The direction along which a rectangle is split.
public enum Axis: Hashable, Sendable {
    /// Pieces side by side, left to right (the split divides the width).
    case horizontal
    /// Pieces stacked, top to bottom (the split divides the height).
    case vertical
}
