import DrillKit
import ReportKit
import RunbookKit

/// `coldread history [RUNBOOK]`: every run, newest first; for one runbook also the
/// trend across its drills and the cadence mode after each. The command finds the
/// journals and matches them to the runbook; this job folds them.
public struct HistoryJob: Sendable {
    /// The runs to list, each a journal's events, in any order.
    public var journals: [[JournalEvent]]
    /// The runbook the journals belong to, when the listing is one runbook's.
    public var runbookId: String?
    public var policy: CadencePolicy
    /// That runbook's recorded incidents (they change its cadence too).
    public var incidents: [Incident]

    public init(journals: [[JournalEvent]], runbookId: String? = nil, policy: CadencePolicy, incidents: [Incident] = []) {
        self.journals = journals
        self.runbookId = runbookId
        self.policy = policy
        self.incidents = incidents
    }

    public func run() -> HistoryResult {
        let trend = runbookId.map { HistoryTrend.build(runbookId: $0, journals: journals, policy: policy, incidents: incidents) }
        let modes = Dictionary((trend?.drills ?? []).map { ($0.runId, $0.modeAfter) }, uniquingKeysWith: { $1 })
        let reports = journals.map { RunReport(events: $0) }
            .sorted { ($0.startedAt ?? "", $0.runId) > ($1.startedAt ?? "", $1.runId) }
        let rows = reports.map { HistoryTable.Row(report: $0, modeAfter: $0.kind == .drill ? modes[$0.runId] : nil) }
        return HistoryResult(rows: rows, trend: trend)
    }
}

/// Every run, newest first, and for one runbook its trend (oldest first).
public struct HistoryResult: Sendable {
    public var rows: [HistoryTable.Row]
    public var trend: HistoryTrend?
}
