import DrillKit
import Foundation
import ReportKit
import RunbookKit

/// `coldread merge RUN_ID…`: the shard runs of one dry-run, read from their folders under
/// `Drills/runs`, recorded as one merged run (`DryRunMerge`) and reported in one format.
public struct ShardMerge: Sendable {
    /// The shard runs: run ids or unique prefixes of them.
    public var runIDs: [String]
    public var format: ReportFormat
    /// Told each torn last line of a shard's journal.
    public var warn: WarningSink

    public init(runIDs: [String], format: ReportFormat, warn: @escaping WarningSink = StandardError.write) {
        (self.runIDs, self.format, self.warn) = (runIDs, format, warn)
    }

    /// The merged run's report, and whether it was clean.
    public struct Outcome: Sendable {
        public var runId: String
        public var text: String
        public var clean: Bool

        /// DESIGN.md: 0 when the merged run is clean, 1 when anything is blocked.
        public var exitCode: Int32 { clean ? 0 : 1 }
    }

    public func run(directory: Directory) async throws(CommandFailure) -> Outcome {
        _ = try Outbound.loadCredentials()
        let runs = RunFolders(directory: directory, warn: warn)
        var shards: [DryRunMerge.Run] = []
        for reference in runIDs {
            let loaded = try runs.load(reference)
            shards.append(DryRunMerge.Run(runId: loaded.runId, events: loaded.events))
        }
        let merged = try await DryRunMerge(store: runs.store).merge(shards)
        let text = DryRunResult.report(merged.events, as: format, store: runs.store)?.text
            ?? format.render(RunReport(events: merged.events, runbooks: [], directory: directory))
        return Outcome(runId: merged.result.summary.runId, text: text, clean: merged.result.isClean)
    }
}
