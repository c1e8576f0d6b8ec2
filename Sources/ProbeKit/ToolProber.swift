import Foundation
import RunbookKit

/// Looks a tool up on the reader's PATH, the way their shell would find it.
struct ToolProber: Sendable {
    /// The PATH to search, `:`-separated.
    let searchPath: String

    func probe(tool: String, step: Int) -> ProbeResult {
        if let path = locate(tool) {
            return ProbeResult(kind: .tool, step: step, outcome: .present, tool: tool, path: path)
        }
        return ProbeResult(kind: .tool, step: step, outcome: .missing, tool: tool,
                           reason: "'\(tool)' is not on the reader's PATH")
    }

    /// The executable file the name resolves to, or nil.
    func locate(_ tool: String) -> String? {
        if tool.contains("/") { return Self.isExecutableFile(tool) ? tool : nil }
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            let base = directory.isEmpty ? "." : String(directory)
            let candidate = base.hasSuffix("/") ? base + tool : base + "/" + tool
            if Self.isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return false }
        return FileManager.default.isExecutableFile(atPath: path)
    }
}
