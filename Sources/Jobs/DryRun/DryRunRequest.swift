import Foundation
import ProbeKit
import RunbookKit

/// What `coldread dry-run` was asked, in the flags' own words, checked as it is built:
/// a bad `--deadline` or `--shard` is one usage line before any file is read.
public struct DryRunRequest: Sendable {
    /// Runbook files or folders; empty for every runbook under `Runbooks/`.
    public var paths: [String]
    /// A git revision: only runbooks changed since it (all of them when coldread.yaml changed).
    public var changedSince: String?
    /// True to answer access from coldread.yaml alone, asking no live source.
    public var offline: Bool
    /// The job's options, built once from the flags; `plan` fills in the files.
    public var options: DryRunOptions

    public init(paths: [String], deadline: String, shard: String?, changedSince: String?, offline: Bool,
                probe: ProbeOptions = ProbeOptions()) throws(CommandFailure) {
        self.paths = paths
        self.changedSince = changedSince
        self.offline = offline
        options = DryRunOptions(files: [], deadlineSeconds: try Self.readDeadline(deadline), probe: probe, shard: try Self.readShard(shard))
    }

    /// The runbooks this run checks (changed since the revision, then this shard's share)
    /// and who holds what (the live providers over the file, unless offline).
    public func plan(directory: Directory, warn: @escaping WarningSink = StandardError.write,
                     environment: [String: String] = ProcessInfo.processInfo.environment)
        async throws(CommandFailure) -> (options: DryRunOptions, access: any AccessOracle) {
        let root = ProjectDirectory.root(of: directory)
        var files = try RunbookPaths.some(LintRun.targets(paths: paths, root: root), command: "coldread dry-run", warn: warn)
        if let changedSince {
            files = try await ChangedRunbooks.filter(files, since: changedSince, directoryPath: directory.path)
        }
        if let shard = options.shard { files = shard.select(files, workspaceRoot: directory.workspaceRoot) }
        let live = await AccessSetup.liveOracle(directory: directory, offline: offline, runbookPaths: files, environment: environment)
        var options = self.options
        options.files = files
        return (options, live ?? directory)
    }

    static func readDeadline(_ deadline: String) throws(CommandFailure) -> Int {
        switch readDuration(deadline) {
        case .seconds(let seconds) where seconds > 0: return seconds
        case .seconds:
            throw .usage("coldread dry-run: error: --deadline \(deadline) leaves no time to probe; give a positive duration such as 10m", command: "dry-run")
        case .overLimit:
            throw .usage("coldread dry-run: error: " + DurationReading.overLimitMessage("--deadline", deadline), command: "dry-run")
        default:
            throw .usage("coldread dry-run: error: --deadline '\(deadline)' is not a duration such as 10m, 90s or 1h", command: "dry-run")
        }
    }

    static func readShard(_ shard: String?) throws(CommandFailure) -> DryRunShard? {
        guard let shard else { return nil }
        guard let read = DryRunShard(shard) else {
            throw .usage("coldread dry-run: error: --shard '\(shard)' is not K/N with 1 ≤ K ≤ N, such as 2/3", command: "dry-run")
        }
        return read
    }
}
