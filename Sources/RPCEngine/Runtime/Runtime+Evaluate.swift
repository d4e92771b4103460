extension Runtime {
    /// Runs a call (or property read, when `args` is nil) on a target in its own context: the
    /// callee side of a push. Lookup follows Workers' visibility rules (§2).
    func evaluate(_ target: TargetState, path: [String], args: [RpcValue]?, call: CallID) async throws -> RpcValue {
        let frame = CurrentContext.Frame(ctx: target.home.handle, call: call)
        return try await CurrentContext.$frame.withValue(frame) {
            try await evaluateBody(target, path: path, args: args)
        }
    }

    private func evaluateBody(_ target: TargetState, path: [String], args: [RpcValue]?) async throws -> RpcValue {
        switch target.body {
        case .receiver(let receiver, let isEntrypoint):
            let reserved = isEntrypoint ? Runtime.entrypointReserved : Runtime.transientReserved
            try checkReserved(path, reserved)
            guard let first = path.first else {
                if args == nil { return .undefined }
                throw RpcError.typeError(RpcError.Message.notAFunction(path))
            }
            return try await evaluateMember(receiver, first, rest: Array(path.dropFirst()), fullPath: path, args: args, reserved: reserved)
        case .function(let function):
            try checkReserved(path, Runtime.transientReserved)
            if let first = path.first { throw RpcError.typeError(RpcError.Message.notImplemented(first)) }
            guard let args else { return .function(function) }
            return try await function.box.body(args)
        case .value(let value):
            return try await evaluateValue(value, path: path, fullPath: path, args: args, reserved: Runtime.transientReserved)
        }
    }

    private func checkReserved(_ path: [String], _ reserved: Set<String>) throws {
        for segment in path where reserved.contains(segment) {
            throw RpcError.typeError(RpcError.Message.reserved(segment))
        }
    }

    /// A registered member of a class-like target (class mode, §2.1): only registered names.
    private func evaluateMember(
        _ receiver: any RpcReceiver, _ name: String, rest: [String], fullPath: [String], args: [RpcValue]?, reserved: Set<String>
    ) async throws -> RpcValue {
        guard let member = receiver.lookup(name) else {
            throw RpcError.typeError(RpcError.Message.notImplemented(name))
        }
        switch member {
        case .method(let method):
            if let next = rest.first { throw RpcError.typeError(RpcError.Message.notImplemented(next)) }
            guard let args else { return .function(RpcFunction(name: name) { try await method($0) }) }
            return try await method(args)
        case .getter(let getter):
            let value = try await getter()
            return try await evaluateValue(value, path: rest, fullPath: fullPath, args: args, reserved: reserved)
        }
    }

    /// Follows `path` through a value on the callee's side (§2.4): plain objects by own
    /// property, `RpcTarget`s by registered member, stubs by forwarding the rest of the call.
    func evaluateValue(
        _ value: RpcValue, path: [String], fullPath: [String], args: [RpcValue]?, reserved: Set<String>
    ) async throws -> RpcValue {
        try checkReserved(path, reserved)
        var current = value
        for (i, segment) in path.enumerated() {
            // A value that cannot be traversed is reported by the segment that produced it
            // (`objectProperty.nonRpc.foo()` → "nonRpc"); a bare result by the first segment.
            let failing = i > 0 ? path[i - 1] : segment
            switch current {
            case .object(let object):
                guard let next = object[segment] else { throw RpcError.typeError(RpcError.Message.notImplemented(segment)) }
                current = next
            case .target(let ref):
                guard let receiver = ref.receiver else { throw RpcError.typeError(RpcError.Message.notImplemented(failing)) }
                return try await evaluateMember(
                    receiver, segment, rest: Array(path[(i + 1)...]), fullPath: fullPath, args: args, reserved: Runtime.transientReserved)
            case .stub(let s):
                let stub = try liveStub(s.id)
                return try await callThrough(stub.hook, holder: stub.holder, label: "\(s.id)", path: Array(path[i...]), args: args, pipelinedOn: nil)
            default:
                throw RpcError.typeError(RpcError.Message.notImplemented(failing))
            }
        }
        guard let args else { return current }
        switch current {
        case .function(let function):
            return try await function.box.body(args)
        case .stub(let s):
            let stub = try liveStub(s.id)
            return try await callThrough(stub.hook, holder: stub.holder, label: "\(s.id)", path: [], args: args, pipelinedOn: nil)
        default:
            throw RpcError.typeError(RpcError.Message.notAFunction(fullPath))
        }
    }
}
