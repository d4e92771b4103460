/// The style of a cell: a semantic ``StyleRole`` plus extra ``TextAttributes``.
///
/// The final look is `theme[role]` with `attributes` added; see ``Theme/resolve(_:)``. Styles are
/// two bytes, cheap to store in every cell and to compare when grids are diffed.
public struct Style: Hashable, Sendable {
    /// What the text is.
    public var role: StyleRole
    /// Attributes added to those the theme gives the role.
    public var attributes: TextAttributes

    /// Creates a style.
    public init(_ role: StyleRole = .normal, _ attributes: TextAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    /// This style with `extra` attributes added.
    public func adding(_ extra: TextAttributes) -> Style {
        Style(role, attributes.union(extra))
    }

    /// This style with the role replaced and the attributes kept.
    public func withRole(_ role: StyleRole) -> Style {
        Style(role, attributes)
    }

    /// `Style(.normal)`.
    public static let normal = Style(.normal)
    /// `Style(.dim)`.
    public static let dim = Style(.dim)
    /// `Style(.accent)`.
    public static let accent = Style(.accent)
    /// `Style(.selected)`.
    public static let selected = Style(.selected)
    /// `Style(.selectedUnfocused)`.
    public static let selectedUnfocused = Style(.selectedUnfocused)
    /// `Style(.ok)`.
    public static let ok = Style(.ok)
    /// `Style(.error)`.
    public static let error = Style(.error)
    /// `Style(.pending)`.
    public static let pending = Style(.pending)
    /// `Style(.warning)`.
    public static let warning = Style(.warning)
    /// `Style(.border)`.
    public static let border = Style(.border)
    /// `Style(.borderFocused)`.
    public static let borderFocused = Style(.borderFocused)
    /// `Style(.title)`.
    public static let title = Style(.title)
    /// `Style(.header)`.
    public static let header = Style(.header)
    /// `Style(.muted)`.
    public static let muted = Style(.muted)
    /// `Style(.highlight)`.
    public static let highlight = Style(.highlight)
}
