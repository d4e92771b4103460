/// How many terminal columns a character or string occupies.
///
/// The rules follow what terminals and `wcwidth` do for the text this toolkit shows:
/// * East Asian wide and fullwidth characters (日, ｱ, 한) and emoji shown as emoji (⏳, ✅, 🙂,
///   flags, anything followed by U+FE0F) take **2** columns;
/// * combining marks, format characters (zero-width space, joiners) and variation selectors on
///   their own take **0** (Swift already folds combining marks into the preceding `Character`);
/// * control characters count as **1**, because grids show each of them as one space;
/// * everything else, including ✓ ✗ ● ▸ and box drawing, takes **1**.
///
/// The answer never depends on the process locale, so layout and tests are stable everywhere.
public enum DisplayWidth {
    /// The columns `character` occupies: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        if let known = tableEntry(character) { return Int(known & widthMask) }
        return computedWidth(character)
    }

    /// The columns `string` occupies: the sum over its characters.
    public static func of(_ string: String) -> Int {
        if let ascii = asciiWidth(string) { return ascii }
        var total = 0
        for character in string {
            total += of(character)
        }
        return total
    }

    /// Whether `character` is shown as one space by a grid (control characters, tabs, newlines).
    static func isControl(_ character: Character) -> Bool {
        if let known = tableEntry(character) { return known & controlFlag != 0 }
        return character.unicodeScalars.first?.properties.generalCategory == .control
    }

    // MARK: - The fast path

    // Every frame asks for the width of every character it draws (tens of thousands per frame),
    // and Unicode property lookups cost hundreds of instructions each. Characters made of one
    // scalar below U+3000 (ASCII, Latin, Greek, punctuation, arrows, box drawing, geometric
    // shapes, dingbats: what the inspector draws) are looked up in a table computed once from
    // the same rules (`computedWidth`), so the answers are identical; anything else (CJK, emoji,
    // sequences with modifiers) takes the general path.

    private static let widthMask: UInt8 = 0b011
    private static let controlFlag: UInt8 = 0b100
    private static let tableLimit: UInt32 = 0x3000

    /// Width (bits 0–1) and control flag (bit 2) of each single-scalar character below U+3000.
    private static let table: [UInt8] = (0..<tableLimit).map { value -> UInt8 in
        guard let scalar = Unicode.Scalar(value) else { return 1 }
        let character = Character(scalar)
        let control = scalar.properties.generalCategory == .control
        return UInt8(computedWidth(character)) | (control ? controlFlag : 0)
    }

    /// The table's entry for `character`, if it is a single scalar the table covers.
    @inline(__always)
    private static func tableEntry(_ character: Character) -> UInt8? {
        guard let first = character.unicodeScalars.first, first.value < tableLimit,
            character.utf8.count == UTF8.width(first)
        else { return nil }
        return table[Int(first.value)]
    }

    /// The width of an all-ASCII string (one column per character, a CR LF pair being one
    /// character), or nil if the string has other characters.
    private static func asciiWidth(_ string: String) -> Int? {
        var string = string
        return string.withUTF8 { bytes -> Int? in
            var width = bytes.count
            var previous: UInt8 = 0
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == 0x0A && previous == 0x0D { width -= 1 }
                previous = byte
            }
            return width
        }
    }

    /// The rules, from Unicode properties (see the type's documentation).
    private static func computedWidth(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let properties = first.properties
        switch properties.generalCategory {
        case .control: return 1
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(first.value) || properties.isEmojiPresentation { return 2 }
        if properties.isEmoji && character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) {
            return 2
        }
        if isZeroWidth(first.value) { return 0 }
        return 1
    }

    /// Variation selectors and Hangul medial/final jamo that only ever extend a preceding glyph.
    private static func isZeroWidth(_ value: UInt32) -> Bool {
        (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value)
            || (0x1160...0x11FF).contains(value)
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, from Unicode's EastAsianWidth.txt, with
    /// neighbouring blocks merged where the gaps are unassigned. Emoji are handled separately
    /// through the Emoji_Presentation property.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x2329...0x232A,  // angle brackets
        0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols
        0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
        0x3400...0x4DBF,  // CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo extended A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth forms
        0xFFE0...0xFFE6,  // fullwidth signs
        0x16FE0...0x16FFF,  // ideographic symbols
        0x17000...0x18D8F,  // Tangut, Khitan
        0x1AFF0...0x1B2FF,  // Kana supplement and extensions, Nushu
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x2FFFD,  // CJK extensions B–F
        0x30000...0x3FFFD,  // CJK extensions G–H
    ]

    private static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
