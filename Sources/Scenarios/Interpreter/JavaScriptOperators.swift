import RPCEngine

/// JavaScript's conversions and operators over ``RpcValue``, as far as the script language
/// needs them: `+` (concatenation when either side is a string), `- * / %`, unary `-`, the
/// relational operators, and `ToString` / `ToNumber` / `ToPrimitive`.
///
/// Bigints are exact up to 127 bits (`Int128`); past that, arithmetic throws a `RangeError`
/// rather than losing digits.
enum JavaScript {
    /// A failed operation: the JavaScript error name and message.
    struct Failure: Error {
        let name: String
        let message: String
    }

    // MARK: conversions

    /// `ToPrimitive` (default hint): objects become strings (a `Date` included, as for `+`).
    static func toPrimitive(_ value: RpcValue) -> RpcValue {
        switch value {
        case .undefined, .null, .bool, .number, .bigint, .string: return value
        default: return .string(toString(value))
        }
    }

    /// `ToPrimitive` with hint number: a `Date` is its time value; other objects become strings.
    static func toPrimitiveNumber(_ value: RpcValue) -> RpcValue {
        if case .date(let ms) = value { return .number(ms) }
        return toPrimitive(value)
    }

    /// `ToString`, as `String(value)` and template literals print values.
    static func toString(_ value: RpcValue) -> String {
        switch value {
        case .undefined: return "undefined"
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n == 0 ? "0" : RpcValue.formatNumber(n)
        case .bigint(let b): return b.decimal
        case .string(let s): return s
        case .array(let elements):
            return elements.map { element in
                switch element {
                case .undefined, .null: return ""
                default: return toString(element)
                }
            }.joined(separator: ",")
        case .object: return "[object Object]"
        case .map: return "[object Map]"
        case .set: return "[object Set]"
        case .date(let ms): return dateString(ms)
        case .regexp(let source, let flags): return "/\(source)/\(flags)"
        case .error(let e): return e.message.isEmpty ? e.name : "\(e.name): \(e.message)"
        case .bytes(let b):
            switch b.kind {
            case .arrayBuffer: return "[object ArrayBuffer]"
            case .dataView: return "[object DataView]"
            default: return b.data.map { String($0) }.joined(separator: ",")
            }
        case .stub: return "[object RpcStub]"
        case .promise: return "[object RpcPromise]"
        case .function(let f): return "function \(f.name)() { [native code] }"
        case .target(let t): return "[object \(t.typeName)]"
        case .opaque(let type): return "[object \(type)]"
        }
    }

    /// `ToNumeric`: a number, or a bigint kept as is.
    static func toNumeric(_ value: RpcValue) -> RpcValue {
        let primitive = toPrimitiveNumber(value)
        if case .bigint = primitive { return primitive }
        return .number(toNumber(primitive))
    }

    /// `ToNumber` of a primitive (`NaN` for a bigint, which JavaScript would refuse; callers
    /// check for bigints first).
    static func toNumber(_ value: RpcValue) -> Double {
        switch toPrimitiveNumber(value) {
        case .undefined: return .nan
        case .null: return 0
        case .bool(let b): return b ? 1 : 0
        case .number(let n): return n
        case .string(let s): return stringToNumber(s)
        default: return .nan
        }
    }

