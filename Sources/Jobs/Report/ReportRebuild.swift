import DrillKit
import Foundation
import ReportKit
import RunbookKit

/// `coldread report RUN_ID|latest`: rebuilds a run's report from its journal.
public struct ReportRebuild: Sendable {
    /// A run id, a unique prefix of one, or `latest`.
    public var runID: String
    public var format: ReportFormat

    public init(runID: String, format: ReportFormat) {
        (self.runID, self.format) = (runID, format)
    }

    /// The report in its format, and whether the run was clean.
    public struct Outcome: Sendable {
        public var runId: String
        public var report: RunReport
        public var text: String

        /// DESIGN.md: 0 when the run was clean, 1 when a step was blocked.
        public var exitCode: Int32 { report.clean ? 0 : 1 }

        /// Writes the report to a file, redacted, instead of stdout.
        public func write(to path: String) throws(CommandFailure) {
            do {
                try Outbound.write(text, toFile: path)
            } catch {
                throw .input("\(path):1:1: error: expected a writable file, found \(error.localizedDescription) (hint: check the folder exists)")
            }
        }
    }

    public func run(directory: Directory) throws(CommandFailure) -> Outcome {
        _ = try Outbound.loadCredentials()
        let runs = RunFolders(directory: directory)
        let loaded = try runs.load(runID)
        return Outcome(runId: loaded.runId, report: loaded.report, text: format.render(loaded.report))
    }
}
