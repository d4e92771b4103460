import RPCEngine
import Testing

@testable import Scenarios

/// The value a parsed literal stands for, computed from the parser's tree alone (the
/// interpreter is not needed to check that a literal means its value).
enum LiteralEvaluator {
    /// The value of a literal expression, or nil for anything that is not a literal.
    static func value(of e: Expression) -> RpcValue? {
        switch e.kind {
        case .number(let n): return .number(n.value)
        case .unary(.negate, let operand):
            guard case .number(let n)? = value(of: operand) else { return nil }
            return .number(-n)
        case .bigint(let digits): return RpcBigInt(digits).map(RpcValue.bigint)
        case .string(let s): return .string(s)
        case .boolean(let b): return .bool(b)
        case .null: return .null
        case .undefined: return .undefined
        case .bytes(let bytes): return .bytes(RpcBytes(bytes))
        case .array(let elements): return values(of: elements).map(RpcValue.array)
        case .object(let properties):
            var object = RpcObject()
            for property in properties {
                guard let v = value(of: property.value) else { return nil }
                object[property.key] = v
            }
            return .object(object)
        case .new(.date, let arguments):
            guard arguments.count == 1, case .number(let ms)? = value(of: arguments[0]) else { return nil }
            return .date(ms)
        case .new(.regExp, let arguments):
            guard let parts = values(of: arguments), (1...2).contains(parts.count),
                let source = parts[0].stringValue
            else { return nil }
            let flags = parts.count == 2 ? parts[1].stringValue : ""
            return flags.map { .regexp(source: source, flags: $0) }
        case .new(.map, let arguments):
            guard arguments.count <= 1 else { return nil }
            guard let list = arguments.first else { return .map([]) }
            guard case .array(let pairs)? = value(of: list) else { return nil }
            var entries: [RpcMapEntry] = []
            for pair in pairs {
                guard case .array(let kv) = pair, kv.count == 2 else { return nil }
                entries.append(RpcMapEntry(kv[0], kv[1]))
            }
            return .map(entries)
        case .new(.set, let arguments):
            guard arguments.count <= 1 else { return nil }
            guard let list = arguments.first else { return .set([]) }
            guard case .array(let elements)? = value(of: list) else { return nil }
            return .set(elements)
        default:
            return nil
        }
    }

    private static func values(of expressions: [Expression]) -> [RpcValue]? {
        var out: [RpcValue] = []
        for e in expressions {
            guard let v = value(of: e) else { return nil }
            out.append(v)
        }
        return out
    }

    /// Exact equality: the lossless tagged forms agree (so `-0` differs from `0`, a `Uint8Array`
    /// from an `ArrayBuffer`, and object key order counts).
    static func identical(_ a: RpcValue, _ b: RpcValue) -> Bool {
        ExportJSON.value(a) == ExportJSON.value(b)
    }
}

/// A header every recording test can use: a primary worker and the toolkit.
let recordingHeader = """
    title = "Recorded"

    [[workers]]
    name = "client"
    services = [{ binding = "TOOLKIT", service = "toolkit" }, { binding = "COUNTER_SERVICE", service = "counter-service" }]

    [[workers]]
    name = "toolkit"
    main = "toolkit"

    [[workers]]
    name = "counter-service"
    main = "counterService"
    """
