import Foundation
import Testing
import TerminalUI

/// Text snapshots of rendered grids, stored beside the tests in `Snapshots/.NAME.txt`.
///
/// The leading dot is deliberate: SwiftPM skips dot files when it collects a target's files,
/// while any other non-Swift file in the test target's folder would be an undeclared resource
/// and make every build warn. (`ls -a Snapshots` lists them.)
///
/// A snapshot is compared exactly. It is written only when the environment sets
/// `SNAPSHOT_RECORD=1`; a missing snapshot fails the test (it is never recorded silently).
func expectSnapshot(
    _ grid: Grid, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent("." + name + ".txt")
    let actual = grid.rows().joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            try actual.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not record snapshot \(name): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record(
            "missing snapshot Snapshots/.\(name).txt; run the tests with SNAPSHOT_RECORD=1 to record it, then review it",
            sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : nil) != (i < a.count ? a[i] : nil) {
        diff.append("row \(i):\n  expected: \(i < e.count ? String(e[i]) : "(none)")\n  actual:   \(i < a.count ? String(a[i]) : "(none)")")
    }
    let shown = Array(diff.prefix(8)).joined(separator: "\n")
    Issue.record("snapshot \(name) differs:\n\(shown)", sourceLocation: sourceLocation)
}
