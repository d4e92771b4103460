import Foundation
import RPCEngine
import Testing

@testable import Scenarios

/// `JSONLExporter`: one JSON object per event and line, stable keys, lossless tagged values.
@Suite struct ExportJSONLTests {
    @Test func exactLinesForTheSeedExample() throws {
        let expected = [
            #"{"seq":1,"time":0,"kind":"workerDeclared","name":"client","module":null,"primary":true,"bindings":[{"binding":"WORKER_B","service":"worker-b","entrypoint":null}],"vars":{"type":"object","value":{}},"exports":[]}"#,
            #"{"seq":2,"time":0,"kind":"workerDeclared","name":"worker-b","module":"workerB","primary":false,"bindings":[],"vars":{"type":"object","value":{}},"exports":[{"name":"WorkerB","exportKind":"entrypoint","default":true,"members":[{"name":"add","params":"a, b","getter":false}]}]}"#,
            #"{"seq":3,"time":0,"kind":"contextBegan","ctx":"ctx1","worker":"client","entrypoint":null,"contextKind":"request","openedBy":null}"#,
            #"{"seq":4,"time":0,"kind":"callStarted","call":"call1","parent":null,"callerCtx":"ctx1","callerWorker":"client","calleeWorker":"worker-b","target":"WORKER_B","path":["add"],"arguments":[{"type":"number","value":1},{"type":"number","value":2}],"pipelinedOn":null,"session":"sess1"}"#,
            #"{"seq":5,"time":0,"kind":"contextBegan","ctx":"ctx2","worker":"worker-b","entrypoint":"WorkerB","contextKind":"rpc session","openedBy":"call1"}"#,
            #"{"seq":6,"time":0,"kind":"message","session":"sess1","from":"client","to":"worker-b","text":"[\"push\",[\"pipeline\",0,[\"add\"],[[1,2]]]]"}"#,
            #"{"seq":7,"time":0,"kind":"message","session":"sess1","from":"client","to":"worker-b","text":"[\"pull\",1]"}"#,
            #"{"seq":8,"time":0,"kind":"message","session":"sess1","from":"worker-b","to":"client","text":"[\"resolve\",1,3]"}"#,
            #"{"seq":9,"time":0,"kind":"callReturned","call":"call1","result":{"type":"number","value":3},"durationMs":0}"#,
            #"{"seq":10,"time":0,"kind":"message","session":"sess1","from":"client","to":"worker-b","text":"[\"release\",1,1]"}"#,
            #"{"seq":11,"time":0,"kind":"message","session":"sess1","from":"client","to":"worker-b","text":"[\"release\",0,1]"}"#,
            #"{"seq":12,"time":0,"kind":"contextEnded","ctx":"ctx2","worker":"worker-b","reason":"returned"}"#,
            #"{"seq":13,"time":0,"kind":"contextEnded","ctx":"ctx1","worker":"client","reason":"returned"}"#,
        ]
        let text = JSONLExporter.export(try ExportFixtures.addLog())
        #expect(text == expected.map { $0 + "\n" }.joined())
    }

    @Test func emptyLogIsEmptyText() {
        #expect(JSONLExporter.export([]) == "")
    }

