import Foundation
import Testing
@testable import RPCEngine

// The Codable bridge: `RpcValueEncoder`, `RpcValueDecoder` and `RpcCodable`, which let plain
// Swift `Codable` types be RPC arguments and results. The values they produce are the
// structured-clone set of §3.1 (plain objects, arrays, numbers, strings, booleans, Date,
// Uint8Array, Map, Set, bigint, undefined/null) plus stubs, which travel by reference (§3.1
// "By reference"). Decoding mismatches are `TypeError`s, as the argument checks of §1.4/§2 are.

// MARK: - Fixtures

private struct Address: Codable, Equatable {
    var street: String
    var city: String
}

private struct Person: RpcCodable, Equatable {
    var name: String
    var age: Int
    var address: Address
    var tags: [String]
    var nickname: String?
}

private struct Account: RpcCodable, Equatable {
    var user: Person
}

private enum Role: String, Codable {
    case admin, guest
}

private enum Level: Int, Codable {
    case low = 1, high = 3
}

private enum Shape: Codable, Equatable {
    case circle(radius: Double)
    case square(side: Double)
    case point
}

private struct Envelope: RpcCodable {
    var kind: String
    var payload: RpcValue
    var extra: RpcValue?
}

private struct Job: RpcCodable {
    var name: String
    var callback: Stub
}

private struct Numbers: Codable, Equatable {
    var i8: Int8
    var u8: UInt8
    var i16: Int16
    var u16: UInt16
    var i32: Int32
    var u32: UInt32
    var i64: Int64
    var u64: UInt64
    var int: Int
    var uint: UInt
    var i128: Int128
    var u128: UInt128
    var float: Float
    var double: Double
}

private struct Schedule: Codable, Equatable {
    var when: Date
    var payload: Data
    var link: URL
}

private struct Maps: Codable, Equatable {
    var byName: [String: Int]
    var byId: [Int: String]
    var byRole: [Role: Int]
    var ids: Set<Int>
}

/// A base class and a subclass that encodes it through `superEncoder()`.
private class Animal: Codable {
    var name: String
    init(name: String) { self.name = name }
}

private final class Dog: Animal, RpcCodable {
    var breed: String
    init(name: String, breed: String) {
        self.breed = breed
        super.init(name: name)
    }

    private enum CodingKeys: String, CodingKey { case breed }

    required init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        breed = try container.decode(String.self, forKey: .breed)
        try super.init(from: container.superDecoder())
    }

    override func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(breed, forKey: .breed)
        try super.encode(to: container.superEncoder())
    }
}

/// Uses every kind of container by hand: nested keyed, nested unkeyed, `superEncoder(forKey:)`,
/// an unkeyed `superEncoder()`, and `encodeNil`.
private struct Handmade: Codable, Equatable {
    var matrix: [[Int]]
    var origin: (x: Int, y: Int)
    var parentName: String
    var nothing: Int?

    static func == (a: Handmade, b: Handmade) -> Bool {
        a.matrix == b.matrix && a.origin == b.origin && a.parentName == b.parentName && a.nothing == b.nothing
    }

    init(matrix: [[Int]], origin: (x: Int, y: Int), parentName: String, nothing: Int?) {
        self.matrix = matrix
        self.origin = origin
        self.parentName = parentName
        self.nothing = nothing
    }

