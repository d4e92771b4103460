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
        case .bytes(let b): out += "\(b.kind.rawValue)(\(b.data.count))" + (b.data.isEmpty ? "" : " \(b.hex)")
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
        // Integers below 2^53 (every RPC `Int`): the shortest round-trip digits are the exact
        // integer, so JavaScript prints what `Int` prints. This path is on every call (the
        // `message` events' wire text) and costs ~50× less than the general one.
        if n.magnitude < 9_007_199_254_740_992, n == n.rounded(.towardZero) { return String(Int64(n)) }
        // Swift prints the shortest digits that round-trip, as JavaScript does; only the
        // placement of the decimal point and the exponent differ (ECMA-262 Number::toString).
        let parts = "\(n.magnitude)".split(separator: "e")
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(mantissa[0])
        let fraction = mantissa.count > 1 ? String(mantissa[1]) : ""
        var digits = Array(whole + fraction)
        var point = whole.count + exponent  // value = 0.digits × 10^point
        while digits.first == "0" { digits.removeFirst(); point -= 1 }
        while digits.last == "0" { digits.removeLast() }
        let k = digits.count
        let body: String
        if k <= point && point <= 21 {
            body = String(digits) + String(repeating: "0", count: point - k)
        } else if 0 < point && point <= 21 {
            body = String(digits[..<point]) + "." + String(digits[point...])
        } else if -6 < point && point <= 0 {
            body = "0." + String(repeating: "0", count: -point) + String(digits)
        } else {
            let e = point - 1
            body = String(digits[0]) + (k > 1 ? "." + String(digits[1...]) : "") + "e" + (e < 0 ? "-" : "+") + String(abs(e))
        }
        return (n < 0 ? "-" : "") + body
    }

    /// A double-quoted string literal with JSON escapes.
    public static func quote(_ s: String) -> String {
        // Most strings (member names, worker names, plain text) need no escape: one scan of the
        // UTF-8 bytes and one concatenation. Non-ASCII scalars are copied unchanged either way.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + s + "\""
        }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
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
