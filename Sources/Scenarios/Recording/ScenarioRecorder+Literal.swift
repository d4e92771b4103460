import RPCEngine

extension ScenarioRecorder {
    /// The deepest value (arrays, objects, maps, sets inside each other) written as a literal;
    /// deeper ones have none, which keeps the literal within the parser's nesting limit
    /// (``ScenarioParser/maximumNesting``: a map level costs three brackets).
    public static let maximumLiteralDepth = 60

    /// `value` as a literal of the script language, or nil when it has none.
    ///
    /// Parsing the literal gives back the same value: numbers (`NaN`, `-0`, `Infinity`,
    /// `-Infinity`, shortest round-trip digits), bigints (`10n`), strings with escapes, booleans,
    /// `null`, `undefined`, arrays, objects (keys bare when they are names, else quoted),
    /// `new Date(ms)`, `new Map([[k, v], …])`, `new Set([…])`, `new RegExp("src", "flags")`,
    /// `bytes("hex")`. No literal exists for stubs, promises, local functions and targets, class
    /// instances, errors (an error's `remote` flag and own properties cannot be written), bytes
    /// of another kind than `Uint8Array` (`bytes(…)` makes a `Uint8Array`), or anything holding
    /// one of those.
    public static func literal(for value: RpcValue) -> String? {
        literalExpression(for: value)?.description
    }

    /// The literal of ``literal(for:)`` as a tree, shaped exactly as the parser builds it (so
    /// `parse(literal(for: v))` equals `literalExpression(for: v)`, locations aside).
    public static func literalExpression(for value: RpcValue) -> Expression? {
        literal(value, depth: 0)
    }

    private static func literal(_ value: RpcValue, depth: Int) -> Expression? {
        guard depth <= maximumLiteralDepth else { return nil }
        let kind: Expression.Kind
        switch value {
        case .undefined: kind = .undefined
        case .null: kind = .null
        case .bool(let b): kind = .boolean(b)
        case .number(let n): return number(n)
        case .bigint(let b): kind = .bigint(b.decimal)
        case .string(let s): kind = .string(s)
        case .bytes(let bytes):
            guard bytes.kind == .uint8 else { return nil }
            kind = .bytes(bytes.data)
        case .date(let ms): kind = .new(.date, arguments: [number(ms)])
        case .regexp(let source, let flags):
            let arguments = [source] + (flags.isEmpty ? [] : [flags])
            kind = .new(.regExp, arguments: arguments.map { Expression(.string($0)) })
        case .map(let entries):
            var pairs: [Expression] = []
            for entry in entries {
                guard let key = literal(entry.key, depth: depth + 1),
                    let value = literal(entry.value, depth: depth + 1)
                else { return nil }
                pairs.append(Expression(.array([key, value])))
            }
            kind = .new(.map, arguments: pairs.isEmpty ? [] : [Expression(.array(pairs))])
        case .set(let elements):
            guard let elements = literals(elements, depth: depth + 1) else { return nil }
            kind = .new(.set, arguments: elements.isEmpty ? [] : [Expression(.array(elements))])
        case .array(let elements):
            guard let elements = literals(elements, depth: depth + 1) else { return nil }
            kind = .array(elements)
        case .object(let object):
            var properties: [ObjectProperty] = []
            for entry in object.entries {
                guard let value = literal(entry.value, depth: depth + 1) else { return nil }
                properties.append(ObjectProperty(key: entry.key, value: value))
            }
            kind = .object(properties)
        case .error, .stub, .promise, .function, .target, .opaque:
            return nil
        }
        return Expression(kind)
    }

    private static func literals(_ values: [RpcValue], depth: Int) -> [Expression]? {
        var out: [Expression] = []
        out.reserveCapacity(values.count)
        for value in values {
            guard let e = literal(value, depth: depth) else { return nil }
            out.append(e)
        }
        return out
    }

    /// A number as the parser reads it: a minus before digits is folded into the literal, but
    /// `-Infinity` is the negation of the word `Infinity`.
    private static func number(_ n: Double) -> Expression {
        if n.isInfinite && n < 0 { return Expression(.unary(.negate, Expression(.number(NumberLiteral(.infinity))))) }
        return Expression(.number(NumberLiteral(n)))
    }
}
