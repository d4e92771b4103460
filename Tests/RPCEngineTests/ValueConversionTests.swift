import Foundation
import Testing
@testable import RPCEngine

// Conversions between Swift types and `RpcValue` (`RpcEncodable` / `RpcDecodable`), which is how
// method parameters and results are checked (§1.4, §2: a mismatch is a `TypeError`), and the
// value types of §3.1 that need their own parsing: `bigint` (`RpcBigInt`) and binary data
// (`RpcBytes`, which keeps the typed-array kind). Also the JavaScript-flavoured accessors
// (`typeof`, truthiness, property reads) and literals.

/// `value.rpcValue()` through the protocol, so a type whose conformance does not throw needs no
/// `try` at the call site here.
private func rpc(_ value: some RpcEncodable) throws -> RpcValue { try value.rpcValue() }

/// The message of the `RpcError` that decoding `value` as `T` throws.
private func mismatch<T: RpcDecodable>(_ type: T.Type, _ value: RpcValue) -> String? {
    do {
        _ = try T(rpc: value)
        Issue.record("\(value) decoded as \(T.self)")
    } catch let error as RpcError {
        #expect(error.name == "TypeError")
        return error.message
    } catch {
        Issue.record("unexpected \(error)")
    }
    return nil
}

@Suite struct RpcBigIntTests {
    @Test(arguments: [
        ("0", "0"), ("10", "10"), ("-5", "-5"), ("007", "7"), ("-007", "-7"), ("-0", "0"), ("000", "0"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
    ])
    func parsesCanonically(_ text: String, _ decimal: String) throws {
        let value = try #require(RpcBigInt(text))
        #expect(value.decimal == decimal)
        #expect(value.description == decimal)
    }

    @Test(arguments: ["", "-", "+5", "--1", "1.5", " 1", "1 ", "1e3", "0x10", "١٢", "12a", "-+1"])
    func rejectsAnythingElse(_ text: String) {
        #expect(RpcBigInt(text) == nil)
    }

    @Test func fromIntAndZero() {
        #expect(RpcBigInt(Int.min).decimal == "-9223372036854775808")
        #expect(RpcBigInt(Int.max).decimal == "9223372036854775807")
        #expect(RpcBigInt(0).isZero)
        #expect(RpcBigInt("-000")!.isZero)
        #expect(!RpcBigInt(-1).isZero)
        #expect(RpcBigInt("0042") == RpcBigInt(42))
    }
}

@Suite struct RpcBytesTests {
    @Test func hexRoundTrips() throws {
        let hello = try #require(RpcBytes(hex: "68656c6c6f"))
        #expect(hello.data == Array("hello".utf8))
        #expect(hello.kind == .uint8)
        #expect(hello.hex == "68656c6c6f")
        let all = RpcBytes((0...255).map { UInt8($0) })
        #expect(all.hex.count == 512)
        #expect(all.hex.hasPrefix("000102"))
        #expect(all.hex.hasSuffix("fdfeff"))
        #expect(RpcBytes(hex: all.hex) == all)
    }

    @Test func upperCaseHexIsAcceptedAndPrintedLowerCase() throws {
        let bytes = try #require(RpcBytes(hex: "DEADbeef", kind: .arrayBuffer))
        #expect(bytes.data == [0xde, 0xad, 0xbe, 0xef])
        #expect(bytes.kind == .arrayBuffer)
        #expect(bytes.hex == "deadbeef")
    }

    @Test func emptyHexIsEmptyBytes() throws {
        let empty = try #require(RpcBytes(hex: ""))
        #expect(empty.data.isEmpty)
        #expect(empty.hex == "")
    }

    @Test(arguments: ["0", "abc", "0g", "zz", "g0", "é1", "éé", " 00", "0x00", "-1"])
    func invalidHexIsRejected(_ text: String) {
        #expect(RpcBytes(hex: text) == nil)
    }

    @Test func kindIsPartOfTheValue() {
        #expect(RpcBytes([1], kind: .int8) != RpcBytes([1], kind: .uint8))
        #expect(RpcBytes.Kind.allCases.count == 13)
        #expect(RpcBytes.Kind.uint8Clamped.rawValue == "Uint8ClampedArray")
        #expect(RpcBytes.Kind.bigInt64.rawValue == "BigInt64Array")
    }
}

@Suite struct ValueConversionTests {
    // MARK: Int

