extension RpcValue: Equatable {
    /// Deep equality as scenario `==` uses it: numbers compare with SameValueZero (`NaN == NaN`,
    /// `-0 == 0`), objects and arrays by contents (object keys in any order), maps and sets by
    /// their entries in order, stubs, functions and targets by identity.
    public static func == (lhs: RpcValue, rhs: RpcValue) -> Bool {
        switch (lhs, rhs) {
        case (.undefined, .undefined), (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.bigint(let a), .bigint(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.date(let a), .date(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.regexp(let s1, let f1), .regexp(let s2, let f2)): return s1 == s2 && f1 == f2
        case (.array(let a), .array(let b)), (.set(let a), .set(let b)): return a == b
        case (.map(let a), .map(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { entry in b[entry.key].map { $0 == entry.value } ?? false }
        case (.error(let a), .error(let b)): return a == b
        case (.stub(let a), .stub(let b)): return a.id == b.id
        case (.promise(let a), .promise(let b)): return a.id == b.id
        case (.function(let a), .function(let b)): return a.box === b.box
        case (.target(let a), .target(let b)): return a.object === b.object
        case (.opaque(let a), .opaque(let b)): return a == b
        default: return false
        }
    }

    /// `Object.is`: like `==` for numbers except that `-0` and `0` differ.
    public func isSameValue(_ other: RpcValue) -> Bool {
        if case .number(let a) = self, case .number(let b) = other {
            if a.isNaN && b.isNaN { return true }
            return a == b && a.sign == b.sign
        }
        return self == other
    }
}

extension RpcObject: Equatable {
    public static func == (a: RpcObject, b: RpcObject) -> Bool {
        RpcValue.object(a) == RpcValue.object(b)
    }
}