    /// Every line is one JSON object that starts with seq, time and kind, and every event of a
    /// kind has the same keys (absent optionals are `null`, not missing).
    @Test func everyLineIsAnObjectWithStableKeys() throws {
        let events = try ExportFixtures.richLog()
        let lines = JSONLExporter.export(events).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == events.count + 1)
        #expect(lines.last == "")
        var keysByKind: [String: Set<String>] = [:]
        for (event, line) in zip(events, lines) {
            #expect(line.hasPrefix(#"{"seq":\#(event.seq),"time":\#(event.time),"kind":"\#(event.kind)""#))
            guard let object = ExportFixtures.json(String(line)) as? [String: Any] else {
                Issue.record("not an object: \(line)")
                continue
            }
            let keys = Set(object.keys)
            if let earlier = keysByKind[event.kind] { #expect(keys == earlier, "\(event.kind)") }
            keysByKind[event.kind] = keys
        }
        #expect(Set(keysByKind.keys) == [
            "workerDeclared", "contextBegan", "contextEnded", "callStarted", "callReturned", "callThrew",
            "stubCreated", "stubDisposed", "targetDisposed", "taskAdded", "taskSettled", "message", "log", "step",
        ])
    }

    /// The payloads a small log does not show, written by hand.
    @Test func exactLinesForTheRarerFields() {
        let error = RpcError(name: "RangeError", message: "late", remote: true, properties: ["code": 42])
        let events = [
            Event(seq: 1, time: 3, payload: .taskSettled(task: TaskID(2), ctx: ContextID(4), outcome: .rejected(error))),
            Event(seq: 2, time: 3, payload: .taskSettled(task: TaskID(3), ctx: ContextID(4), outcome: .cancelled)),
            Event(seq: 3, time: 4, payload: .stubDisposed(stub: StubID(5), reason: .usingScopeEnded, by: "line 7")),
            Event(seq: 4, time: 4, payload: .targetDisposed(target: "Counter", worker: "toolkit", afterStub: StubID(5))),
            Event(seq: 5, time: 5, payload: .log(ctx: nil, worker: nil, level: .warn, text: "tab\there \"q\"")),
            Event(seq: 6, time: 6, payload: .step(text: "Ask", line: nil)),
            Event(seq: 7, time: 6, payload: .callThrew(call: CallID(9), error: RpcError.dataClone("no", at: "args[0]"), durationMs: 2)),
        ]
        let expected = [
            #"{"seq":1,"time":3,"kind":"taskSettled","task":"task2","ctx":"ctx4","outcome":"rejected","error":{"type":"error","name":"RangeError","message":"late","remote":true,"properties":{"code":{"type":"number","value":42}},"durableObjectId":null,"path":null}}"#,
            #"{"seq":2,"time":3,"kind":"taskSettled","task":"task3","ctx":"ctx4","outcome":"cancelled","error":null}"#,
            #"{"seq":3,"time":4,"kind":"stubDisposed","stub":"stub5","reason":"usingScopeEnded","by":"line 7"}"#,
            #"{"seq":4,"time":4,"kind":"targetDisposed","target":"Counter","worker":"toolkit","afterStub":"stub5"}"#,
            #"{"seq":5,"time":5,"kind":"log","ctx":null,"worker":null,"level":"warn","text":"tab\there \"q\""}"#,
            #"{"seq":6,"time":6,"kind":"step","text":"Ask","line":null}"#,
            #"{"seq":7,"time":6,"kind":"callThrew","call":"call9","error":{"type":"error","name":"DataCloneError","message":"no (at args[0])","remote":false,"properties":{},"durableObjectId":null,"path":"args[0]"},"durationMs":2}"#,
        ]
        #expect(events.map(JSONLExporter.line(for:)) == expected)
    }

    /// The tagged form of every kind of value.
    @Test func taggedFormOfEveryValueKind() throws {
        let (stub, promise) = try ExportFixtures.references()
        let cases: [(RpcValue, String)] = [
            (.undefined, #"{"type":"undefined"}"#),
            (.null, #"{"type":"null"}"#),
            (.bool(true), #"{"type":"boolean","value":true}"#),
            (.bool(false), #"{"type":"boolean","value":false}"#),
            (.number(1), #"{"type":"number","value":1}"#),
            (.number(-2.5), #"{"type":"number","value":-2.5}"#),
            (.number(0.1), #"{"type":"number","value":0.1}"#),
            (.number(1e21), #"{"type":"number","value":1e+21}"#),
            (.number(.leastNonzeroMagnitude), #"{"type":"number","value":5e-324}"#),
            (.number(0), #"{"type":"number","value":0}"#),
            (.number(-0.0), #"{"type":"number","value":"-0"}"#),
            (.number(.nan), #"{"type":"number","value":"NaN"}"#),
            (.number(.infinity), #"{"type":"number","value":"Infinity"}"#),
            (.number(-.infinity), #"{"type":"number","value":"-Infinity"}"#),
            (.bigint(RpcBigInt("-123456789012345678901234567890")!), #"{"type":"bigint","value":"-123456789012345678901234567890"}"#),
            (.string("a\"b\\c\nd\u{1}é😀"), #"{"type":"string","value":"a\"b\\c\nd\u0001é😀"}"#),
            (.bytes(RpcBytes([0x68, 0x69])), #"{"type":"bytes","kind":"Uint8Array","hex":"6869"}"#),
            (.bytes(RpcBytes([], kind: .arrayBuffer)), #"{"type":"bytes","kind":"ArrayBuffer","hex":""}"#),
            (.date(0), #"{"type":"date","value":0}"#),
            (.date(.nan), #"{"type":"date","value":"NaN"}"#),
            (.regexp(source: "a+\\d", flags: "gi"), #"{"type":"regexp","source":"a+\\d","flags":"gi"}"#),
            (.map([RpcMapEntry("a", 1), RpcMapEntry(.number(2), .null)]),
             #"{"type":"map","entries":[[{"type":"string","value":"a"},{"type":"number","value":1}],[{"type":"number","value":2},{"type":"null"}]]}"#),
            (.set([1, "x"]), #"{"type":"set","values":[{"type":"number","value":1},{"type":"string","value":"x"}]}"#),
            (.array([]), #"{"type":"array","values":[]}"#),
            (.array([1, [true]]), #"{"type":"array","values":[{"type":"number","value":1},{"type":"array","values":[{"type":"boolean","value":true}]}]}"#),
            (.object(["b": 1, "a b": "x"]), #"{"type":"object","value":{"b":{"type":"number","value":1},"a b":{"type":"string","value":"x"}}}"#),
            (.error(RpcError(name: "TypeError", message: "m", remote: true, properties: ["code": 42], durableObjectId: "do:c/a")),
             #"{"type":"error","name":"TypeError","message":"m","remote":true,"properties":{"code":{"type":"number","value":42}},"durableObjectId":"do:c/a","path":null}"#),
            (stub, #"{"type":"stub","id":"stub1","kind":"rpcTarget"}"#),
            (promise, #"{"type":"promise","id":"stub2","call":"call2"}"#),
            (.function(RpcFunction(name: "double") { (x: Int) in 2 * x }), #"{"type":"function","name":"double"}"#),
            (.target(RpcTargetRef(RpcTarget())), #"{"type":"rpcTarget","class":"RpcTarget"}"#),
            (.opaque(typeName: "Session"), #"{"type":"opaque","class":"Session"}"#),
        ]
        for (value, expected) in cases {
            let tagged = ExportJSON.value(value)
            #expect(tagged == expected)
            #expect(ExportFixtures.json(tagged) is [String: Any], "\(tagged)")
        }
    }

    /// JSON string escaping, checked against Foundation's parser for every control character and
    /// some non-ASCII text.
    @Test func stringsRoundTripThroughAJSONParser() {
        var texts = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        texts += ["", "\"", "\\", "/", "\u{7F}", "\u{2028}\u{2029}", "héllo wörld", "😀 family 👨‍👩‍👧", "a\"b\\c\r\n\t"]
        for text in texts {
            let quoted = ExportJSON.quote(text)
            #expect(ExportFixtures.json(quoted) as? String == text, "\(quoted)")
        }
        #expect(ExportJSON.quote("\u{0}\u{8}\u{C}\u{1F}") == #""\u0000\b\f\u001f""#)
    }
}