    @Test func intConverts() throws {
        #expect(try rpc(42) == .number(42))
        #expect(try rpc(-7) == .number(-7))
        #expect(try Int(rpc: 42) == 42)
        #expect(try Int(rpc: .number(-0.0)) == 0)
        #expect(try Int(rpc: 9_007_199_254_740_991) == 9_007_199_254_740_991)
        #expect(try Int(rpc: -9_007_199_254_740_991) == -9_007_199_254_740_991)
        #expect(try Int(rpc: 1e15) == 1_000_000_000_000_000)
    }

    @Test func intRejectsNonIntegralNumbers() {
        #expect(mismatch(Int.self, 1.5) == "Expected an integer, but received 1.5.")
        #expect(mismatch(Int.self, -0.25) == "Expected an integer, but received -0.25.")
        #expect(mismatch(Int.self, .number(.nan)) == "Expected an integer, but received NaN.")
    }

    @Test func intRejectsOutOfRangeNumbers() {
        #expect(mismatch(Int.self, 9_007_199_254_740_992) == "Expected an integer, but received 9007199254740992.")
        #expect(mismatch(Int.self, -9_007_199_254_740_992) == "Expected an integer, but received -9007199254740992.")
        #expect(mismatch(Int.self, 1e21) == "Expected an integer, but received 1e+21.")
        #expect(mismatch(Int.self, .number(.infinity)) == "Expected an integer, but received Infinity.")
        #expect(mismatch(Int.self, .number(-.infinity)) == "Expected an integer, but received -Infinity.")
    }

    @Test func intRejectsOtherKinds() {
        #expect(mismatch(Int.self, "1") == #"Expected an integer, but received "1"."#)
        #expect(mismatch(Int.self, .undefined) == "Expected an integer, but received undefined.")
        #expect(mismatch(Int.self, .bigint(RpcBigInt(1))) == "Expected an integer, but received 1n.")
        #expect(mismatch(Int.self, true) == "Expected an integer, but received true.")
    }

    @Test func intsBeyondTwoToThe53AreRefusedWhenEncoding() throws {
        #expect(throws: RpcError.self) { _ = try rpc(Int.max) }
        #expect(try rpc(9_007_199_254_740_991) == .number(9_007_199_254_740_991))
    }

    @Test func decodingAHugeNumberAsIntDoesNotCrash() {
        #expect(mismatch(Int.self, .number(9_223_372_036_854_775_808)) == "Expected an integer, but received 9223372036854776000.")
    }

    // MARK: Double, String, Bool

    @Test func doubleConvertsEveryNumber() throws {
        #expect(try rpc(1.5) == .number(1.5))
        #expect(try Double(rpc: 1.5) == 1.5)
        #expect(try Double(rpc: .number(.nan)).isNaN)
        #expect(try Double(rpc: .number(-0.0)).sign == .minus)
        #expect(try Double(rpc: .number(.infinity)) == .infinity)
        #expect(mismatch(Double.self, "1.5") == #"Expected a number, but received "1.5"."#)
        #expect(mismatch(Double.self, .date(0)) == "Expected a number, but received Date(0).")
    }

    @Test func stringConverts() throws {
        #expect(try rpc("héllo") == "héllo")
        #expect(try String(rpc: "") == "")
        #expect(mismatch(String.self, 1) == "Expected a string, but received 1.")
        #expect(mismatch(String.self, .null) == "Expected a string, but received null.")
    }

    @Test func boolConverts() throws {
        #expect(try rpc(true) == .bool(true))
        #expect(try Bool(rpc: false) == false)
        // No truthiness coercion.
        #expect(mismatch(Bool.self, 1) == "Expected a boolean, but received 1.")
        #expect(mismatch(Bool.self, "true") == #"Expected a boolean, but received "true"."#)
    }

    @Test func messagesCutLongValues() {
        let long = RpcValue.array((1...40).map { .number(Double($0)) })
        #expect(
            mismatch(String.self, long)
                == "Expected a string, but received [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,….")
    }

