import Foundation
import Testing

@testable import Scenarios

/// The files in `scenarios/` are the project's conformance vectors: they must all pass
/// `switchboard check`, and replay byte for byte.
@Suite struct ScenarioFilesTests {
    /// `scenarios/`, found from this file's path (Tests/ScenariosTests/ → the package root).
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("scenarios").path
    }()

    static var files: [String] { ScenarioCommands.scenarioFiles(under: directory) ?? [] }

    @Test func everyScenarioPassesCheck() {
        let output = ScenarioCommands.check(directory: Self.directory)
        #expect(output.exitCode == 0, "\(output.stdout)")
        #expect(output.stdout.hasSuffix("\(Self.files.count) passed, 0 failed\n"))
        #expect(!output.stdout.contains("no "), "every scenario has a .trace golden:\n\(output.stdout)")
    }

    @Test func theTourAndEveryConceptAreThere() {
        let names = Self.files.map { ($0 as NSString).lastPathComponent }
        #expect(names.first == "00-tour.scenario")
        #expect(names.count >= 18)
        for (i, name) in names.enumerated() {
            #expect(name.hasPrefix(i < 10 ? "0\(i)-" : "\(i)-"), "numbered in order: \(name)")
        }
    }

    @Test(arguments: files)
    func replaysAreByteForByteDeterministic(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let first = ScenarioRunner.run(fileName: path, text: text)
        let second = ScenarioRunner.run(fileName: path, text: text)
        #expect(first.status.exitCode == 0)
        #expect(first.transcript.text == second.transcript.text)
        #expect(first.trace == second.trace)
        #expect(JSONLExporter.export(first.runtime!.log.events()) == JSONLExporter.export(second.runtime!.log.events()))
    }

    @Test(arguments: files)
    func everyScenarioIsNarrated(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let scenario = try ScenarioParser.parse(fileName: path, text: text)
        #expect(scenario.header.title != nil)
        #expect(scenario.header.description != nil)
        let steps = scenario.statements.filter { if case .step = $0.kind { return true } else { return false } }
        #expect(steps.count >= 2, "a narrated scenario has steps")
    }
}
