import DrillKit
import Foundation
import ReportKit
import RunbookKit

/// `coldread report RUN_ID|latest`: rebuilds a run's report from its journal.
public struct ReportRebuild: Sendable {
    /// A run id, a unique prefix of one, or `latest`.
    public var runID: String
    public var format: ReportFormat
    /// Told each warning of the journal (a torn last line, a `finished` the steps overrule).
    public var warn: WarningSink

    public init(runID: String, format: ReportFormat, warn: @escaping WarningSink = StandardError.write) {
        (self.runID, self.format, self.warn) = (runID, format, warn)
    }

    /// The report in its format, and whether the run was clean.
    public struct Outcome: Sendable {
        public var runId: String
        public var report: RunReport
        public var text: String
        public var clean: Bool

        /// DESIGN.md: 0 when the run was clean, 1 when a step was blocked.
        public var exitCode: Int32 { clean ? 0 : 1 }
    }

    public func run(directory: Directory) throws(CommandFailure) -> Outcome {
        _ = try Outbound.loadCredentials()
        let runs = RunFolders(directory: directory, warn: warn)
        let loaded = try runs.load(runID)
        // A dry-run's journal holds the whole run: rebuilt as the run itself wrote it.
        let dryRun = DryRunResult.report(loaded.events, as: format, store: runs.store)
        return Outcome(runId: loaded.runId, report: loaded.report, text: dryRun?.text ?? format.render(loaded.report),
                       clean: dryRun?.clean ?? loaded.report.clean)
    }
}
