extension Expression {
    /// The same tree with every range set to ``SourceRange/zero`` (and every statement text
    /// emptied), for comparing the shape of two trees: `parse(print(ast))` against `ast`, or a
    /// parsed tree against one built by hand.
    public func erasingSourceInfo() -> Expression {
        let erased: Kind
        switch kind {
        case .number, .bigint, .string, .boolean, .null, .undefined, .identifier, .bytes:
            erased = kind
        case .array(let elements):
            erased = .array(elements.map { $0.erasingSourceInfo() })
        case .object(let properties):
            erased = .object(properties.map { ObjectProperty(key: $0.key, value: $0.value.erasingSourceInfo()) })
        case .new(let constructor, let arguments):
            erased = .new(constructor, arguments: arguments.map { $0.erasingSourceInfo() })
        case .rpcTarget(let target):
            erased = .rpcTarget(target.erasingSourceInfo())
        case .sameValue(let a, let b):
            erased = .sameValue(a.erasingSourceInfo(), b.erasingSourceInfo())
        case .member(let base, let name):
            erased = .member(base.erasingSourceInfo(), Identifier(name.name))
        case .index(let base, let key):
            erased = .index(base.erasingSourceInfo(), key.erasingSourceInfo())
        case .call(let callee, let arguments):
            erased = .call(callee.erasingSourceInfo(), arguments: arguments.map { $0.erasingSourceInfo() })
        case .await(let operand):
            erased = .await(operand.erasingSourceInfo())
        case .unary(let op, let operand):
            erased = .unary(op, operand.erasingSourceInfo())
        case .binary(let op, let lhs, let rhs):
            erased = .binary(op, lhs.erasingSourceInfo(), rhs.erasingSourceInfo())
        case .arrow(let parameters, let body):
            let erasedBody: ArrowBody
            switch body {
            case .expression(let value): erasedBody = .expression(value.erasingSourceInfo())
            case .block(let statements): erasedBody = .block(statements.map { $0.erasingSourceInfo() })
            }
            erased = .arrow(parameters: parameters.map { Identifier($0.name) }, body: erasedBody)
        }
        return Expression(erased)
    }
}
