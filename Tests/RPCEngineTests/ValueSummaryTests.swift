import Foundation
import Testing
@testable import RPCEngine

// The value layer itself: the one-line `summary` of every `RpcValue` case (the structured-clone
// set of §3.1 plus the by-reference cases of §3.1 "By reference", and errors, §7), and the
// equality rules scenarios rely on (SameValueZero for `==`, `Object.is` for `isSameValue`).

private final class SummaryCounter: RpcTarget {}

private func runtime() throws -> Runtime {
    try Runtime(configuration: RuntimeConfiguration(workers: [WorkerConfig(name: "w")]), modules: [])
}

@Suite struct ValueSummaryTests {
    // MARK: Primitives

    @Test(arguments: [
        (RpcValue.undefined, "undefined"),
        (.null, "null"),
        (true, "true"),
        (false, "false"),
        (0, "0"),
        (.number(-0.0), "-0"),
        (.number(.nan), "NaN"),
        (.number(.infinity), "Infinity"),
        (.number(-.infinity), "-Infinity"),
        (42, "42"),
        (-7, "-7"),
        (1.5, "1.5"),
        (0.1, "0.1"),
        (-123.456, "-123.456"),
        (1e21, "1e+21"),
        (1.5e300, "1.5e+300"),
        (1e-7, "1e-7"),
        (.number(.leastNonzeroMagnitude), "5e-324"),
        (9_007_199_254_740_992, "9007199254740992"),
        (.bigint(RpcBigInt(10)), "10n"),
        (.bigint(RpcBigInt("-12345678901234567890")!), "-12345678901234567890n"),
        ("", #""""#),
        ("a\"b", #""a\"b""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nbreak\ttab\rcr", #""line\nbreak\ttab\rcr""#),
        ("\u{1}\u{1f}", #""\u0001\u001f""#),
        ("日本 ✓", #""日本 ✓""#),
    ] as [(RpcValue, String)])
    func primitive(_ value: RpcValue, _ expected: String) {
        #expect(value.summary() == expected)
        #expect(value.description == expected)
    }

    // MARK: Objects by value

    @Test(arguments: [
        (RpcValue.bytes(RpcBytes(Array("hello".utf8))), "Uint8Array(5) 68656c6c6f"),
        (.bytes(RpcBytes([0, 255, 16], kind: .arrayBuffer)), "ArrayBuffer(3) 00ff10"),
        (.bytes(RpcBytes([1, 2], kind: .dataView)), "DataView(2) 0102"),
        (.bytes(RpcBytes([0, 0, 128, 63], kind: .float32)), "Float32Array(4) 0000803f"),
        (.date(0), "Date(0)"),
        (.date(1_700_000_000_123), "Date(1700000000123)"),
        (.date(-1), "Date(-1)"),
        (.date(.nan), "Invalid Date"),
        (.regexp(source: "a+", flags: "g"), "/a+/g"),
        (.regexp(source: "^\\d{3}$", flags: ""), "/^\\d{3}$/"),
        ([], "[]"),
        ([1, 2, "three"], #"[1, 2, "three"]"#),
        ([[1], [], [.undefined, .null]], "[[1], [], [undefined, null]]"),
        ([:], "{}"),
        (["a": 1, "b c": 2], #"{ a: 1, "b c": 2 }"#),
        (["$x": 1, "_y": 2, "z9": 3, "9z": 4, "é": 5, "": 6, "a-b": 7],
         #"{ $x: 1, _y: 2, z9: 3, "9z": 4, é: 5, "": 6, "a-b": 7 }"#),
        (["nested": ["deep": [true]]], "{ nested: { deep: [true] } }"),
        (.map([RpcMapEntry("a", 1)]), #"Map(1) { "a" => 1 }"#),
        (.map([RpcMapEntry(1, ["x"]), RpcMapEntry(.null, .map([]))]), #"Map(2) { 1 => ["x"], null => Map(0) {} }"#),
        (.map([]), "Map(0) {}"),
        (.set([1, 2]), "Set(2) { 1, 2 }"),
        (.set(["a", .set([])]), #"Set(2) { "a", Set(0) {} }"#),
        (.set([]), "Set(0) {}"),
        (.error(.typeError("m")), "TypeError: m"),
        (.error(RpcError(name: "MyError", message: "boom", remote: true)), "MyError: boom"),
        (.error(.error("")), "Error: "),
        (.opaque(typeName: "NonRpcClass"), "NonRpcClass {}"),
    ] as [(RpcValue, String)])
    func object(_ value: RpcValue, _ expected: String) {
        #expect(value.summary() == expected)
    }

    @Test func emptyBytesHaveNoTrailingSpace() {
        #expect(RpcValue.bytes(RpcBytes([])).summary() == "Uint8Array(0)")
    }

    @Test func everyBytesKindIsNamedAsInJavaScript() {
        let names = RpcBytes.Kind.allCases.map { RpcValue.bytes(RpcBytes([7], kind: $0)).summary() }
        #expect(
            names == [
                "ArrayBuffer(1) 07", "DataView(1) 07", "Uint8Array(1) 07", "Int8Array(1) 07", "Uint8ClampedArray(1) 07",
                "Uint16Array(1) 07", "Int16Array(1) 07", "Uint32Array(1) 07", "Int32Array(1) 07", "Float32Array(1) 07",
                "Float64Array(1) 07", "BigUint64Array(1) 07", "BigInt64Array(1) 07",
            ])
    }

    // MARK: References

    @Test func referencesRenderByIdentity() throws {
        let runtime = try runtime()
        #expect(RpcValue.stub(Stub(runtime: runtime, id: StubID(4), kind: .rpcTarget)).summary() == "stub4")
        #expect(RpcValue.stub(Stub(runtime: runtime, id: StubID(4), kind: .function)).summary() == "ƒ stub4")
        #expect(RpcValue.promise(RpcPromise(runtime: runtime, id: StubID(9), call: CallID(3))).summary() == "RpcPromise(stub9)")
        #expect(RpcValue.function(RpcFunction { _ in .undefined }).summary() == "[Function]")
        #expect(RpcValue.target(RpcTargetRef(SummaryCounter())).summary() == "RpcTarget(SummaryCounter)")
    }

    // MARK: Limits

    @Test func longValuesAreCutWithAnEllipsis() {
        let numbers = RpcValue.array((1...20).map { .number(Double($0)) })
        #expect(numbers.summary(limit: 10) == "[1, 2, 3,…")
        #expect(numbers.summary(limit: 10).count == 10)
        #expect(numbers.summary().hasSuffix("19, 20]"))
        let string = RpcValue.string(String(repeating: "x", count: 50))
        #expect(string.summary(limit: 8) == #""xxxxxx…"#)
        // Exactly at the limit nothing is cut.
        #expect(RpcValue.string("abcd").summary(limit: 6) == #""abcd""#)
        let object: RpcValue = ["key": .string(String(repeating: "v", count: 200))]
        #expect(object.summary(limit: 20) == #"{ key: "vvvvvvvvvvv…"#)
        #expect(object.description.count == 211)
    }

    // MARK: Numbers as JavaScript prints them

    @Test func hugeIntegersPrintLikeJavaScript() {
        #expect(RpcValue.formatNumber(1e20) == "100000000000000000000")
        #expect(RpcValue.formatNumber(-1.2345678901234568e20) == "-123456789012345680000")
        #expect(RpcValue.formatNumber(18_446_744_073_709_551_616) == "18446744073709552000")
        #expect(RpcValue.formatNumber(1e21) == "1e+21")
    }

    @Test func largeIntegersUseTheShortestDigitsAsJavaScriptDoes() {
        #expect(RpcValue.formatNumber(1_152_921_504_606_846_976) == "1152921504606847000")
    }

    @Test func smallNumbersUseDecimalNotationDownTo1eMinus7() {
        #expect(RpcValue.formatNumber(0.00001) == "0.00001")
        #expect(RpcValue.formatNumber(-0.000001) == "-0.000001")
        #expect(RpcValue.formatNumber(0.0001) == "0.0001")
        #expect(RpcValue.formatNumber(1e-7) == "1e-7")
    }
}

@Suite struct ValueEqualityTests {
    @Test func numbersCompareWithSameValueZero() {
        #expect(RpcValue.number(.nan) == .number(.nan))
        #expect(RpcValue.number(-0.0) == .number(0))
        #expect(RpcValue.number(1) != .number(2))
        #expect(RpcValue.array([.number(.nan), .number(-0.0)]) == [.number(.nan), 0])
        #expect(RpcValue.date(.nan) == .date(.nan))
        #expect(RpcValue.date(0) == .date(-0.0))
        #expect(RpcValue.date(1) != .date(2))
    }

    @Test func isSameValueSeparatesZeroes() {
        #expect(!RpcValue.number(-0.0).isSameValue(.number(0)))
        #expect(!RpcValue.number(0).isSameValue(.number(-0.0)))
        #expect(RpcValue.number(-0.0).isSameValue(.number(-0.0)))
        #expect(RpcValue.number(.nan).isSameValue(.number(.nan)))
        #expect(RpcValue.number(1).isSameValue(1))
        #expect(!RpcValue.number(1).isSameValue("1"))
        // Other values fall back to `==`.
        #expect(RpcValue.string("a").isSameValue("a"))
        #expect(RpcValue.object(RpcObject([("a", 1)])).isSameValue(["a": 1]))
    }

    @Test func kindsNeverEqualEachOther() {
        let values: [RpcValue] = [
            .undefined, .null, false, 0, .bigint(RpcBigInt(0)), "", .bytes(RpcBytes([])), .date(0),
            .regexp(source: "", flags: ""), .map([]), .set([]), [], [:], .error(.error("")), .opaque(typeName: "X"),
        ]
        for (i, a) in values.enumerated() {
            for (j, b) in values.enumerated() {
                #expect((a == b) == (i == j), "\(a) vs \(b)")
            }
        }
    }

    @Test func objectKeyOrderIsIrrelevant() {
        let ab = RpcValue.object(RpcObject([("a", 1), ("b", 2)]))
        let ba = RpcValue.object(RpcObject([("b", 2), ("a", 1)]))
        #expect(ab == ba)
        #expect(ab.description != ba.description)
        #expect(ab != ["a": 1])
        #expect(ab != ["a": 1, "b": 3])
        #expect(ab != ["a": 1, "c": 2])
        // A present-but-undefined key is still a key.
        #expect(RpcValue.object(RpcObject([("a", 1), ("b", .undefined)])) != ["a": 1])
        #expect(RpcObject([("a", 1), ("b", 2)]) == RpcObject([("b", 2), ("a", 1)]))
    }

    @Test func mapSetAndArrayOrderIsRelevant() {
        #expect(RpcValue.map([RpcMapEntry("a", 1), RpcMapEntry("b", 2)]) == .map([RpcMapEntry("a", 1), RpcMapEntry("b", 2)]))
        #expect(RpcValue.map([RpcMapEntry("a", 1), RpcMapEntry("b", 2)]) != .map([RpcMapEntry("b", 2), RpcMapEntry("a", 1)]))
        #expect(RpcValue.map([RpcMapEntry("a", 1)]) != .map([RpcMapEntry("a", 2)]))
        #expect(RpcValue.map([RpcMapEntry("a", 1)]) != .map([RpcMapEntry("a", 1), RpcMapEntry("b", 2)]))
        #expect(RpcValue.set([1, 2]) != .set([2, 1]))
        #expect(RpcValue.set([1, 2]) != [1, 2])
        #expect(RpcValue.array([1, 2]) != [2, 1])
    }

    @Test func bytesRegexpsAndBigIntsCompareByContent() {
        #expect(RpcValue.bytes(RpcBytes([1])) == .bytes(RpcBytes([1])))
        #expect(RpcValue.bytes(RpcBytes([1])) != .bytes(RpcBytes([1], kind: .arrayBuffer)))
        #expect(RpcValue.bytes(RpcBytes([1])) != .bytes(RpcBytes([2])))
        #expect(RpcValue.regexp(source: "a", flags: "g") != .regexp(source: "a", flags: "i"))
        #expect(RpcValue.regexp(source: "a", flags: "g") == .regexp(source: "a", flags: "g"))
        #expect(RpcValue.bigint(RpcBigInt("007")!) == .bigint(RpcBigInt(7)))
        #expect(RpcValue.bigint(RpcBigInt("-0")!) == .bigint(RpcBigInt(0)))
    }

    @Test func errorsCompareByEveryField() {
        #expect(RpcValue.error(.typeError("m")) == .error(.typeError("m")))
        #expect(RpcValue.error(.typeError("m")) != .error(.rangeError("m")))
        #expect(RpcValue.error(.typeError("m")) != .error(.typeError("n")))
        // An error that crossed a boundary is not equal to a local one with the same text.
        #expect(RpcValue.error(.typeError("m")) != .error(RpcError(name: "TypeError", message: "m", remote: true)))
    }

    @Test func referencesCompareByIdentity() throws {
        let runtime = try runtime()
        let stub4 = Stub(runtime: runtime, id: StubID(4), kind: .rpcTarget)
        #expect(RpcValue.stub(stub4) == .stub(Stub(runtime: runtime, id: StubID(4), kind: .function)))
        #expect(RpcValue.stub(stub4) != .stub(Stub(runtime: runtime, id: StubID(5), kind: .rpcTarget)))
        #expect(
            RpcValue.promise(RpcPromise(runtime: runtime, id: StubID(1), call: CallID(1)))
                == .promise(RpcPromise(runtime: runtime, id: StubID(1), call: CallID(2))))
        let f = RpcFunction { _ in .undefined }
        #expect(RpcValue.function(f) == .function(f))
        #expect(RpcValue.function(f) != .function(RpcFunction { _ in .undefined }))
        let counter = SummaryCounter()
        #expect(RpcValue.target(RpcTargetRef(counter)) == .target(RpcTargetRef(counter)))
        #expect(RpcValue.target(RpcTargetRef(counter)) != .target(RpcTargetRef(SummaryCounter())))
        #expect(RpcValue.opaque(typeName: "A") == .opaque(typeName: "A"))
        #expect(RpcValue.opaque(typeName: "A") != .opaque(typeName: "B"))
    }
}
