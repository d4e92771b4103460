extension Runtime {
    /// The serialized size limit for one argument list or result (§3.1).
    public static let maxMessageBytes = 1 << 25

    /// What a crossing produced.
    struct Transfer {
        var values: [RpcValue] = []
        /// Stubs created on the receiving side.
        var created: [StubState] = []
        /// The sender's stubs that went into the value (forwarded).
        var sentStubs: [StubState] = []
        /// A plain-object result's own disposer, stripped from the data (§4.7).
        var disposer: RpcFunction?
    }

    /// Copies `values` from one side of a session to the other (§3.1): plain data is rebuilt,
    /// functions and `RpcTarget`s are exported and arrive as stubs, stubs are forwarded. A first
    /// pass checks everything (refused types, disposed stubs, size) so that a refusal leaves no
    /// trace; the second pass cannot fail.
    func transfer(_ values: [RpcValue], from: SessionSide, to: SessionSide, isResult: Bool, createdBy: CallID) throws -> Transfer {
        var size = 0
        for (i, value) in values.enumerated() {
            try validate(value, path: isResult ? "result" : "args[\(i)]", holder: from.ctx, size: &size)
        }
        if size > Runtime.maxMessageBytes { throw RpcError.error(RpcError.Message.tooLarge(size)) }
        var out = Transfer()
        for value in values {
            out.values.append(copy(value, from: from, to: to, createdBy: createdBy, topLevelResult: isResult, into: &out))
        }
        return out
    }

    /// Checks that `value` can be sent from `holder`, adding its approximate serialized size
    /// (V8's encoding: a tag, a length and the payload) to `size`. `path` names the value in
    /// errors; it is built only when there is an error to report (every call validates its
    /// arguments, and formatting `args[0]` each time cost more than the check itself).
    func validate(_ value: RpcValue, path: @autoclosure () -> String, holder: ContextState, size: inout Int) throws {
        switch value {
        case .undefined, .null, .bool: size += 1
        case .number: size += 9
        case .bigint(let b): size += b.decimal.utf8.count / 2 + 4
        case .string(let s): size += Runtime.stringSize(s)
        case .bytes(let b): size += b.data.count + 6
        case .date: size += 9
        case .regexp(let source, let flags): size += Runtime.stringSize(source) + flags.utf8.count + 2
        case .error(let e):
            size += Runtime.stringSize(e.name) + Runtime.stringSize(e.message) + 2
            for entry in e.properties { try validate(entry.value, path: path() + "." + entry.key, holder: holder, size: &size) }
        case .array(let elements), .set(let elements):
            size += 5
            for (i, element) in elements.enumerated() { try validate(element, path: "\(path())[\(i)]", holder: holder, size: &size) }
        case .map(let entries):
            size += 5
            for (i, entry) in entries.enumerated() {
                try validate(entry.key, path: "\(path()).keys[\(i)]", holder: holder, size: &size)
                try validate(entry.value, path: "\(path()).values[\(i)]", holder: holder, size: &size)
            }
        case .object(let object):
            size += 5
            for entry in object {
                size += Runtime.stringSize(entry.key)
                try validate(entry.value, path: RpcValue.isIdentifier(entry.key) ? "\(path()).\(entry.key)" : "\(path())[\(RpcValue.quote(entry.key))]",
                             holder: holder, size: &size)
            }
        case .stub(let s):
            let stub = try liveStub(s.id)
            if stub.kind == .promise {
                throw RpcError.dataClone(RpcError.Message.cannotSerialize("RpcPromise"), at: path())
            }
            if stub.holder !== holder {
                throw RpcError.error(RpcError.Message.crossRequest("Client"))
            }
            size += 8
        case .promise:
            throw RpcError.dataClone(RpcError.Message.cannotSerialize("RpcPromise"), at: path())
        case .function, .target:
            size += 8
        case .opaque(let type):
            throw RpcError.dataClone(RpcError.Message.cannotSerialize(type), at: path())
        }
    }

    static func stringSize(_ s: String) -> Int {
        let latin1 = s.unicodeScalars.allSatisfy { $0.value < 256 }
        return (latin1 ? s.unicodeScalars.count : s.utf16.count * 2) + 5
    }

    private func copy(
        _ value: RpcValue, from: SessionSide, to: SessionSide, createdBy: CallID, topLevelResult: Bool, into out: inout Transfer
    ) -> RpcValue {
        switch value {
        case .undefined, .null, .bool, .number, .bigint, .string, .bytes, .date, .regexp, .opaque, .promise:
            return value
        case .error(var e):
            e.properties = RpcObject(e.properties.map { ($0.key, copy($0.value, from: from, to: to, createdBy: createdBy, topLevelResult: false, into: &out)) })
            return .error(e)
        case .array(let elements):
            return .array(elements.map { copy($0, from: from, to: to, createdBy: createdBy, topLevelResult: false, into: &out) })
        case .set(let elements):
            return .set(elements.map { copy($0, from: from, to: to, createdBy: createdBy, topLevelResult: false, into: &out) })
        case .map(let entries):
            return .map(entries.map {
                RpcMapEntry(copy($0.key, from: from, to: to, createdBy: createdBy, topLevelResult: false, into: &out),
                            copy($0.value, from: from, to: to, createdBy: createdBy, topLevelResult: false, into: &out))
            })
        case .object(let object):
            if topLevelResult, let disposer = object.disposer { out.disposer = disposer }
            return .object(RpcObject(object.map {
                ($0.key, copy($0.value, from: from, to: to, createdBy: createdBy, topLevelResult: false, into: &out))
            }))
        case .function(let function):
            let target = TargetState(home: from.ctx, body: .function(function), label: "ƒ \(function.name)")
            return export(.target(target), kind: .function, label: target.label, from: from, to: to, createdBy: createdBy, into: &out)
        case .target(let ref):
            let receiver: any RpcReceiver = ref.receiver ?? OpaqueReceiver(target: ref.object, typeName: ref.typeName)
            let target = TargetState(home: from.ctx, body: .receiver(receiver, entrypoint: false), label: ref.typeName)
            return export(.target(target), kind: .rpcTarget, label: target.label, from: from, to: to, createdBy: createdBy, into: &out)
        case .stub(let s):
            guard let stub = stubs[s.id] else { return .undefined }
            if case .durableObject(let handle) = stub.hook {
                let copy = copyDurableObjectStub(handle, to: to.ctx, createdBy: createdBy)
                out.created.append(copy)
                return .stub(Stub(runtime: self, id: copy.id, kind: .durableObject))
            }
            acquire(stub.hook)
            out.sentStubs.append(stub)
            return export(.forward(stub.hook), kind: stub.kind, label: stub.label, from: from, to: to, createdBy: createdBy,
                          targetWorker: stub.targetWorker, into: &out)
        }
    }

    private func export(
        _ body: ExportEntry.Body, kind: StubKind, label: String, from: SessionSide, to: SessionSide, createdBy: CallID,
        targetWorker: String? = nil, into out: inout Transfer
    ) -> RpcValue {
        let id = from.nextExport
        from.nextExport -= 1
        from.exports[id] = ExportEntry(body)
        to.imports[id] = ImportEntry(localRefs: 1, remoteRefs: 1)
        let stub = makeStub(holder: to.ctx, kind: kind, hook: .imported(to, id), createdBy: createdBy, dupOf: nil,
                            label: label, targetWorker: targetWorker ?? from.ctx.worker)
        out.created.append(stub)
        return .stub(Stub(runtime: self, id: stub.id, kind: kind))
    }

    /// A value in Cap'n Web's wire expression form (§9.5), as the `message` events show it:
    /// stubs are `["export", id]` from the sender's side.
    func wire(_ value: RpcValue) -> String {
        var out = ""
        writeWire(value, into: &out)
        return out
    }

    /// `wire(value)` appended to `out`: message texts are built in one buffer, with no string
    /// per element (every call writes its arguments and its result this way).
    func writeWire(_ value: RpcValue, into out: inout String) {
        switch value {
        case .undefined: out += "[\"undefined\"]"
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n):
            if n.isNaN { out += "[\"nan\"]" } else if n.isInfinite { out += n < 0 ? "[\"-inf\"]" : "[\"inf\"]" } else {
                out += RpcValue.formatNumber(n)
            }
        case .bigint(let b): out += "[\"bigint\",\"\(b.decimal)\"]"
        case .string(let s): out += RpcValue.quote(s)
        case .bytes(let b): out += "[\"bytes\",\"\(b.hex)\",\"\(b.kind.rawValue)\"]"
        case .date(let ms): out += ms.isNaN ? "[\"date\",null]" : "[\"date\",\(RpcValue.formatNumber(ms))]"
        case .regexp(let source, let flags): out += "[\"regexp\",\(RpcValue.quote(source)),\(RpcValue.quote(flags))]"
        case .error(let e): out += "[\"error\",\(RpcValue.quote(e.name)),\(RpcValue.quote(e.message))]"
        case .array(let elements):
            out += "[["
            writeWireList(elements, into: &out)
            out += "]]"
        case .set(let elements):
            out += "[\"set\",["
            writeWireList(elements, into: &out)
            out += "]]"
        case .map(let entries):
            out += "[\"map\",["
            for (i, entry) in entries.enumerated() {
                out += i == 0 ? "[" : ",["
                writeWire(entry.key, into: &out)
                out += ","
                writeWire(entry.value, into: &out)
                out += "]"
            }
            out += "]]"
        case .object(let object):
            out += "{"
            for (i, entry) in object.enumerated() {
                if i > 0 { out += "," }
                out += RpcValue.quote(entry.key)
                out += ":"
                writeWire(entry.value, into: &out)
            }
            out += "}"
        case .stub(let s):
            if let stub = stubs[s.id], case .imported(_, let id) = stub.hook {
                out += "[\"export\",\(id)]"
            } else if let stub = stubs[s.id], case .durableObject(let handle) = stub.hook {
                out += "[\"durableObject\",\"\(handle.id.hex)\"]"
            } else {
                out += "[\"export\",?]"
            }
        case .promise, .function, .target, .opaque: out += "[\"undefined\"]"
        }
    }

    /// Elements separated by commas, each in wire form.
    func writeWireList(_ elements: [RpcValue], into out: inout String) {
        for (i, element) in elements.enumerated() {
            if i > 0 { out += "," }
            writeWire(element, into: &out)
        }
    }
}

/// The receiver of an `RpcTarget` subclass that registers no members: reachable, but nothing
/// on it is callable. Safety of `@unchecked Sendable`: as for `Bound`.
struct OpaqueReceiver: RpcReceiver, @unchecked Sendable {
    let target: RpcTarget
    let typeName: String
    var object: AnyObject { target }
    var memberNames: [String] { [] }
    func lookup(_ name: String) -> BoundMember? { nil }
}
