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
    /// The variables a tool's path may start with (`$SCRIPTS/x.sh`, `~/bin/x`): the
    /// probing process's own, as the reader's shell would have them.
    var environment: [String: String] = ProcessInfo.processInfo.environment

    func probe(tool: String, step: Int, runbookPath: String? = nil) -> ProbeResult {
        switch ToolPathVariable.expand(tool, environment: environment) {
        case .unset(let variable):
            return ProbeResult(kind: .tool, step: step, outcome: .unknown, tool: tool,
                               reason: "'\(tool)' is in the folder \(variable) names, which is not set here (hint: set it as the reader's shell would, then probe again)")
        case .expanded(let path) where path.hasPrefix("/"):
            // The variable names a folder (often a checkout's): a file there is the
            // script, as a path in the repository is, whatever its mode bits say.
            guard Self.isFile(path) else {
                return ProbeResult(kind: .tool, step: step, outcome: .missing, tool: tool, reason: "'\(path)' (from '\(tool)') is not a file here")
            }
            return ProbeResult(kind: .tool, step: step, outcome: .present, tool: tool, path: path)
        case .expanded(let path):
            return probe(path: path, as: tool, step: step, runbookPath: runbookPath)
        case nil:
            return probe(path: tool, as: tool, step: step, runbookPath: runbookPath)
        }
    }

    /// `path` (the tool as written, or with its variable expanded) looked up as the
    /// reader's shell would; the result names the tool as the runbook wrote it.
    private func probe(path tool: String, as written: String, step: Int, runbookPath: String?) -> ProbeResult {
        if tool.contains("/"), !tool.hasPrefix("/"), let runbookPath {
            let root = repositoryRoot(of: runbookPath)
            let file = URL(fileURLWithPath: root, isDirectory: true).appendingPathComponent(tool).standardizedFileURL.path
            if Self.isFile(file) {
                return ProbeResult(kind: .tool, step: step, outcome: .present, tool: written, path: file)
            }
            return ProbeResult(kind: .tool, step: step, outcome: .missing, tool: written,
                               reason: "'\(tool)' is not a file in the runbook's repository (\(root))")
        }
        if let path = locate(tool) {
            return ProbeResult(kind: .tool, step: step, outcome: .present, tool: written, path: path)
        }
        return ProbeResult(kind: .tool, step: step, outcome: .missing, tool: written,
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
