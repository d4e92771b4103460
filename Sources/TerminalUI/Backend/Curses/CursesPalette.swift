import CNcurses

/// Turns ``Style``s into curses attributes and colour pairs, through a ``Theme``.
///
/// Colour pairs are allocated on first use, one per distinct (foreground, background), and
/// cached with the resolved attributes, so drawing a cell is a dictionary read. When the
/// terminal has no colours or the theme uses none, every style gets pair 0 and keeps its
/// attributes. Palette indices the terminal cannot show are mapped down (bright 8–15 to basic
/// 0–7, bright black to the default colour) rather than failing.
struct CursesPalette {
    let theme: Theme
    /// Whether `start_color` succeeded and the theme uses colour.
    let colorsEnabled: Bool
    /// Whether `use_default_colors` succeeded, so -1 means "the terminal's own colour".
    let defaultColorsAvailable: Bool
    /// `COLORS` at start-up.
    let colorCount: Int
    /// `COLOR_PAIRS` at start-up.
    let pairCount: Int

    private var cache: [Style: (attributes: attr_t, pair: Int16)] = [:]
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int16 = 1

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    init(theme: Theme, colorsEnabled: Bool, defaultColorsAvailable: Bool, colorCount: Int, pairCount: Int) {
        self.theme = theme
        self.colorsEnabled = colorsEnabled
        self.defaultColorsAvailable = defaultColorsAvailable
        self.colorCount = colorCount
        self.pairCount = pairCount
    }

    /// The curses attributes and colour pair for `style`. Allocates a pair (`init_pair`) the
    /// first time a colour combination is seen, so call it only on the curses thread.
    mutating func resolve(_ style: Style) -> (attributes: attr_t, pair: Int16) {
        if let cached = cache[style] { return cached }
        let appearance = theme.resolve(style)
        var attributes = cn_a_normal()
        if appearance.attributes.contains(.bold) { attributes |= cn_a_bold() }
        if appearance.attributes.contains(.reverse) { attributes |= cn_a_reverse() }
        if appearance.attributes.contains(.underline) { attributes |= cn_a_underline() }
        if appearance.attributes.contains(.dim) { attributes |= cn_a_dim() }
        var pair: Int16 = 0
        if colorsEnabled && (appearance.foreground != .default || appearance.background != .default) {
            pair = pairNumber(
                foreground: colorNumber(appearance.foreground, isForeground: true),
                background: colorNumber(appearance.background, isForeground: false))
        }
        cache[style] = (attributes, pair)
        return (attributes, pair)
    }

    private func colorNumber(_ color: TerminalColor, isForeground: Bool) -> Int16 {
        let fallback: Int16 = defaultColorsAvailable ? -1 : (isForeground ? 7 : 0)
        guard case .indexed(let index) = color else { return fallback }
        if Int(index) < colorCount { return Int16(index) }
        if index > 8 && index < 16 && colorCount >= 8 { return Int16(index - 8) }
        return fallback
    }

    private mutating func pairNumber(foreground: Int16, background: Int16) -> Int16 {
        let key = PairKey(foreground: foreground, background: background)
        if let existing = pairs[key] { return existing }
        guard Int(nextPair) < pairCount, nextPair < Int16.max else { return 0 }
        let number = nextPair
        guard init_pair(number, foreground, background) != ERR else { return 0 }
        nextPair += 1
        pairs[key] = number
        return number
    }
}
