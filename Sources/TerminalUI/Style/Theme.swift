/// Maps each ``StyleRole`` to colours and attributes: the only place where roles get a look.
///
/// Guarantees:
/// * every role has an appearance (roles without an explicit entry look like `.normal`);
/// * ``noColor`` is ``standard`` with every colour removed and every attribute kept, and the
///   standard theme gives each role that carries meaning an attribute as well as a colour
///   (selection is reversed, errors and warnings are bold, focus is bold), so nothing is shown
///   by colour alone.
public struct Theme: Hashable, Sendable {
    /// How one role looks.
    public struct Appearance: Hashable, Sendable {
        /// The text colour.
        public var foreground: TerminalColor
        /// The cell's background colour.
        public var background: TerminalColor
        /// The attributes.
        public var attributes: TextAttributes

        /// Creates an appearance; colours default to the terminal's own.
        public init(foreground: TerminalColor = .default, background: TerminalColor = .default, attributes: TextAttributes = []) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }
    }

    /// The explicit appearances, by role.
    public var appearances: [StyleRole: Appearance]

    /// Creates a theme from explicit appearances; missing roles look like `.normal` (or plain
    /// text if `.normal` is missing too).
    public init(_ appearances: [StyleRole: Appearance]) {
        self.appearances = appearances
    }

    /// The appearance of `role`.
    public subscript(role: StyleRole) -> Appearance {
        get { appearances[role] ?? appearances[.normal] ?? Appearance() }
        set { appearances[role] = newValue }
    }

    /// The final look of `style`: its role's appearance with the style's own attributes added.
    public func resolve(_ style: Style) -> Appearance {
        var appearance = self[style.role]
        appearance.attributes.formUnion(style.attributes)
        return appearance
    }

    /// Whether any role uses a colour other than the terminal default.
    public var usesColor: Bool {
        StyleRole.allCases.contains { self[$0].foreground != .default || self[$0].background != .default }
    }

    /// This theme with every colour replaced by the terminal default and attributes kept.
    public func withoutColor() -> Theme {
        var theme = Theme([:])
        for role in StyleRole.allCases {
            theme[role] = Appearance(attributes: self[role].attributes)
        }
        return theme
    }

    /// The default theme for a dark or light terminal: the basic 16 colours only, with the
    /// terminal's own background.
    public static let standard = Theme([
        .normal: Appearance(),
        .dim: Appearance(foreground: .gray, attributes: [.dim]),
        .accent: Appearance(foreground: .cyan, attributes: [.bold]),
        .selected: Appearance(foreground: .cyan, attributes: [.reverse, .bold]),
        .selectedUnfocused: Appearance(foreground: .gray, attributes: [.reverse]),
        .ok: Appearance(foreground: .green),
        .error: Appearance(foreground: .red, attributes: [.bold]),
        .pending: Appearance(foreground: .yellow),
        .warning: Appearance(foreground: .yellow, attributes: [.bold]),
        .border: Appearance(foreground: .gray),
        .borderFocused: Appearance(foreground: .cyan, attributes: [.bold]),
        .title: Appearance(attributes: [.bold]),
        .header: Appearance(foreground: .blue, attributes: [.bold, .underline]),
        .muted: Appearance(foreground: .gray),
        .highlight: Appearance(foreground: .black, background: .yellow, attributes: [.bold, .underline]),
    ])

    /// The standard theme without colour, for `NO_COLOR` and monochrome terminals.
    public static let noColor = standard.withoutColor()

    /// ``noColor`` when the environment sets `NO_COLOR` to a non-empty value (see
    /// no-color.org), ``standard`` otherwise.
    public static func forEnvironment(_ environment: [String: String]) -> Theme {
        if let value = environment["NO_COLOR"], !value.isEmpty { return .noColor }
        return .standard
    }
}
