/// What a piece of text *is*, rather than how it looks.
///
/// Widgets and apps tag cells with roles; a ``Theme`` decides the colours and attributes of each
/// role when the grid is presented. Keeping meaning and appearance apart is what lets a
/// `NO_COLOR` theme drop colour without losing information, and keeps text snapshots in tests
/// free of escape codes.
public enum StyleRole: UInt8, Hashable, Sendable, CaseIterable {
    /// Ordinary text.
    case normal
    /// Less important text (secondary columns, hints).
    case dim
    /// Text that should catch the eye (key names in hints, the current item of a strip).
    case accent
    /// The selected row of the focused widget.
    case selected
    /// The selected row of a widget that does not have focus.
    case selectedUnfocused
    /// Success (a settled call, a live stub).
    case ok
    /// Failure.
    case error
    /// Something still running.
    case pending
    /// Something that needs attention but is not a failure.
    case warning
    /// Box lines of an unfocused pane.
    case border
    /// Box lines of the focused pane.
    case borderFocused
    /// Pane titles.
    case title
    /// Column headers and similar labels.
    case header
    /// Text shown for completeness only (disposed items, placeholders).
    case muted
    /// Matches of a search or filter.
    case highlight
}