    private enum Keys: String, CodingKey { case matrix, origin, parent, nothing, list }
    private enum PointKeys: String, CodingKey { case x, y }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        var rows = c.nestedUnkeyedContainer(forKey: .matrix)
        for row in matrix {
            var inner = rows.nestedUnkeyedContainer()
            for n in row { try inner.encode(n) }
        }
        var point = c.nestedContainer(keyedBy: PointKeys.self, forKey: .origin)
        try point.encode(origin.x, forKey: .x)
        try point.encode(origin.y, forKey: .y)
        let parent = c.superEncoder(forKey: .parent)
        var single = parent.singleValueContainer()
        try single.encode(parentName)
        try c.encodeNil(forKey: .nothing)
        var list = c.nestedUnkeyedContainer(forKey: .list)
        var named = list.nestedContainer(keyedBy: PointKeys.self)
        try named.encode(1, forKey: .x)
        var inList = list.superEncoder().singleValueContainer()
        try inList.encode("super")
        try list.encodeNil()
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        var rows = try c.nestedUnkeyedContainer(forKey: .matrix)
        var matrix: [[Int]] = []
        while !rows.isAtEnd {
            var inner = try rows.nestedUnkeyedContainer()
            var row: [Int] = []
            while !inner.isAtEnd { row.append(try inner.decode(Int.self)) }
            matrix.append(row)
        }
        self.matrix = matrix
        let point = try c.nestedContainer(keyedBy: PointKeys.self, forKey: .origin)
        origin = (try point.decode(Int.self, forKey: .x), try point.decode(Int.self, forKey: .y))
        parentName = try c.superDecoder(forKey: .parent).singleValueContainer().decode(String.self)
        nothing = try c.decodeNil(forKey: .nothing) ? nil : try c.decode(Int.self, forKey: .nothing)
        var list = try c.nestedUnkeyedContainer(forKey: .list)
        _ = try list.nestedContainer(keyedBy: PointKeys.self)
        _ = try list.superDecoder()
        #expect(try list.decodeNil())
        #expect(list.isAtEnd)
    }
}

/// Reads three integers from an array, to test reading past the end.
private struct Triple: Decodable {
    var values: [Int]
    init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        values = [try c.decode(Int.self), try c.decode(Int.self), try c.decode(Int.self)]
    }
}

private struct Empty: Codable, Equatable {}

private let ada = Person(
    name: "Ada", age: 36, address: Address(street: "12 St James's Square", city: "London"), tags: ["math", "code"],
    nickname: nil)

private func encode<T: Encodable>(_ value: T) throws -> RpcValue { try RpcValueEncoder().encode(value) }
private func decode<T: Decodable>(_ type: T.Type, _ value: RpcValue) throws -> T {
    try RpcValueDecoder().decode(type, from: value)
}

/// The `RpcError` `body` throws (failing the test if it throws nothing or something else).
private func rpcError(_ body: () throws -> Void) -> RpcError? {
    do {
        try body()
        Issue.record("expected an RpcError, but nothing was thrown")
    } catch let error as RpcError {
        return error
    } catch {
        Issue.record("expected an RpcError, got \(error)")
    }
    return nil
}

// MARK: - Tests

@Suite struct CodableBridgeTests {
    // MARK: Structs

    @Test func structEncodesAsAnObjectWithKeysInDeclarationOrder() throws {
        let value = try encode(ada)
        #expect(
            value.description
                == #"{ name: "Ada", age: 36, address: { street: "12 St James's Square", city: "London" }, tags: ["math", "code"] }"#)
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        #expect(object.keys == ["name", "age", "address", "tags"])
        #expect(try decode(Person.self, value) == ada)
    }

    @Test func rpcCodableNeedsNoOtherCode() throws {
        var person = ada
        person.nickname = "Countess"
        let value = try person.rpcValue()
        #expect(value["nickname"] == "Countess")
        #expect(value["address"]["city"] == "London")
        #expect(try Person(rpc: value) == person)
        // Arrays and optionals of RpcCodable types work through the existing conformances.
        #expect(try [person, ada].rpcValue() == .array([value, try ada.rpcValue()]))
        #expect(try [Person](rpc: .array([value])) == [person])
        #expect(try Person?(rpc: .null) == nil)
    }

    @Test func nestedStructsRoundTrip() throws {
        let account = Account(user: ada)
        let value = try account.rpcValue()
        #expect(value["user"]["address"]["street"] == "12 St James's Square")
        #expect(try Account(rpc: value) == account)
    }

    @Test func unknownKeysAreIgnored() throws {
        var value = try ada.rpcValue()
        if case .object(var object) = value {
            object["extra"] = 1
            value = .object(object)
        }
        #expect(try Person(rpc: value) == ada)
    }

