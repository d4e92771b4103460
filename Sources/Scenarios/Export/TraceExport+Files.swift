import Foundation

extension TraceExport {
    /// The writer `switchboard export` uses: `text` as UTF-8 into the file at `path` (created or
    /// replaced, atomically), or onto standard output when `path` is `-`.
    public static func writeFile(_ text: String, to path: String) throws {
        let data = Data(text.utf8)
        if path == "-" {
            FileHandle.standardOutput.write(data)
        } else {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        }
    }
}