    // MARK: Date

    @Test func dateConverts() throws {
        #expect(try rpc(Date(timeIntervalSince1970: 1_700_000_000.123)) == .date(1_700_000_000_123))
        #expect(try Date(rpc: .date(1500)) == Date(timeIntervalSince1970: 1.5))
        #expect(mismatch(Date.self, .date(.nan)) == "Expected a valid Date, but received Invalid Date.")
        #expect(mismatch(Date.self, 0) == "Expected a valid Date, but received 0.")
    }

    @Test func dateRoundTripsWholeMilliseconds() throws {
        #expect(try rpc(try Date(rpc: .date(1))) == .date(1))
        #expect(try rpc(Date(timeIntervalSince1970: -0.001)) == .date(-1))
        // Far from 1970 the noise is below a millisecond's resolution.
        #expect(try rpc(try Date(rpc: .date(1_700_000_000_123))) == .date(1_700_000_000_123))
    }

    // MARK: Bytes, bigint, errors, values, stubs

    @Test func valueTypesConvertToThemselves() throws {
        let bytes = RpcBytes([1, 2], kind: .int16)
        #expect(try rpc(bytes) == .bytes(bytes))
        #expect(try RpcBytes(rpc: .bytes(bytes)) == bytes)
        #expect(mismatch(RpcBytes.self, [1, 2]) == "Expected bytes, but received [1, 2].")
        let big = RpcBigInt("-99999999999999999999")!
        #expect(try rpc(big) == .bigint(big))
        #expect(try RpcBigInt(rpc: .bigint(big)) == big)
        #expect(mismatch(RpcBigInt.self, 1) == "Expected a bigint, but received 1.")
        let error = RpcError.rangeError("too far")
        #expect(try rpc(error) == .error(error))
        #expect(try RpcError(rpc: .error(error)) == error)
        #expect(mismatch(RpcError.self, "too far") == #"Expected an Error, but received "too far"."#)
        let value: RpcValue = ["a": [1, .undefined]]
        #expect(try rpc(value) == value)
        #expect(RpcValue(rpc: value) == value)
    }

    @Test func stubConverts() throws {
        let runtime = try Runtime(configuration: RuntimeConfiguration(workers: [WorkerConfig(name: "w")]), modules: [])
        let stub = Stub(runtime: runtime, id: StubID(3), kind: .function)
        #expect(try rpc(stub) == .stub(stub))
        #expect(try Stub(rpc: .stub(stub)).id == StubID(3))
        #expect(mismatch(Stub.self, .null) == "Expected a stub, but received null.")
    }

    // MARK: Collections and optionals

    @Test func arraysConvertElementWise() throws {
        #expect(try rpc([1, 2, 3]) == [1, 2, 3])
        #expect(try rpc([String]()) == [])
        #expect(try [Int](rpc: [1, 2]) == [1, 2])
        #expect(try [[String]](rpc: [["a"], []]) == [["a"], []])
        #expect(mismatch([Int].self, ["a": 1]) == "Expected an array, but received { a: 1 }.")
        #expect(mismatch([Int].self, .set([1])) == "Expected an array, but received Set(1) { 1 }.")
        #expect(mismatch([Int].self, [1, "2"]) == #"Expected an integer, but received "2"."#)
    }

    @Test func stringKeyedDictionariesAreObjectsWithSortedKeys() throws {
        let value = try rpc(["b": 2, "a": 1, "c d": 3])
        #expect(value.description == #"{ a: 1, b: 2, "c d": 3 }"#)
        #expect(try [String: Int](rpc: value) == ["a": 1, "b": 2, "c d": 3])
        #expect(try [String: Int](rpc: [:]) == [:])
        #expect(mismatch([String: Int].self, [1]) == "Expected an object, but received [1].")
        #expect(mismatch([String: Int].self, ["a": "x"]) == #"Expected an integer, but received "x"."#)
    }

