extension Statement {
    /// The same statement with every range set to ``SourceRange/zero`` and every ``text``
    /// emptied; see ``Expression/erasingSourceInfo()``.
    public func erasingSourceInfo() -> Statement {
        let erased: Kind
        switch kind {
        case .declaration(let keyword, let name, let value):
            erased = .declaration(keyword, Identifier(name.name), value.erasingSourceInfo())
        case .catchDeclaration(let keyword, let name, let value):
            erased = .catchDeclaration(keyword, Identifier(name.name), value.erasingSourceInfo())
        case .assignment(let name, let op, let value):
            erased = .assignment(Identifier(name.name), op, value.erasingSourceInfo())
        case .expression(let value):
            erased = .expression(value.erasingSourceInfo())
        case .expect(.truthy(let subject)):
            erased = .expect(.truthy(subject.erasingSourceInfo()))
        case .expect(.comparison(let lhs, let op, let rhs)):
            erased = .expect(.comparison(lhs.erasingSourceInfo(), op, rhs.erasingSourceInfo()))
        case .expect(.throwsError(let subject, let name, let message)):
            erased = .expect(
                .throwsError(subject.erasingSourceInfo(), name: name.map { Identifier($0.name) }, messageContains: message))
        case .dispose(let value):
            erased = .dispose(value.erasingSourceInfo())
        case .sleep, .settle, .step:
            erased = kind
        case .log(let arguments):
            erased = .log(arguments.map { $0.erasingSourceInfo() })
        case .block(let statements):
            erased = .block(statements.map { $0.erasingSourceInfo() })
        case .request(let label, let body):
            erased = .request(label: label, body: body.map { $0.erasingSourceInfo() })
        case .return(let value):
            erased = .return(value?.erasingSourceInfo())
        }
        return Statement(erased)
    }
}