    @Test func emptyStructIsAnEmptyObject() throws {
        #expect(try encode(Empty()).description == "{}")
        #expect(try decode(Empty.self, [:]) == Empty())
    }

    @Test func classesEncodeTheirSuperclassUnderSuper() throws {
        let dog = Dog(name: "Rex", breed: "collie")
        let value = try dog.rpcValue()
        #expect(value.description == #"{ breed: "collie", super: { name: "Rex" } }"#)
        let back = try Dog(rpc: value)
        #expect(back.name == "Rex")
        #expect(back.breed == "collie")
    }

    @Test func everyContainerKindByHand() throws {
        let handmade = Handmade(matrix: [[1, 2], [], [3]], origin: (x: 4, y: -5), parentName: "root", nothing: nil)
        let value = try encode(handmade)
        #expect(
            value.description
                == #"{ matrix: [[1, 2], [], [3]], origin: { x: 4, y: -5 }, parent: "root", nothing: undefined, list: [{ x: 1 }, "super", undefined] }"#)
        #expect(try decode(Handmade.self, value) == handmade)
    }

    @Test func encodingTheSameKeyTwiceKeepsTheLastValueInTheFirstPosition() throws {
        struct Twice: Encodable {
            enum K: String, CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: K.self)
                try c.encode(1, forKey: .a)
                try c.encode(2, forKey: .b)
                try c.encode("again", forKey: .a)
            }
        }
        #expect(try encode(Twice()).description == #"{ a: "again", b: 2 }"#)
    }

    // MARK: Optionals

    @Test func nilIsLeftOutOrUndefined() throws {
        #expect(try encode(ada)["nickname"] == .undefined)
        guard case .object(let object) = try encode(ada) else { return }
        #expect(object["nickname"] == nil)  // absent, not present-and-undefined
        #expect(try encode(Int?.none) == .undefined)
        #expect(try encode([1, nil, 3] as [Int?]).description == "[1, undefined, 3]")
    }

    @Test func optionalsDecodeFromMissingUndefinedAndNull() throws {
        let base: RpcObject = RpcObject([
            ("name", "Ada"), ("age", 36), ("address", ["street": "s", "city": "c"]), ("tags", []),
        ])
        for nickname in [nil, RpcValue.undefined, .null] {
            var object = base
            object["nickname"] = nickname
            #expect(try decode(Person.self, .object(object)).nickname == nil)
        }
        var object = base
        object["nickname"] = "A"
        #expect(try decode(Person.self, .object(object)).nickname == "A")
        #expect(try decode([Int?].self, [1, .null, .undefined]) == [1, nil, nil])
        #expect(try decode(Int?.self, .undefined) == nil)
        #expect(try decode(Int?.self, .null) == nil)
        #expect(try decode(Int?.self, 7) == 7)
    }

    // MARK: Enums

    @Test func enumsWithRawValuesTravelAsTheirRawValue() throws {
        #expect(try encode(Role.admin) == "admin")
        #expect(try encode(Level.high) == 3)
        #expect(try encode([Role.guest, .admin]).description == #"["guest", "admin"]"#)
        #expect(try decode(Role.self, "guest") == .guest)
        #expect(try decode(Level.self, 1) == .low)
    }

    @Test func unknownRawValueIsATypeErrorWithThePath() throws {
        struct Member: Codable { var role: Role }
        let error = rpcError { _ = try decode(Member.self, ["role": "owner"]) }
        #expect(error?.name == "TypeError")
        #expect(error?.message == "Cannot initialize Role from invalid String value owner (at role)")
        #expect(error?.path == "role")
    }

    @Test func enumsWithAssociatedValuesRoundTrip() throws {
        let shapes: [Shape] = [.circle(radius: 1.5), .square(side: 2), .point]
        let value = try encode(shapes)
        #expect(value.description == "[{ circle: { radius: 1.5 } }, { square: { side: 2 } }, { point: {} }]")
        #expect(try decode([Shape].self, value) == shapes)
    }

    // MARK: Numbers

    @Test func everyNumericTypeRoundTrips() throws {
        let numbers = Numbers(
            i8: -128, u8: 255, i16: -32768, u16: 65535, i32: -2_147_483_648, u32: 4_294_967_295,
            i64: -9_007_199_254_740_991, u64: 9_007_199_254_740_991, int: 42, uint: 7, i128: -5, u128: 5,
            float: 0.1, double: -0.0)
        let value = try encode(numbers)
        #expect(
            value.description
                == "{ i8: -128, u8: 255, i16: -32768, u16: 65535, i32: -2147483648, u32: 4294967295, i64: -9007199254740991, u64: 9007199254740991, int: 42, uint: 7, i128: -5, u128: 5, float: 0.1, double: -0 }"
        )
        // A Float travels as its shortest decimal (0.1), not as 0.10000000149011612.
        #expect(value["float"].numberValue == 0.1)
        let back = try decode(Numbers.self, value)
        #expect(back == numbers)
        #expect(back.double.sign == .minus)
    }

    @Test func specialDoublesSurvive() throws {
        let value = try encode([Double.nan, -0.0, .infinity, -.infinity])
        #expect(value.description == "[NaN, -0, Infinity, -Infinity]")
        let back = try decode([Double].self, value)
        #expect(back[0].isNaN)
        #expect(back[1] == 0 && back[1].sign == .minus)
        #expect(back[2] == .infinity && back[3] == -.infinity)
        #expect(try decode(Float.self, .number(.infinity)) == .infinity)
        #expect(try decode(Float.self, .number(.nan)).isNaN)
    }

    @Test func integersMustBeIntegral() throws {
        let error = rpcError { _ = try decode(Person.self, try ada.rpcValue().replacing("age", with: 36.5)) }
        #expect(error?.name == "TypeError")
        #expect(error?.message == "Expected an integer at age, but received 36.5.")
        #expect(error?.path == "age")
        #expect(rpcError { _ = try decode(Int.self, .number(.nan)) }?.message == "Expected an integer, but received NaN.")
        #expect(
            rpcError { _ = try decode(Int.self, .number(.infinity)) }?.message
                == "Expected an integer, but received Infinity.")
        #expect(try decode(Int.self, .number(-0.0)) == 0)
    }

    @Test func integersMustBeInRange() throws {
        #expect(
            rpcError { _ = try decode(Int8.self, 300) }?.message == "Expected an integer from -128 to 127, but received 300.")
        #expect(rpcError { _ = try decode(UInt8.self, -1) }?.message == "Expected an integer from 0 to 255, but received -1.")
        #expect(
            rpcError { _ = try decode(UInt32.self, 4_294_967_296) }?.message
                == "Expected an integer from 0 to 4294967295, but received 4294967296.")
        #expect(
            rpcError { _ = try decode(Int.self, 9_007_199_254_740_992) }?.message
                == "Expected an integer from -9007199254740991 to 9007199254740991, but received 9007199254740992.")
        #expect(
            rpcError { _ = try decode(UInt64.self, 9_007_199_254_740_992) }?.message
                == "Expected an integer from 0 to 9007199254740991, but received 9007199254740992.")
        #expect(try decode(Int16.self, -32768) == -32768)
        #expect(try decode(UInt16.self, 65535) == 65535)
    }

    @Test func unsafeIntegersAreRefusedWhenEncoding() throws {
        struct Row: Encodable { var id: Int64 }
        let error = rpcError { _ = try encode(Row(id: 9_007_199_254_740_993)) }
        #expect(error?.name == "DataCloneError")
        #expect(
            error?.message
                == "9007199254740993 cannot be sent as a number without losing precision (integers are exact only up to ±9007199254740991); use RpcBigInt or String instead. (at id)"
        )
        #expect(error?.path == "id")
        #expect(rpcError { _ = try encode([UInt64.max]) }?.path == "[0]")
        #expect(rpcError { _ = try encode(Int.min) }?.path == nil)
        #expect(try encode(Int64(-9_007_199_254_740_991)) == .number(-9_007_199_254_740_991))
    }

    @Test func floatOverflowIsRefused() throws {
        struct Ratio: Codable { var ratio: Float }
        let error = rpcError { _ = try decode(Ratio.self, ["ratio": 1e300]) }
        #expect(error?.message == "Expected a number in the range of Float at ratio, but received 1e+300.")
        #expect(try decode(Float.self, 1.5) == 1.5)
    }

    // MARK: Dates, Data, URL

    @Test func datesTravelAsWholeMilliseconds() throws {
        #expect(try encode(Date(timeIntervalSince1970: 1.5)) == .date(1500))
        // Near 1970, Date's 2001-based storage adds binary noise (0.001 s reads back as
        // 1.000046730041504 ms); the encoder rounds it away.
        #expect(try encode(Date(timeIntervalSince1970: 0.001)) == .date(1))
        #expect(try encode(Date(timeIntervalSince1970: -0.001)) == .date(-1))
        for ms in [0.0, 1, -1, 1_700_000_000_123, 8.64e15, -8.64e15, 1_234_567_890_123] {
            #expect(try encode(try decode(Date.self, .date(ms))) == .date(ms), "ms \(ms)")
        }
        // Beyond ±8.64e15 ms a JavaScript Date is invalid (TimeClip).
        #expect(try encode(Date(timeIntervalSince1970: 8.64e12 + 1)).description == "Invalid Date")
        #expect(try encode(Date.distantFuture) == .date(64_092_211_200_000))
    }

    @Test func dataIsAUint8Array() throws {
        let value = try encode(Data("hello".utf8))
        #expect(value.description == "Uint8Array(5) 68656c6c6f")
        #expect(value == .bytes(RpcBytes([104, 101, 108, 108, 111], kind: .uint8)))
        // Any kind of binary value decodes as Data.
        #expect(try decode(Data.self, .bytes(RpcBytes([1, 2], kind: .arrayBuffer))) == Data([1, 2]))
        #expect(try decode(Data.self, .bytes(RpcBytes([]))) == Data())
    }

    @Test func scheduleRoundTrips() throws {
        let schedule = Schedule(
            when: Date(timeIntervalSince1970: 1_700_000_000.123), payload: Data([0, 255]),
            link: URL(string: "https://example.com/a?b=c")!)
        let value = try encode(schedule)
        #expect(
            value.description
                == #"{ when: Date(1700000000123), payload: Uint8Array(2) 00ff, link: "https://example.com/a?b=c" }"#)
        #expect(try decode(Schedule.self, value) == schedule)
    }

    @Test func dateDataAndURLMismatches() throws {
        #expect(
            rpcError { _ = try decode(Schedule.self, ["when": .date(.nan)]) }?.message
                == "Expected a valid Date at when, but received Invalid Date.")
        #expect(
            rpcError { _ = try decode(Schedule.self, ["when": 5]) }?.message
                == "Expected a valid Date at when, but received 5.")
        #expect(
            rpcError { _ = try decode(Schedule.self, ["when": .date(0), "payload": "x"]) }?.message
                == #"Expected bytes at payload, but received "x"."#)
        #expect(
            rpcError { _ = try decode(Schedule.self, ["when": .date(0), "payload": .bytes(RpcBytes([])), "link": ""]) }?
                .message == #"Expected a URL string at link, but received ""."#)
    }

    // MARK: Dictionaries and sets

    @Test func dictionariesAndSetsBecomeObjectsMapsAndSetsInSortedOrder() throws {
        let maps = Maps(
            byName: ["b": 2, "a": 1, "c d": 3], byId: [10: "ten", -1: "minus one", 2: "two"],
            byRole: [.guest: 0, .admin: 9], ids: [3, 1, 2])
        let value = try encode(maps)
        #expect(value["byName"].description == #"{ a: 1, b: 2, "c d": 3 }"#)
        #expect(value["byId"].description == #"Map(3) { -1 => "minus one", 2 => "two", 10 => "ten" }"#)
        #expect(value["byRole"].description == #"Map(2) { "admin" => 9, "guest" => 0 }"#)
        #expect(value["ids"].description == "Set(3) { 1, 2, 3 }")
        #expect(try decode(Maps.self, value) == maps)
        // The same value encodes identically every time (Swift's hash order is not used).
        #expect(try encode(maps).description == value.description)
    }

    @Test func setsAlsoDecodeFromArrays() throws {
        #expect(try decode(Set<String>.self, ["a", "b", "a"]) == ["a", "b"])
        #expect(
            rpcError { _ = try decode(Set<Int>.self, ["a": 1]) }?.message == "Expected a Set, but received { a: 1 }.")
        #expect(
            rpcError { _ = try decode(Set<Int>.self, .set([1, "x"])) }?.message
                == #"Expected a number at [1], but received "x"."#)
    }

    @Test func dictionaryMismatchesNameTheKey() throws {
        #expect(
            rpcError { _ = try decode([String: Int].self, .map([RpcMapEntry("a", 1)])) }?.message
                == #"Expected an object, but received Map(1) { "a" => 1 }."#)
        #expect(
            rpcError { _ = try decode([Int: String].self, ["a": "x"]) }?.message
                == #"Expected a Map, but received { a: "x" }."#)
        #expect(
            rpcError { _ = try decode(Maps.self, ["byName": ["ok": 1, "b c": "x"]]) }?.message
                == #"Expected a number at byName["b c"], but received "x"."#)
        let badKey = rpcError {
            _ = try decode([Int: String].self, .map([RpcMapEntry(1, "one"), RpcMapEntry("two", "2")]))
        }
        #expect(badKey?.message == #"Expected a number at ["two"], but received "two"."#)
        #expect(badKey?.path == #"["two"]"#)
        #expect(
            rpcError { _ = try decode([Int: Int].self, .map([RpcMapEntry(1, "one")])) }?.message
                == #"Expected a number at [1], but received "one"."#)
    }

    // MARK: RpcValue, Stub and RpcBigInt inside Codable types

    @Test func rpcValueFieldsPassThroughUnchanged() throws {
        let payloads: [RpcValue] = [
            .undefined, .null, .bigint(RpcBigInt("-12345678901234567890")!), .regexp(source: "a+", flags: "g"),
            .map([RpcMapEntry(.number(1), .set(["x"]))]), .error(.typeError("m")), .date(.nan),
            .object(RpcObject([("z", 1), ("a", [.undefined])])),
        ]
        for payload in payloads {
            let envelope = Envelope(kind: "k", payload: payload, extra: nil)
            let value = try envelope.rpcValue()
            guard case .object(let object) = value else { Issue.record("not an object"); continue }
            #expect(object.keys == ["kind", "payload"])
            #expect(object["payload"].map { $0.isSameValue(payload) } == true, "\(payload)")
            #expect(try Envelope(rpc: value).payload == payload)
        }
        let withExtra = try Envelope(kind: "k", payload: 1, extra: [1, "two"]).rpcValue()
        #expect(withExtra.description == #"{ kind: "k", payload: 1, extra: [1, "two"] }"#)
        #expect(try Envelope(rpc: withExtra).extra == [1, "two"])
        // A whole value decodes as itself, and encodes as itself.
        #expect(try decode(RpcValue.self, withExtra) == withExtra)
        #expect(try encode(withExtra) == withExtra)
    }

    @Test func stubFieldsPassThroughUnchanged() throws {
        let runtime = try Runtime(
            configuration: RuntimeConfiguration(workers: [WorkerConfig(name: "w")]), modules: [])
        let stub = Stub(runtime: runtime, id: StubID(4), kind: .function)
        let value = try Job(name: "tick", callback: stub).rpcValue()
        #expect(value.description == #"{ name: "tick", callback: ƒ stub4 }"#)
        #expect(value["callback"].stubValue?.id == StubID(4))
        #expect(try Job(rpc: value).callback.id == StubID(4))
        let error = rpcError { _ = try Job(rpc: ["name": "tick", "callback": 1]) }
        #expect(error?.message == "Expected a stub at callback, but received 1.")
    }

    @Test func aRemoteMethodNamedEncodeIsReachedThroughTheSubscript() throws {
        // `Stub: Encodable` adds a real `encode(to:)` member, which shadows the dynamic member
        // `stub.encode`; the subscript still reaches it, and nested paths are unaffected.
        let runtime = try Runtime(
            configuration: RuntimeConfiguration(workers: [WorkerConfig(name: "w")]), modules: [])
        let stub = Stub(runtime: runtime, id: StubID(1), kind: .rpcTarget)
        #expect(stub[dynamicMember: "encode"].path == ["encode"])
        #expect(stub.codec.encode.path == ["codec", "encode"])
    }

    @Test func bigIntKeysSortNumerically() throws {
        let totals: [RpcBigInt: String] = [
            RpcBigInt(10): "ten", RpcBigInt(-3): "minus three", RpcBigInt("-10")!: "minus ten", RpcBigInt(2): "two",
        ]
        let value = try encode(totals)
        #expect(value.description == #"Map(4) { -10n => "minus ten", -3n => "minus three", 2n => "two", 10n => "ten" }"#)
        #expect(try decode([RpcBigInt: String].self, value) == totals)
    }

    @Test func bigIntFieldsAreBigInts() throws {
        struct Invoice: Codable, Equatable { var total: RpcBigInt }
        let invoice = Invoice(total: RpcBigInt("123456789012345678901234567890")!)
        let value = try encode(invoice)
        #expect(value.description == "{ total: 123456789012345678901234567890n }")
        #expect(try decode(Invoice.self, value) == invoice)
        #expect(
            rpcError { _ = try decode(Invoice.self, ["total": 5]) }?.message
                == "Expected a bigint at total, but received 5.")
        // Other coders carry it as its decimal string.
        let json = try JSONEncoder().encode(invoice)
        #expect(String(decoding: json, as: UTF8.self) == #"{"total":"123456789012345678901234567890"}"#)
        #expect(try JSONDecoder().decode(Invoice.self, from: json) == invoice)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Invoice.self, from: Data(#"{"total":"1.5"}"#.utf8)) }
    }

    @Test func otherCodersRefuseRpcValuesAndStubs() throws {
        let envelope = Envelope(kind: "k", payload: 1, extra: nil)
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(envelope) }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Envelope.self, from: Data(#"{"kind":"k","payload":1}"#.utf8))
        }
    }

    // MARK: Error messages with coding paths

    @Test func mismatchesNameTheCodingPath() throws {
        var user = try ada.rpcValue()
        user = user.replacing("age", with: "x")
        let error = rpcError { _ = try Account(rpc: ["user": user]) }
        #expect(error?.name == "TypeError")
        #expect(error?.message == #"Expected a number at user.age, but received "x"."#)
        #expect(error?.path == "user.age")

        let missing = rpcError { _ = try Account(rpc: ["user": ["age": 1]]) }
        #expect(missing?.message == "Expected a string at user.name, but received undefined.")

        let notAnObject = rpcError { _ = try Account(rpc: ["user": .null]) }
        #expect(notAnObject?.message == "Expected an object at user, but received null.")

        let inArray = rpcError {
            _ = try decode([Person].self, [try ada.rpcValue(), try ada.rpcValue().replacing("tags", with: ["a", 2])])
        }
        #expect(inArray?.message == "Expected a string at [1].tags[1], but received 2.")
        #expect(inArray?.path == "[1].tags[1]")

        let notAnArray = rpcError { _ = try decode(Person.self, try ada.rpcValue().replacing("tags", with: "a")) }
        #expect(notAnArray?.message == #"Expected an array at tags, but received "a"."#)

        let topLevel = rpcError { _ = try decode(Int.self, "x") }
        #expect(topLevel?.message == #"Expected a number, but received "x"."#)
        #expect(topLevel?.path == nil)
        #expect(rpcError { _ = try decode(Bool.self, 1) }?.message == "Expected a boolean, but received 1.")
        #expect(rpcError { _ = try decode(String.self, true) }?.message == "Expected a string, but received true.")
    }

    @Test func longValuesAreCutInMessages() throws {
        let long = RpcValue.string(String(repeating: "a", count: 100))
        let message = rpcError { _ = try decode(Int.self, long) }?.message
        #expect(message == "Expected a number, but received \"\(String(repeating: "a", count: 58))….")
    }

    @Test func readingPastTheEndOfAnArrayReadsUndefined() throws {
        #expect(try decode(Triple.self, [1, 2, 3]).values == [1, 2, 3])
        let error = rpcError { _ = try decode(Triple.self, [1, 2]) }
        #expect(error?.message == "Expected a number at [2], but received undefined.")
    }

    @Test func userInfoReachesTheCodableImplementations() throws {
        let key = CodingUserInfoKey(rawValue: "unit")!
        struct Probe: Codable {
            static let key = CodingUserInfoKey(rawValue: "unit")!
            init() {}
            init(from decoder: any Decoder) throws {
                #expect(decoder.userInfo[Self.key] as? String == "cm")
            }
            func encode(to encoder: any Encoder) throws {
                #expect(encoder.userInfo[Self.key] as? String == "cm")
                var c = encoder.singleValueContainer()
                try c.encode("probe")
            }
        }
        #expect(try RpcValueEncoder(userInfo: [key: "cm"]).encode([Probe()]) == ["probe"])
        _ = try RpcValueDecoder(userInfo: [key: "cm"]).decode([Probe].self, from: ["probe"])
    }

    @Test func encodingErrorsBecomeDataCloneErrors() throws {
        struct Refuses: Encodable {
            func encode(to encoder: any Encoder) throws {
                throw EncodingError.invalidValue(
                    0, .init(codingPath: encoder.codingPath, debugDescription: "Refuses to be sent."))
            }
        }
        struct Holder: Encodable { var inner: [Refuses] }
        let error = rpcError { _ = try encode(Holder(inner: [Refuses()])) }
        #expect(error?.name == "DataCloneError")
        #expect(error?.message == "Refuses to be sent. (at inner[0])")
        #expect(error?.path == "inner[0]")
    }

    @Test func otherErrorsPassThrough() throws {
        struct Custom: Error, Equatable {}
        struct Throws: Decodable { init(from decoder: any Decoder) throws { throw Custom() } }
        #expect(throws: Custom()) { try decode(Throws.self, 1) }
    }
}

