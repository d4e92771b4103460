extension Line {
    /// The line word-wrapped into lines of at most `width` columns.
    ///
    /// Breaks go after spaces; the spaces at a break are dropped. A word longer than `width` is
    /// broken between characters, and a wide character never straddles two lines. Newlines in
    /// the text start a new line. Styles are kept. An empty line wraps to one empty line; a
    /// `width` below 1 gives no lines.
    public func wrapped(toWidth width: Int) -> [Line] {
        guard width > 0 else { return [] }
        var result: [Line] = []
        var paragraph: [(Character, Style)] = []
        for item in styledCharacters {
            if item.0 == "\n" || item.0 == "\r\n" {
                result.append(contentsOf: Self.wrap(paragraph, width: width))
                paragraph.removeAll()
            } else {
                paragraph.append(item)
            }
        }
        result.append(contentsOf: Self.wrap(paragraph, width: width))
        return result
    }

    private static func wrap(_ characters: [(Character, Style)], width: Int) -> [Line] {
        if characters.isEmpty { return [Line()] }
        var lines: [Line] = []
        var start = 0
        while start < characters.count {
            var used = 0
            var index = start
            var lastBreak: Int?  // index just after a space inside the current line
            while index < characters.count {
                let w = DisplayWidth.of(characters[index].0)
                if used + w > width { break }
                used += w
                if characters[index].0 == " " { lastBreak = index + 1 }
                index += 1
            }
            if index >= characters.count {
                lines.append(Line(styledCharacters: Array(characters[start..<index])))
                break
            }
            var end = index
            if characters[index].0 != " ", let lastBreak, lastBreak > start {
                end = lastBreak
            }
            if end == start { end = start + 1 }  // a character wider than the line: show it anyway, clipped
            var trimmed = Array(characters[start..<end])
            while let last = trimmed.last, last.0 == " " { trimmed.removeLast() }
            lines.append(Line(styledCharacters: trimmed))
            start = end
            while start < characters.count && characters[start].0 == " " { start += 1 }
        }
        return lines
    }
}
