import TOMLKit

/// Parses the TOML header with TOMLKit and checks it into a ``ScenarioHeader``.
///
/// Keys are visited in declaration order (from ``HeaderLocator``), so the first problem in the
/// file is the one reported. Every diagnostic points at the key or value concerned; semantic
/// checks that need all workers (duplicates, references between workers) run after the
/// structure of every worker has been read, worker by worker.
struct HeaderChecker {
    private let file: SourceFile
    private let locator: HeaderLocator

    static let topLevelKeys = ["title", "description", "compatibility_date", "compatibility_flags", "seed", "workers"]
    static let workerKeys = ["name", "main", "services", "vars", "durable_objects"]
    static let serviceKeys = ["binding", "service", "entrypoint", "props"]
    static let durableObjectsKeys = ["bindings"]
    static let durableObjectBindingKeys = ["name", "class_name", "script_name"]

    private init(file: SourceFile, locator: HeaderLocator) {
        self.file = file
        self.locator = locator
    }

    /// Checks the header: the text of `file` before scalar offset `end` (the `---` line).
    static func check(_ file: SourceFile, headerEnd end: Int) throws(ScenarioDiagnostic) -> ScenarioHeader {
        if let nul = file.scalars[0..<Swift.min(end, file.scalars.count)].firstIndex(of: "\u{0}") {
            throw ScenarioDiagnostic(
                file: file, range: file.range(fromOffset: nul, toOffset: nul + 1),
                message: "the header contains a NUL character (U+0000)", hint: "remove it; TOML text cannot contain it")
        }
        let locator = HeaderLocator(file: file, end: end)
        var scalars = file.scalars[0..<Swift.min(end, file.scalars.count)]
        for spot in locator.unsafeSpots where spot.offset < scalars.count {
            scalars[spot.offset] = spot.replacement
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        let root: TOMLTable
        do {
            root = try TOMLTable(string: String(text))
        } catch let error as TOMLParseError {
            let offset = file.offset(line: Swift.max(1, error.source.begin.line), codePointColumn: error.source.begin.column)
            let location = file.location(ofOffset: offset)
            if let spot = locator.unsafeSpots.first(where: { file.location(ofOffset: $0.offset) == location }) {
                throw ScenarioDiagnostic(
                    file: file, range: file.range(fromOffset: spot.offset, toOffset: spot.offset + 1),
                    message: "invalid TOML: \(spot.message)", hint: spot.hint)
            }
            throw ScenarioDiagnostic(
                file: file, range: .point(location), message: "invalid TOML: \(error.description)",
                hint: "the header above '---' is TOML: key = \"value\" lines and [[workers]] tables")
        } catch {
            throw ScenarioDiagnostic(
                file: file, range: .point(SourceLocation(line: 1, column: 1)), message: "invalid TOML: \(error)")
        }
        if let spot = locator.unsafeSpots.first {  // cannot happen: the replacements are errors
            throw ScenarioDiagnostic(
                file: file, range: file.range(fromOffset: spot.offset, toOffset: spot.offset + 1),
                message: "invalid TOML: \(spot.message)", hint: spot.hint)
        }
        return try HeaderChecker(file: file, locator: locator).checkRoot(root)
    }

    // MARK: Helpers

    private static let nowhere = SourceRange.point(SourceLocation(line: 1, column: 1))

    private func keyRange(_ path: HeaderPath) -> SourceRange { locator.keyRange(path) ?? Self.nowhere }
    private func valueRange(_ path: HeaderPath) -> SourceRange { locator.valueRange(path) ?? keyRange(path) }
    private func field(_ path: HeaderPath) -> HeaderField {
        locator.field(path) ?? HeaderField(key: Self.nowhere, value: Self.nowhere)
    }

    private func fail(_ message: String, at range: SourceRange, hint: String? = nil) -> ScenarioDiagnostic {
        ScenarioDiagnostic(file: file, range: range, message: message, hint: hint)
    }

    /// The keys of `table` in declaration order (any the scanner missed come last, sorted).
    private func keys(of table: TOMLTable, at path: HeaderPath) -> [String] {
        let present = table.keys
        let presentSet = Set(present)
        var ordered = locator.childKeys(of: path).filter { presentSet.contains($0) }
        let orderedSet = Set(ordered)
        ordered += present.filter { !orderedSet.contains($0) }.sorted()
        return ordered
    }

    private static func describe(_ type: TOMLType) -> String {
        switch type {
        case .string: "a string"
        case .int: "an integer"
        case .double: "a floating-point number"
        case .bool: "a boolean"
        case .array: "an array"
        case .table: "a table"
        case .date: "a date"
        case .time: "a time"
        case .dateTime: "a date-time"
        }
    }

    private func typeError(_ key: String, _ value: TOMLValueConvertible, _ path: HeaderPath, expected: String)
        -> ScenarioDiagnostic
    {
        fail("'\(key)' must be \(expected), not \(Self.describe(value.type))", at: valueRange(path))
    }

    private func string(_ value: TOMLValueConvertible, key: String, at path: HeaderPath) throws(ScenarioDiagnostic) -> String {
        guard let text = value.string else { throw typeError(key, value, path, expected: "a string") }
        return text
    }

    private func nonEmptyString(_ value: TOMLValueConvertible, key: String, at path: HeaderPath, hint: String)
        throws(ScenarioDiagnostic) -> String
    {
        let text = try string(value, key: key, at: path)
        if text.isEmpty { throw fail("'\(key)' must not be empty", at: valueRange(path), hint: hint) }
        return text
    }

    private func bindingName(_ value: TOMLValueConvertible, key: String, at path: HeaderPath) throws(ScenarioDiagnostic)
        -> String
    {
        let name = try string(value, key: key, at: path)
        try checkBindingName(name, at: valueRange(path))
        return name
    }

    private func checkBindingName(_ name: String, at range: SourceRange) throws(ScenarioDiagnostic) {
        guard Lexer.isIdentifier(name) else {
            throw fail(
                "'\(name)' is not a valid binding name", at: range,
                hint: "scripts reach bindings as env.NAME: use letters, digits, '_' and '$', not starting with a digit")
        }
    }

    private func unknownKey(_ key: String, in place: String, allowed: [String], at path: HeaderPath) -> ScenarioDiagnostic {
        fail(
            "unknown key '\(key)'\(place)", at: keyRange(path),
            hint: Suggestion.hint(for: key, among: allowed, listIntro: "the keys allowed here are "))
    }

    private func tables(_ value: TOMLValueConvertible, key: String, at path: HeaderPath, example: String)
        throws(ScenarioDiagnostic) -> [TOMLTable]
    {
        guard let array = value.array else {
            throw fail(
                "'\(key)' must be an array of tables, not \(Self.describe(value.type))", at: valueRange(path),
                hint: "for example: \(example)")
        }
        var result: [TOMLTable] = []
        for (index, element) in array.enumerated() {
            guard let table = element.table else {
                throw fail(
                    "each entry of '\(key)' must be a table, not \(Self.describe(element.type))",
                    at: valueRange(path + [.index(index)]), hint: "for example: \(example)")
            }
            result.append(table)
        }
        return result
    }

    private func convert(_ value: TOMLValueConvertible, at path: HeaderPath) -> HeaderValue {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .double(value.double ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .array:
            guard let array = value.array else { return .array([]) }
            return .array(array.enumerated().map { convert($0.element, at: path + [.index($0.offset)]) })
        case .table:
            guard let table = value.table else { return .table([]) }
            return .table(
                keys(of: table, at: path).compactMap { key in
                    table[key].map { HeaderValue.Entry(key: key, value: convert($0, at: path + [.key(key)])) }
                })
        case .date, .time, .dateTime:
            return .string(locator.valueText(path) ?? value.debugDescription)
        }
    }

    // MARK: Checks

    private func checkRoot(_ root: TOMLTable) throws(ScenarioDiagnostic) -> ScenarioHeader {
        var header = ScenarioHeader(
            title: nil, description: nil, compatibilityDate: nil, compatibilityFlags: [], compatibilityFlagRanges: [],
            seed: 0, workers: [], fields: [:])
        for key in keys(of: root, at: []) {
            let path: HeaderPath = [.key(key)]
            guard let value = root[key] else { continue }
            header.fields[key] = field(path)
            switch key {
            case "title":
                header.title = try string(value, key: key, at: path)
            case "description":
                header.description = try string(value, key: key, at: path)
            case "compatibility_date":
                header.compatibilityDate = try compatibilityDate(value, at: path)
            case "compatibility_flags":
                guard let array = value.array else {
                    throw typeError(key, value, path, expected: "an array of strings")
                }
                for (index, element) in array.enumerated() {
                    guard let flag = element.string else {
                        throw fail(
                            "each compatibility flag must be a string, not \(Self.describe(element.type))",
                            at: valueRange(path + [.index(index)]), hint: "for example: [\"rpc_params_transfer_stubs\"]")
                    }
                    header.compatibilityFlags.append(flag)
                    header.compatibilityFlagRanges.append(valueRange(path + [.index(index)]))
                }
            case "seed":
                guard let seed = value.int else { throw typeError(key, value, path, expected: "an integer") }
                header.seed = seed
            case "workers":
                let tables = try tables(value, key: key, at: path, example: "[[workers]] then name = \"main\"")
                for (index, table) in tables.enumerated() {
                    header.workers.append(try checkWorker(table, index: index))
                }
            default:
                throw unknownKey(key, in: "", allowed: Self.topLevelKeys, at: path)
            }
        }
        guard !header.workers.isEmpty else {
            throw fail(
                "the header declares no workers", at: header.fields["workers"]?.value ?? Self.nowhere,
                hint: "add a [[workers]] table with a name; the first worker runs the script")
        }
        try checkReferences(header.workers)
        return header
    }

    private func compatibilityDate(_ value: TOMLValueConvertible, at path: HeaderPath) throws(ScenarioDiagnostic)
        -> CompatibilityDate
    {
        let hint = "write it as YYYY-MM-DD, for example compatibility_date = \"2026-05-01\""
        if let text = value.string {
            guard let date = CompatibilityDate(text) else {
                throw fail("'compatibility_date' is not a valid date: \"\(text)\"", at: valueRange(path), hint: hint)
            }
            return date
        }
        if let date = value.date {
            guard let checked = CompatibilityDate(year: date.year, month: date.month, day: date.day) else {
                throw fail("'compatibility_date' is not a valid date", at: valueRange(path), hint: hint)
            }
            return checked
        }
        throw fail(
            "'compatibility_date' must be a date string, not \(Self.describe(value.type))", at: valueRange(path), hint: hint)
    }

    private func checkWorker(_ table: TOMLTable, index: Int) throws(ScenarioDiagnostic) -> WorkerDecl {
        let base: HeaderPath = [.key("workers"), .index(index)]
        let declaration = keyRange(base)
        guard let nameValue = table["name"] else {
            throw fail(
                "worker #\(index + 1) has no 'name'", at: declaration,
                hint: "add name = \"...\" to this [[workers]] table; other workers bind to it by that name")
        }
        let name = try nonEmptyString(
            nameValue, key: "name", at: base + [.key("name")], hint: "give the worker a name such as \"main\"")
        let place = " in worker '\(name)'"
        var worker = WorkerDecl(
            name: name, main: nil, services: [], vars: [], durableObjects: [], range: declaration,
            nameField: field(base + [.key("name")]), mainField: nil)
        for key in keys(of: table, at: base) {
            let path = base + [.key(key)]
            guard let value = table[key] else { continue }
            switch key {
            case "name":
                break
            case "main":
                worker.main = try nonEmptyString(
                    value, key: key, at: path, hint: "name a module of the catalogue, such as \"toolkit\"")
                worker.mainField = field(path)
            case "services":
                let example = "services = [{ binding = \"S\", service = \"other-worker\" }]"
                for (position, entry) in try tables(value, key: key, at: path, example: example).enumerated() {
                    worker.services.append(try checkService(entry, at: path + [.index(position)], worker: name))
                }
            case "vars":
                guard let vars = value.table else {
                    throw typeError(key, value, path, expected: "a table ([workers.vars] or vars = { NAME = \"value\" })")
                }
                for varName in keys(of: vars, at: path) {
                    guard let varValue = vars[varName] else { continue }
                    let varPath = path + [.key(varName)]
                    try checkBindingName(varName, at: keyRange(varPath))
                    worker.vars.append(WorkerVar(name: varName, value: convert(varValue, at: varPath), field: field(varPath)))
                }
            case "durable_objects":
                guard let objects = value.table else {
                    throw typeError(key, value, path, expected: "a table with a 'bindings' array")
                }
                for objectKey in keys(of: objects, at: path) {
                    let objectPath = path + [.key(objectKey)]
                    guard objectKey == "bindings", let bindings = objects[objectKey] else {
                        throw unknownKey(
                            objectKey, in: " in durable_objects of worker '\(name)'", allowed: Self.durableObjectsKeys,
                            at: objectPath)
                    }
                    let example = "durable_objects.bindings = [{ name = \"COUNTERS\", class_name = \"CounterObject\" }]"
                    for (position, entry) in try tables(bindings, key: "bindings", at: objectPath, example: example)
                        .enumerated()
                    {
                        worker.durableObjects.append(
                            try checkDurableObject(entry, at: objectPath + [.index(position)], worker: name))
                    }
                }
            default:
                throw unknownKey(key, in: place, allowed: Self.workerKeys, at: path)
            }
        }
        if index > 0, worker.main == nil {
            throw fail(
                "worker '\(name)' has no 'main'", at: declaration,
                hint: "only the first (primary) worker may omit main: its code is the script")
        }
        return worker
    }

    private func checkService(_ table: TOMLTable, at path: HeaderPath, worker: String) throws(ScenarioDiagnostic)
        -> ServiceBindingDecl
    {
        let entry = valueRange(path)
        let number = path.last.flatMap { if case .index(let i) = $0 { i + 1 } else { nil } } ?? 1
        for key in keys(of: table, at: path) where !Self.serviceKeys.contains(key) {
            throw unknownKey(key, in: " in a service binding of worker '\(worker)'", allowed: Self.serviceKeys, at: path + [.key(key)])
        }
        guard let bindingValue = table["binding"] else {
            throw fail(
                "service binding #\(number) of worker '\(worker)' has no 'binding'", at: entry,
                hint: "add binding = \"NAME\": the name the code uses as env.NAME")
        }
        guard let serviceValue = table["service"] else {
            throw fail(
                "service binding #\(number) of worker '\(worker)' has no 'service'", at: entry,
                hint: "add service = \"worker-name\": the worker it reaches")
        }
        let binding = try bindingName(bindingValue, key: "binding", at: path + [.key("binding")])
        let service = try nonEmptyString(
            serviceValue, key: "service", at: path + [.key("service")], hint: "name a declared worker")
        var declaration = ServiceBindingDecl(
            binding: binding, service: service, entrypoint: nil, props: nil, range: entry,
            bindingField: field(path + [.key("binding")]), serviceField: field(path + [.key("service")]))
        if let entrypoint = table["entrypoint"] {
            declaration.entrypoint = try nonEmptyString(
                entrypoint, key: "entrypoint", at: path + [.key("entrypoint")],
                hint: "name an export of the module, or leave entrypoint out for the default export")
            declaration.entrypointField = field(path + [.key("entrypoint")])
        }
        if let props = table["props"] {
            guard props.type == .table else {
                throw typeError("props", props, path + [.key("props")], expected: "a table")
            }
            declaration.props = convert(props, at: path + [.key("props")])
            declaration.propsField = field(path + [.key("props")])
        }
        return declaration
    }

    private func checkDurableObject(_ table: TOMLTable, at path: HeaderPath, worker: String) throws(ScenarioDiagnostic)
        -> DurableObjectBindingDecl
    {
        let entry = valueRange(path)
        let number = path.last.flatMap { if case .index(let i) = $0 { i + 1 } else { nil } } ?? 1
        for key in keys(of: table, at: path) where !Self.durableObjectBindingKeys.contains(key) {
            throw unknownKey(
                key, in: " in a Durable Object binding of worker '\(worker)'", allowed: Self.durableObjectBindingKeys,
                at: path + [.key(key)])
        }
        guard let nameValue = table["name"] else {
            throw fail(
                "Durable Object binding #\(number) of worker '\(worker)' has no 'name'", at: entry,
                hint: "add name = \"NAME\": the name the code uses as env.NAME")
        }
        guard let classValue = table["class_name"] else {
            throw fail(
                "Durable Object binding #\(number) of worker '\(worker)' has no 'class_name'", at: entry,
                hint: "add class_name = \"ClassName\": the Durable Object class the module exports")
        }
        let name = try bindingName(nameValue, key: "name", at: path + [.key("name")])
        let className = try nonEmptyString(
            classValue, key: "class_name", at: path + [.key("class_name")], hint: "name the exported class")
        var declaration = DurableObjectBindingDecl(
            name: name, className: className, scriptName: nil, range: entry, nameField: field(path + [.key("name")]),
            classNameField: field(path + [.key("class_name")]))
        if let script = table["script_name"] {
            declaration.scriptName = try nonEmptyString(
                script, key: "script_name", at: path + [.key("script_name")],
                hint: "name a declared worker, or leave script_name out for this worker")
            declaration.scriptNameField = field(path + [.key("script_name")])
        }
        return declaration
    }

    /// Checks what needs all workers: unique worker names, unique binding names within each
    /// worker, and that services and script names refer to declared workers.
    private func checkReferences(_ workers: [WorkerDecl]) throws(ScenarioDiagnostic) {
        let declared = workers.map(\.name)
        let declaredSet = Set(declared)
        func unknownWorkerHint(_ name: String) -> String {
            Suggestion.hint(for: name, among: declared, listIntro: "the declared workers are ")
        }
        var seen: [String: WorkerDecl] = [:]
        for worker in workers {
            if let first = seen[worker.name] {
                throw fail(
                    "duplicate worker name '\(worker.name)'", at: worker.nameField.value,
                    hint: "'\(worker.name)' is already declared at \(first.nameField.value.start)")
            }
            seen[worker.name] = worker
            var bindings: [(name: String, range: SourceRange)] =
                worker.services.map { ($0.binding, $0.bindingField.value) }
                + worker.vars.map { ($0.name, $0.field.key) }
                + worker.durableObjects.map { ($0.name, $0.nameField.value) }
            bindings.sort { $0.range.start < $1.range.start }
            var bound: [String: SourceRange] = [:]
            for binding in bindings {
                if let earlier = bound[binding.name] {
                    throw fail(
                        "duplicate binding name '\(binding.name)' in worker '\(worker.name)'", at: binding.range,
                        hint: "'\(binding.name)' is already bound at \(earlier.start); each env binding needs its own name")
                }
                bound[binding.name] = binding.range
            }
            for service in worker.services where !declaredSet.contains(service.service) {
                throw fail(
                    "service binding '\(service.binding)' names '\(service.service)', which is not a declared worker",
                    at: service.serviceField.value, hint: unknownWorkerHint(service.service))
            }
            for object in worker.durableObjects {
                if let script = object.scriptName, !declaredSet.contains(script), let field = object.scriptNameField {
                    throw fail(
                        "Durable Object binding '\(object.name)' names script '\(script)', which is not a declared worker",
                        at: field.value, hint: unknownWorkerHint(script))
                }
            }
        }
    }
}
