/// A mouse action at a cell, as a value.
///
/// Positions are grid coordinates (column, row), so hit-testing is `rect.contains(event.position)`.
public struct MouseEvent: Hashable, Sendable {
    /// What happened.
    public enum Kind: Hashable, Sendable {
        /// A button went down.
        case press
        /// A button went up.
        case release
        /// A press and release at the same place, reported as one event.
        case click
        /// Two clicks in quick succession.
        case doubleClick
        /// The wheel turned away from the user (content should scroll up).
        case wheelUp
        /// The wheel turned towards the user (content should scroll down).
        case wheelDown
    }

    /// Which button; wheel events use `.none`.
    public enum Button: Hashable, Sendable {
        /// The primary button.
        case left
        /// The middle button.
        case middle
        /// The secondary button.
        case right
        /// No button (wheel events, or unknown).
        case none
    }

    /// What happened.
    public var kind: Kind
    /// Which button.
    public var button: Button
    /// The cell under the pointer.
    public var position: Point

    /// Creates a mouse event.
    public init(_ kind: Kind, button: Button = .left, at position: Point) {
        self.kind = kind
        self.button = (kind == .wheelUp || kind == .wheelDown) ? .none : button
        self.position = position
    }
}
