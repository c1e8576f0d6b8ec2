import Foundation
import Subprocess

/// `--changed-since REV`: the runbooks a pull request touched. When `coldread.yaml`
/// itself changed, every runbook is checked, because access changed for all of them.
public enum ChangedRunbooks {
    public static func filter(_ files: [String], since revision: String, directoryPath: String) async throws(CommandFailure) -> [String] {
        let changed = try await changedPaths(since: revision)
        let configAbsolute = URL(fileURLWithPath: directoryPath).standardizedFileURL.path
        if changed.contains(configAbsolute) { return files }
        return files.filter { changed.contains(URL(fileURLWithPath: $0).standardizedFileURL.path) }
    }

    /// Absolute paths of files changed between `revision` and the working tree, plus untracked files.
    static func changedPaths(since revision: String) async throws(CommandFailure) -> Set<String> {
        let top = try await git(["rev-parse", "--show-toplevel"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let diff = try await git(["diff", "--name-only", "--no-renames", revision, "--"])
        let untracked = try await git(["ls-files", "--others", "--exclude-standard", "--full-name"])
        let paths = (diff + "\n" + untracked).split(separator: "\n").map { top + "/" + $0 }
        return Set(paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
    }

    private static func git(_ arguments: [String]) async throws(CommandFailure) -> String {
        let run = try? await Subprocess.run(.name("git"), arguments: Arguments(arguments),
                                            output: .string(limit: 4 * 1024 * 1024), error: .string(limit: 64 * 1024))
        guard let result = run else {
            throw .input("coldread dry-run: --changed-since needs git on PATH (hint: install git, or drop --changed-since)")
        }
        guard case .exited(0) = result.terminationStatus else {
            let why = result.standardError.split(separator: "\n").first.map(String.init) ?? "git failed"
            throw .input("coldread dry-run: --changed-since: \(why) (hint: run inside the git repository and name a revision it has, e.g. origin/main)")
        }
        return result.standardOutput
    }
}
