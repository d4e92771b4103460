import RPCEngine

extension RuntimeID {
    /// Parses the text form of an id (`stub4`, `call12`, `ctx3`): the kind's prefix followed by a
    /// positive decimal number. Events name ids as text in a few fields (`target`, `by`); this is
    /// how the fold links them back.
    ///
    /// The fold parses a few of these per event, so this reads the UTF-8 bytes directly (no
    /// substrings, no `Int(String)`): digits only, no leading zero, at most 18 of them.
    public init?(parsing text: String) {
        var text = text
        let prefix = Kind.prefix.utf8
        let raw = text.withUTF8 { bytes -> Int? in
            guard bytes.count > prefix.count, bytes.count - prefix.count <= 18 else { return nil }
            var i = 0
            for p in prefix {
                guard bytes[i] == p else { return nil }
                i += 1
            }
            guard bytes[i] != UInt8(ascii: "0") else { return nil }
            var value = 0
            while i < bytes.count {
                let digit = bytes[i] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
                i += 1
            }
            return value
        }
        guard let raw else { return nil }
        self.init(raw)
    }
}
