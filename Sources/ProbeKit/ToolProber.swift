import Foundation
import RunbookKit

/// Looks a tool up the way the reader's shell would find it: a name on the reader's
/// PATH; a relative path (`./scripts/x.sh`, `bin/rails`) as a file in the runbook's
/// repository, where the reader runs it from a checkout; an absolute path as itself.
struct ToolProber: Sendable {
    /// The PATH to search, `:`-separated.
    let searchPath: String
    /// The folder of coldread.yaml: the repository of runbooks that are in no git checkout.
    var workspaceRoot: String?

    func probe(tool: String, step: Int, runbookPath: String? = nil) -> ProbeResult {
        if tool.contains("/"), !tool.hasPrefix("/"), let runbookPath {
            let root = repositoryRoot(of: runbookPath)
            let file = URL(fileURLWithPath: root, isDirectory: true).appendingPathComponent(tool).standardizedFileURL.path
            if Self.isFile(file) {
                return ProbeResult(kind: .tool, step: step, outcome: .present, tool: tool, path: file)
            }
            return ProbeResult(kind: .tool, step: step, outcome: .missing, tool: tool,
                               reason: "'\(tool)' is not a file in the runbook's repository (\(root))")
        }
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

    /// The nearest folder above the runbook that holds `.git` (a folder, or the file of a
    /// worktree), else the folder of coldread.yaml, else the runbook's own folder.
    func repositoryRoot(of runbookPath: String) -> String {
        let folder = URL(fileURLWithPath: runbookPath).standardizedFileURL.deletingLastPathComponent()
        var candidate = folder
        while true {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(".git").path) { return candidate.path }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { break }
            candidate = parent
        }
        return workspaceRoot.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? folder.path
    }

    static func isExecutableFile(_ path: String) -> Bool {
        isFile(path) && FileManager.default.isExecutableFile(atPath: path)
    }

    /// A file that is not a folder: a script checked into a repository may have lost its
    /// executable bit and still be run with `sh` or `bundle exec`.
    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