// MARK: - End to end

private final class PeopleService: WorkerEntrypoint, RpcInterface {
    func birthday(_ person: Person) -> Person {
        var older = person
        older.age += 1
        return older
    }
    static let rpc = Members<PeopleService> { $0.method("birthday", PeopleService.birthday) }
}

@Suite struct CodableBridgeEndToEndTests {
    private func runtime() throws -> Runtime {
        try Runtime(
            configuration: RuntimeConfiguration(workers: [
                WorkerConfig(name: "client", services: [ServiceBindingConfig(binding: "PEOPLE", service: "people")]),
                WorkerConfig(name: "people", main: "people"),
            ]),
            modules: [WorkerModule("people") { $0.entrypoint(PeopleService.self, isDefault: true) }])
    }

    @Test func rpcCodableStructIsAParameterAndAResult() throws {
        let older: Person = try runtime().run { env, _ in try await env.PEOPLE.birthday(ada) }
        #expect(older.age == 37)
        #expect(older.address == ada.address)
    }

    @Test func aMismatchedArgumentIsATypeErrorNamingTheField() throws {
        let error = rpcError {
            let _: RpcValue = try runtime().run { env, _ in
                try await env.PEOPLE.birthday(["name": "Ada", "age": "x"])
            }
        }
        #expect(error?.name == "TypeError")
        #expect(error?.message == #"Argument 1: Expected a number at age, but received "x"."#)
    }
}

extension RpcValue {
    /// A copy of this object with `key` set to `value`.
    fileprivate func replacing(_ key: String, with value: RpcValue) -> RpcValue {
        guard case .object(var object) = self else { return self }
        object[key] = value
        return .object(object)
    }
}
