import Foundation
import RPCEngine
import Testing

@testable import Scenarios

/// `switchboard export FILE --perfetto OUT --jsonl OUT`: the library side of the command.
@Suite struct ExportCommandTests {
    @Test func outputsAreChecked() throws {
        #expect(throws: TraceExportError.noOutput) { try TraceExport.outputs(perfetto: nil, jsonl: nil) }
        #expect(throws: TraceExportError.samePath("t.json")) { try TraceExport.outputs(perfetto: "t.json", jsonl: "t.json") }
        #expect(throws: TraceExportError.samePath("-")) { try TraceExport.outputs(perfetto: "-", jsonl: "-") }
        #expect(throws: TraceExportError.emptyPath(.jsonl)) { try TraceExport.outputs(perfetto: nil, jsonl: "") }
        #expect(try TraceExport.outputs(perfetto: "t.json", jsonl: nil) == [.init(.perfetto, to: "t.json")])
        #expect(try TraceExport.outputs(perfetto: "t.json", jsonl: "-") == [.init(.perfetto, to: "t.json"), .init(.jsonl, to: "-")])
        #expect(TraceExportError.noOutput.description == "nothing to export: give --perfetto OUT.json, --jsonl OUT.jsonl, or both")
    }

    /// The command runs the scenario once, through the event source it is given, and writes each
    /// format's export of that log.
    @Test func runWritesEachFormatOfTheLog() throws {
        let log = try ExportFixtures.addLog()
        var asked: [String] = []
        var written: [String: String] = [:]
        let report = try TraceExport.run(
            scenario: "scenarios/01-add.scenario",
            outputs: try TraceExport.outputs(perfetto: "out/trace.json", jsonl: "-"),
            events: { path in
                asked.append(path)
                return log
            },
            write: { text, path in written[path] = text })
        #expect(asked == ["scenarios/01-add.scenario"])
        #expect(written == ["out/trace.json": PerfettoExporter.export(log), "-": JSONLExporter.export(log)])
        #expect(report == [
            "wrote 13 events to out/trace.json (Perfetto trace)",
            "wrote 13 events to standard output (JSON Lines)",
        ])
        #expect(TraceFormat.jsonl.render(log) == JSONLExporter.export(log))
        #expect(TraceFormat.perfetto.render(log) == PerfettoExporter.export(log))
    }

    @Test func aFailingRunWritesNothing() {
        struct Invalid: Error {}
        var written = false
        #expect(throws: Invalid.self) {
            try TraceExport.run(
                scenario: "bad.scenario", outputs: [.init(.jsonl, to: "x")], events: { _ in throw Invalid() },
                write: { _, _ in written = true })
        }
        #expect(!written)
    }

    @Test func writeFileWritesUTF8() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-export-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("trace.json").path
        let text = PerfettoExporter.export(try ExportFixtures.addLog()) + "ƒ"
        try TraceExport.writeFile(text, to: path)
        try TraceExport.writeFile(text, to: path)  // replaces
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        #expect(throws: (any Error).self) { try TraceExport.writeFile("x", to: directory.appendingPathComponent("no/such/dir/f").path) }
    }
}
