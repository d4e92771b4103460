extension RpcValue: CustomStringConvertible {
    /// The one-line rendering transcripts, lists and event lines use: close to what a
    /// JavaScript console prints (`[1, 2, "three"]`, `{ a: 1 }`, `Map(1) { "a" => 1 }`, `-0`,
    /// `10n`, `TypeError: msg`), with references by id (`stub4`).
    public var description: String { summary(limit: Int.max) }

    /// The rendering cut to about `limit` characters (with `…`).
    public func summary(limit: Int = 120) -> String {
        var out = ""
        render(into: &out, limit: limit, depth: 0)
        if out.count > limit { return String(out.prefix(max(limit - 1, 0))) + "…" }
        return out
    }

    private func render(into out: inout String, limit: Int, depth: Int) {
        if out.count > limit { return }
        switch self {
        case .undefined: out += "undefined"
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += RpcValue.formatNumber(n)
        case .bigint(let b): out += b.decimal + "n"
        case .string(let s): out += RpcValue.quote(s)
        case .bytes(let b): out += "\(b.kind.rawValue)(\(b.data.count)) \(b.hex)"
        case .date(let ms): out += ms.isNaN ? "Invalid Date" : "Date(\(RpcValue.formatNumber(ms)))"
        case .regexp(let source, let flags): out += "/\(source)/\(flags)"
        case .map(let entries):
            out += "Map(\(entries.count)) {"
            for (i, e) in entries.enumerated() {
                out += i == 0 ? " " : ", "
                e.key.render(into: &out, limit: limit, depth: depth + 1)
                out += " => "
                e.value.render(into: &out, limit: limit, depth: depth + 1)
            }
            out += entries.isEmpty ? "}" : " }"
        case .set(let elements):
            out += "Set(\(elements.count)) {"
            for (i, e) in elements.enumerated() {
                out += i == 0 ? " " : ", "
                e.render(into: &out, limit: limit, depth: depth + 1)
            }
            out += elements.isEmpty ? "}" : " }"
        case .array(let elements):
            out += "["
            for (i, e) in elements.enumerated() {
                if i > 0 { out += ", " }
                e.render(into: &out, limit: limit, depth: depth + 1)
                if out.count > limit { break }
            }
            out += "]"
        case .object(let object):
            if object.count == 0 { out += "{}"; return }
            out += "{ "
            for (i, entry) in object.entries.enumerated() {
                if i > 0 { out += ", " }
                out += RpcValue.isIdentifier(entry.key) ? entry.key : RpcValue.quote(entry.key)
                out += ": "
                entry.value.render(into: &out, limit: limit, depth: depth + 1)
                if out.count > limit { break }
            }
            out += " }"
        case .error(let e): out += "\(e.name): \(e.message)"
        case .stub(let s): out += s.summary
        case .promise(let p): out += "RpcPromise(\(p.id))"
        case .function: out += "[Function]"
        case .target(let t): out += "RpcTarget(\(t.typeName))"
        case .opaque(let type): out += "\(type) {}"
        }
    }

    /// JavaScript's `Number.prototype.toString()` for the common cases.
    public static func formatNumber(_ n: Double) -> String {
        if n.isNaN { return "NaN" }
        if n.isInfinite { return n < 0 ? "-Infinity" : "Infinity" }
        if n == 0 { return n.sign == .minus ? "-0" : "0" }
        if n == n.rounded(), abs(n) < 1e21 { return String(Int64(n)) }
        var text = "\(n)"
        if let e = text.firstIndex(of: "e") {
            var exponent = String(text[text.index(after: e)...])
            let mantissa = String(text[..<e])
            var sign = "+"
            if exponent.hasPrefix("-") { sign = "-"; exponent.removeFirst() } else if exponent.hasPrefix("+") { exponent.removeFirst() }
            while exponent.hasPrefix("0") && exponent.count > 1 { exponent.removeFirst() }
            text = mantissa + "e" + sign + exponent
        }
        return text
    }

    /// A double-quoted string literal with JSON escapes.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || first == "$" || first.properties.isAlphabetic
        else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || $0 == "$" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
