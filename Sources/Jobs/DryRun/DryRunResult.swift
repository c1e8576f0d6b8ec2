import DrillKit
import ReportKit

/// A finished dry-run (or merge of shard runs) as the command prints it: the fold of its
/// journal, where the journal and the report files are, and the stop signal that cut it
/// short, if one did.
public struct DryRunResult: Sendable {
    public var summary: DryRunSummary
    public var journalPath: String
    /// `report.md` and `report.json` in the run's folder.
    public var reportPaths: [String]
    public var signal: StopSignal?

    public var isClean: Bool { summary.isClean }

    init(_ summary: DryRunSummary, store: RunStore, signal: StopSignal? = nil) {
        self.summary = summary
        journalPath = store.journalPath(of: summary.runId)
        reportPaths = DryRunReportFiles.paths(in: store.folder(of: summary.runId))
        self.signal = signal
    }

    /// JUnit XML: one testsuite per runbook, one testcase per step.
    public var junit: String { DryRunJUnit.render(summary.runbooks, timestamp: summary.startedAt) }

    /// Folds a run's events and writes its report files beside the journal.
    static func finish(_ events: [JournalEvent], store: RunStore, signal: StopSignal?) throws(CommandFailure) -> DryRunResult {
        guard let summary = DryRunSummary(events: events) else {
            throw .internal("coldread dry-run: the journal just written does not read back as a dry-run (hint: report this as a bug)")
        }
        let result = DryRunResult(summary, store: store, signal: signal)
        DryRunReportFiles.write(result, into: store.folder(of: summary.runId))
        return result
    }

    /// A report of a dry-run journal as the run itself wrote it: `md` and `json` are its
    /// report.md and report.json, `junit` its `--junit` file. Nil for a drill's journal, a
    /// dry-run journalled before every step's outcome was, and `html`: `RunReport`
    /// renders those.
    public static func report(_ events: [JournalEvent], as format: ReportFormat, store: RunStore) -> (text: String, clean: Bool)? {
        guard let summary = DryRunSummary(events: events) else { return nil }
        let result = DryRunResult(summary, store: store)
        switch format {
        case .md: return (DryRunReportFiles.markdown(result), result.isClean)
        case .json: return (DryRunJSON.render(result) + "\n", result.isClean)
        case .junit: return (result.junit, result.isClean)
        case .html: return nil
        }
    }
}