    /// `StringToNumber`: decimal with optional exponent, `0x`/`0o`/`0b` integers, `Infinity`;
    /// surrounding white space ignored, empty is 0, anything else `NaN`.
    static func stringToNumber(_ text: String) -> Double {
        let s = text.trimming(" \t\n\r\u{0B}\u{0C}\u{A0}\u{FEFF}")
        if s.isEmpty { return 0 }
        switch s {
        case "Infinity", "+Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: break
        }
        let lower = s.lowercased()
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) {
            let digits = lower.dropFirst(2)
            guard !digits.isEmpty else { return .nan }
            var value = 0.0
            for c in digits {
                guard let d = c.hexDigitValue, d < radix else { return .nan }
                value = value * Double(radix) + Double(d)
            }
            return value
        }
        let allowed = Set("0123456789.eE+-")
        guard s.allSatisfy({ allowed.contains($0) }), s.contains(where: \.isNumber) else { return .nan }
        return Double(s) ?? .nan
    }

    // MARK: operators

    /// `a + b`: concatenation when either primitive is a string, else numeric addition.
    static func add(_ a: RpcValue, _ b: RpcValue) throws(Failure) -> RpcValue {
        let pa = toPrimitive(a)
        let pb = toPrimitive(b)
        if case .string(let sa) = pa { return .string(sa + toString(pb)) }
        if case .string(let sb) = pb { return .string(toString(pa) + sb) }
        return try arithmetic(.add, pa, pb)
    }

    /// The numeric operators: `- * / %` (and `+` once strings are ruled out).
    static func arithmetic(_ op: BinaryOperator, _ a: RpcValue, _ b: RpcValue) throws(Failure) -> RpcValue {
        let na = toNumeric(a)
        let nb = toNumeric(b)
        switch (na, nb) {
        case (.bigint(let x), .bigint(let y)):
            return .bigint(try bigintArithmetic(op, x, y))
        case (.bigint, _), (_, .bigint):
            throw Failure(name: "TypeError", message: "Cannot mix BigInt and other types, use explicit conversions")
        default:
            let x = toNumber(na)
            let y = toNumber(nb)
            switch op {
            case .add: return .number(x + y)
            case .subtract: return .number(x - y)
            case .multiply: return .number(x * y)
            case .divide: return .number(x / y)
            default: return .number(x.isFinite && y.isInfinite ? x : x.truncatingRemainder(dividingBy: y))
            }
        }
    }

    /// Unary `-`.
    static func negate(_ value: RpcValue) throws(Failure) -> RpcValue {
        switch toNumeric(value) {
        case .bigint(let b):
            return .bigint(try bigintArithmetic(.subtract, RpcBigInt(0), b))
        case let numeric:
            return .number(-toNumber(numeric))
        }
    }

    /// The abstract relational comparison `a < b`: `nil` when either side is `NaN` (so every
    /// relational operator is false).
    static func lessThan(_ a: RpcValue, _ b: RpcValue) -> Bool? {
        let pa = toPrimitiveNumber(a)
        let pb = toPrimitiveNumber(b)
        if case .string(let x) = pa, case .string(let y) = pb {
            return x.utf16.lexicographicallyPrecedes(y.utf16)
        }
        let na: RpcValue
        let nb: RpcValue
        if case .bigint = pa, case .string(let y) = pb {
            guard let parsed = RpcBigInt(y.trimming(" ")) else { return nil }
            (na, nb) = (pa, .bigint(parsed))
        } else if case .string(let x) = pa, case .bigint = pb {
            guard let parsed = RpcBigInt(x.trimming(" ")) else { return nil }
            (na, nb) = (.bigint(parsed), pb)
        } else {
            (na, nb) = (toNumeric(pa), toNumeric(pb))
        }
        switch (na, nb) {
        case (.bigint(let x), .bigint(let y)):
            return compare(x, y) < 0
        case (.bigint(let x), _):
            let y = toNumber(nb)
            if y.isNaN { return nil }
            return bigintDouble(x) < y
        case (_, .bigint(let y)):
            let x = toNumber(na)
            if x.isNaN { return nil }
            return x < bigintDouble(y)
        default:
            let x = toNumber(na)
            let y = toNumber(nb)
            if x.isNaN || y.isNaN { return nil }
            return x < y
        }
    }

    /// `<`, `<=`, `>`, `>=` as JavaScript evaluates them.
    static func relational(_ op: ComparisonOperator, _ a: RpcValue, _ b: RpcValue) -> Bool {
        switch op {
        case .less: return lessThan(a, b) ?? false
        case .greater: return lessThan(b, a) ?? false
        case .lessOrEqual: return lessThan(b, a).map { !$0 } ?? false
        case .greaterOrEqual: return lessThan(a, b).map { !$0 } ?? false
        case .equal: return a == b
        case .notEqual: return a != b
        }
    }

    // MARK: bigints

    private static func int128(_ b: RpcBigInt) throws(Failure) -> Int128 {
        guard let value = Int128(b.decimal) else {
            throw Failure(name: "RangeError", message: "BigInt arithmetic is limited to 127 bits in scenarios")
        }
        return value
    }

    private static func bigintArithmetic(_ op: BinaryOperator, _ a: RpcBigInt, _ b: RpcBigInt) throws(Failure) -> RpcBigInt {
        let x = try int128(a)
        let y = try int128(b)
        let overflow = Failure(name: "RangeError", message: "BigInt arithmetic is limited to 127 bits in scenarios")
        let result: Int128
        switch op {
        case .add:
            let (value, o) = x.addingReportingOverflow(y)
            if o { throw overflow }
            result = value
        case .subtract:
            let (value, o) = x.subtractingReportingOverflow(y)
            if o { throw overflow }
            result = value
        case .multiply:
            let (value, o) = x.multipliedReportingOverflow(by: y)
            if o { throw overflow }
            result = value
        default:
            if y == 0 { throw Failure(name: "RangeError", message: "Division by zero") }
            let (value, o) = op == .divide ? x.dividedReportingOverflow(by: y) : x.remainderReportingOverflow(dividingBy: y)
            if o { throw overflow }
            result = value
        }
        return RpcBigInt(String(result))!
    }

    /// -1, 0 or 1 as `a` is less than, equal to or greater than `b` (exact, any size).
    static func compare(_ a: RpcBigInt, _ b: RpcBigInt) -> Int {
        let negA = a.decimal.hasPrefix("-")
        let negB = b.decimal.hasPrefix("-")
        if negA != negB { return negA ? -1 : 1 }
        let da = negA ? String(a.decimal.dropFirst()) : a.decimal
        let db = negB ? String(b.decimal.dropFirst()) : b.decimal
        var magnitude = 0
        if da.count != db.count {
            magnitude = da.count < db.count ? -1 : 1
        } else if da != db {
            magnitude = da < db ? -1 : 1
        }
        return negA ? -magnitude : magnitude
    }

    /// The bigint as the nearest double (for comparisons with numbers).
    static func bigintDouble(_ b: RpcBigInt) -> Double { Double(b.decimal) ?? .nan }

    // MARK: dates

    /// `Date.prototype.toString()` as a JavaScript engine running in UTC prints it:
    /// `Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)`.
    static func dateString(_ ms: Double) -> String {
        guard ms.isFinite else { return "Invalid Date" }
        let parts = DateParts(ms: ms)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[((parts.days % 7) + 7) % 7]
        return "\(weekday) \(months[parts.month - 1]) \(pad(parts.day, 2)) \(yearString(parts.year, iso: false)) "
            + "\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2)) GMT+0000 (Coordinated Universal Time)"
    }

    /// `Date.prototype.toISOString()`: `1970-01-01T00:00:00.000Z`.
    static func isoString(_ ms: Double) -> String? {
        guard ms.isFinite else { return nil }
        let p = DateParts(ms: ms)
        return "\(yearString(p.year, iso: true))-\(pad(p.month, 2))-\(pad(p.day, 2))T"
            + "\(pad(p.hour, 2)):\(pad(p.minute, 2)):\(pad(p.second, 2)).\(pad(p.millisecond, 3))Z"
    }

    /// Parses the date-time forms `Date.parse` must accept (ECMA-262 §21.4.1.32): `YYYY`,
    /// `YYYY-MM`, `YYYY-MM-DD`, optionally `THH:mm`, `:ss`, `.sss`, then `Z` or `±HH:mm`.
    /// Without an offset the time is taken as UTC (scenarios run in UTC).
    static func parseDate(_ text: String) -> Double {
        let chars = Array(text)
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= chars.count else { return nil }
            var value = 0
            for c in chars[i..<(i + count)] {
                guard let d = c.wholeNumberValue, c.isASCII else { return nil }
                value = value * 10 + d
            }
            i += count
            return value
        }
        func take(_ c: Character) -> Bool {
            if i < chars.count, chars[i] == c {
                i += 1
                return true
            }
            return false
        }
        var sign = 1
        var yearDigits = 4
        if i < chars.count, chars[i] == "+" || chars[i] == "-" {
            sign = chars[i] == "-" ? -1 : 1
            yearDigits = 6
            i += 1
        }
        guard let year = number(yearDigits) else { return .nan }
        var month = 1
        var day = 1
        if take("-") {
            guard let m = number(2) else { return .nan }
            month = m
            if take("-") {
                guard let d = number(2) else { return .nan }
                day = d
            }
        }
        var hour = 0
        var minute = 0
        var second = 0
        var millisecond = 0
        var offset = 0
        if take("T") {
            guard let h = number(2), take(":"), let m = number(2) else { return .nan }
            (hour, minute) = (h, m)
            if take(":") {
                guard let s = number(2) else { return .nan }
                second = s
                if take(".") {
                    let start = i
                    while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                    guard i > start else { return .nan }
                    let digits = String(chars[start..<Swift.min(i, start + 3)])
                    millisecond = (Int(digits) ?? 0) * [100, 10, 1][digits.count - 1]
                }
            }
            if take("Z") {
            } else if i < chars.count, chars[i] == "+" || chars[i] == "-" {
                let offsetSign = chars[i] == "-" ? -1 : 1
                i += 1
                guard let oh = number(2), take(":"), let om = number(2) else { return .nan }
                offset = offsetSign * (oh * 60 + om)
            }
        }
        guard i == chars.count, (1...12).contains(month), day >= 1, day <= daysIn(month, year: sign * year),
            hour <= 24, minute < 60, second < 60, hour < 24 || (minute == 0 && second == 0 && millisecond == 0)
        else { return .nan }
        let days = daysFromCivil(year: sign * year, month: month, day: day)
        let ms = Double(days) * 86_400_000 + Double(((hour * 60 + minute - offset) * 60 + second) * 1000 + millisecond)
        return timeClip(ms)
    }

    /// `TimeClip`: `NaN` beyond ±8.64e15 ms, else the value truncated towards zero.
    static func timeClip(_ ms: Double) -> Double {
        guard ms.isFinite, Swift.abs(ms) <= 8.64e15 else { return .nan }
        return ms.rounded(.towardZero) + 0
    }

    private struct DateParts {
        let days: Int
        let year: Int
        let month: Int
        let day: Int
        let hour: Int
        let minute: Int
        let second: Int
        let millisecond: Int

        init(ms: Double) {
            let total = Int(ms)
            var days = total / 86_400_000
            var rest = total % 86_400_000
            if rest < 0 {
                rest += 86_400_000
                days -= 1
            }
            self.days = days
            (year, month, day) = JavaScript.civilFromDays(days)
            hour = rest / 3_600_000
            minute = rest / 60_000 % 60
            second = rest / 1000 % 60
            millisecond = rest % 1000
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }

    private static func yearString(_ year: Int, iso: Bool) -> String {
        if iso && (year < 0 || year > 9999) { return (year < 0 ? "-" : "+") + pad(Swift.abs(year), 6) }
        return year < 0 ? "-" + pad(-year, 6) : pad(year, 4)
    }

    private static func daysIn(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day number (inverse of ``daysFromCivil(year:month:day:)``).
    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension String {
    /// The string without the given characters at either end.
    fileprivate func trimming(_ set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