    @Test func optionalsTreatUndefinedAndNullAsNil() throws {
        #expect(try rpc(Int?.none) == .undefined)
        #expect(try rpc(Int?.some(3)) == 3)
        #expect(try Int?(rpc: .undefined) == nil)
        #expect(try Int?(rpc: .null) == nil)
        #expect(try Int?(rpc: 4) == 4)
        #expect(mismatch(Int?.self, "4") == #"Expected an integer, but received "4"."#)
        #expect(try rpc([1, nil] as [Int?]) == [1, .undefined])
        #expect(try [Int?](rpc: [.null, 2]) == [nil, 2])
    }

    // MARK: JavaScript-flavoured accessors

    @Test func typeOfMatchesJavaScript() throws {
        let runtime = try Runtime(configuration: RuntimeConfiguration(workers: [WorkerConfig(name: "w")]), modules: [])
        #expect(RpcValue.undefined.typeOf == "undefined")
        #expect(RpcValue.null.typeOf == "object")
        #expect(RpcValue.bool(true).typeOf == "boolean")
        #expect(RpcValue.number(.nan).typeOf == "number")
        #expect(RpcValue.bigint(RpcBigInt(1)).typeOf == "bigint")
        #expect(RpcValue.string("").typeOf == "string")
        #expect(RpcValue.function(RpcFunction { _ in .undefined }).typeOf == "function")
        #expect(RpcValue.stub(Stub(runtime: runtime, id: StubID(1), kind: .rpcTarget)).typeOf == "function")
        for value: RpcValue in [[], [:], .date(0), .map([]), .set([]), .regexp(source: "", flags: ""), .bytes(RpcBytes([]))] {
            #expect(value.typeOf == "object")
            #expect(value.isObject)
        }
        #expect(!RpcValue.null.isObject)
        #expect(!RpcValue.string("x").isObject)
    }

    @Test func truthinessMatchesJavaScript() {
        let falsy: [RpcValue] = [.undefined, .null, false, 0, .number(-0.0), .number(.nan), "", .bigint(RpcBigInt(0))]
        let truthy: [RpcValue] = [
            true, 1, -1, .number(.infinity), "0", " ", .bigint(RpcBigInt(-1)), [], [:], .date(.nan), .set([]),
        ]
        for value in falsy { #expect(!value.isTruthy, "\(value)") }
        for value in truthy { #expect(value.isTruthy, "\(value)") }
    }

    @Test func propertyAndIndexReadsGiveUndefinedWhenAbsent() {
        let value: RpcValue = ["a": [10, 20], "n": .null]
        #expect(value["a"][1] == 20)
        #expect(value["a"][2] == .undefined)
        #expect(value["a"][-1] == .undefined)
        #expect(value["n"] == .null)
        #expect(value["missing"] == .undefined)
        #expect(RpcValue.string("s")["length"] == .undefined)
        #expect(RpcValue.number(1)[0] == .undefined)
        #expect(value["a"].numberValue == nil)
        #expect(value["a"][0].numberValue == 10)
        #expect(RpcValue.string("s").stringValue == "s")
        #expect(RpcValue.bool(true).boolValue == true)
        #expect(RpcValue.number(1).stringValue == nil)
    }

    @Test func literalsBuildTheExpectedCases() {
        let value: RpcValue = [1, 2.5, "three", true, nil, ["k": false]]
        guard case .array(let elements) = value else { Issue.record("not an array"); return }
        #expect(elements[0].numberValue == 1)
        #expect(elements[1].numberValue == 2.5)
        #expect(elements[2].stringValue == "three")
        #expect(elements[3].boolValue == true)
        #expect(elements[4] == .null)  // nil is JavaScript null, not undefined
        #expect(elements[5] == .object(RpcObject([("k", false)])))
    }

    @Test func objectKeepsInsertionOrderAndReplacesInPlace() {
        var object = RpcObject([("b", 1), ("a", 2), ("b", 3)])
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == 3)
        object["c"] = 4
        object["b"] = 5
        #expect(object.keys == ["b", "a", "c"])
        object["a"] = nil
        #expect(object.keys == ["b", "c"])
        #expect(object.count == 2)
        object["a"] = .undefined
        #expect(object.keys == ["b", "c", "a"])  // present with an undefined value
    }
}
