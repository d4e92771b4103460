import RPCEngine
import Testing

@testable import Scenarios

/// `ScenarioRecorder.literal(for:)`: every value that has a literal gets one that the parser
/// reads back as exactly that value.
@Suite struct RecordingLiteralTests {
    static let literalValues: [RpcValue] = [
        .undefined, .null, .bool(true), .bool(false),
        .number(0), .number(-0.0), .number(1), .number(-1), .number(2.5), .number(-2.5), .number(0.1),
        .number(1e21), .number(1e-7), .number(123_456_789_012), .number(9_007_199_254_740_994),
        .number(1e18), .number(-1e18), .number(.greatestFiniteMagnitude), .number(.leastNonzeroMagnitude),
        .number(-.leastNonzeroMagnitude), .number(.nan), .number(.infinity), .number(-.infinity),
        .bigint(RpcBigInt(0)), .bigint(RpcBigInt(10)), .bigint(RpcBigInt(-10)),
        .bigint(RpcBigInt("123456789012345678901234567890")!),
        .string(""), .string("a"), .string("it's \"quoted\" \\ back"), .string("line\nbreak\ttab\rcr"),
        .string("\u{0}\u{1}\u{1F}\u{7F}"), .string("\u{2028}\u{2029}"), .string("é 😀 👨‍👩‍👧 日本"),
        .string("${x} // not a comment # nor this"),
        .bytes(RpcBytes([])), .bytes(RpcBytes(Array("hello".utf8))), .bytes(RpcBytes([0, 255, 16])),
        .date(0), .date(-1), .date(1_767_225_600_000), .date(.nan),
        .regexp(source: "a+", flags: ""), .regexp(source: "\\d+/x", flags: "gi"), .regexp(source: "(?:)", flags: "y"),
        .map([]), .map([RpcMapEntry("a", 1), RpcMapEntry(.number(2), .null), RpcMapEntry([1], .set([]))]),
        .set([]), .set([1, "1", .bigint(RpcBigInt(1))]),
        .array([]), .array([1, [2, [3, []]], "x"]),
        .object(RpcObject()),
        .object(["a": 1, "b c": 2, "": 3, "1": 4, "true": 5, "new": 6, "let": 7, "step": 8, "$x": 9, "_": 10, "é": 11]),
        .object(["nested": ["deeper": ["map": .map([RpcMapEntry("k", .date(5))])]], "list": [.null, .undefined]]),
    ]

    /// literal → parser → the tree `literalExpression` built, and the value it stands for.
    @Test(arguments: literalValues)
    func literalRoundTrips(_ value: RpcValue) throws {
        let literal = try #require(ScenarioRecorder.literal(for: value), "\(value)")
        let statement = try #require(T.statement("let v = " + literal))
        guard case .declaration(_, _, let parsed) = statement.kind else {
            Issue.record("not a declaration: \(statement)")
            return
        }
        #expect(parsed == ScenarioRecorder.literalExpression(for: value)?.erasingSourceInfo(), "\(literal)")
        let back = try #require(LiteralEvaluator.value(of: parsed), "\(literal)")
        #expect(LiteralEvaluator.identical(back, value), "\(literal) means \(back), not \(value)")
    }

    @Test func literalSpellings() {
        let cases: [(RpcValue, String)] = [
            (.number(-0.0), "-0"), (.number(.nan), "NaN"), (.number(-.infinity), "-Infinity"), (.number(1e21), "1e+21"),
            (.bigint(RpcBigInt(-10)), "-10n"), (.string("a\"b\n"), #""a\"b\n""#), (.string("\u{1}"), #""\u{1}""#),
            (.bytes(RpcBytes(Array("hi".utf8))), #"bytes("6869")"#), (.date(0), "new Date(0)"), (.date(.nan), "new Date(NaN)"),
            (.regexp(source: "a+", flags: "g"), #"new RegExp("a+", "g")"#), (.regexp(source: "a", flags: ""), #"new RegExp("a")"#),
            (.map([RpcMapEntry("a", 1)]), #"new Map([["a", 1]])"#), (.map([]), "new Map()"),
            (.set([1, 2]), "new Set([1, 2])"), (.set([]), "new Set()"),
            (.object(["a": 1, "b c": 2]), #"{ a: 1, "b c": 2 }"#), (.object(RpcObject()), "{}"),
            (.array([.null, .undefined, true]), "[null, undefined, true]"),
        ]
        for (value, expected) in cases { #expect(ScenarioRecorder.literal(for: value) == expected) }
    }

    @Test func valuesWithoutLiterals() throws {
        let (stub, promise) = try ExportFixtures.references()
        var deep: RpcValue = 1
        for _ in 0...ScenarioRecorder.maximumLiteralDepth { deep = [deep] }
        let none: [RpcValue] = [
            stub, promise, .function(RpcFunction { () in 1 }), .target(RpcTargetRef(RpcTarget())),
            .opaque(typeName: "Session"), .error(RpcError(name: "TypeError", message: "m")),
            .bytes(RpcBytes([1], kind: .arrayBuffer)), .bytes(RpcBytes([1], kind: .int16)),
            [1, stub], ["counter": stub], .map([RpcMapEntry(stub, 1)]), .set([.error(.error("x"))]), deep,
        ]
        for value in none { #expect(ScenarioRecorder.literal(for: value) == nil, "\(value)") }
    }

    /// The deepest literal still parses (within the parser's nesting limit), for every kind of
    /// container.
    @Test func deepestLiteralsParse() throws {
        let wrappers: [(RpcValue) -> RpcValue] = [
            { [$0] }, { .object(["k": $0]) }, { .map([RpcMapEntry(1, $0)]) }, { .set([$0]) },
        ]
        for wrap in wrappers {
            var value: RpcValue = 1
            for _ in 0..<ScenarioRecorder.maximumLiteralDepth { value = wrap(value) }
            let literal = try #require(ScenarioRecorder.literal(for: value))
            let statement = try #require(T.statement("expect x == " + literal))
            guard case .expect(.comparison(_, .equal, let parsed)) = statement.kind else {
                Issue.record("not a comparison")
                continue
            }
            #expect(LiteralEvaluator.value(of: parsed).map { LiteralEvaluator.identical($0, value) } == true)
        }
    }
}
