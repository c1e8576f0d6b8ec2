import DrillKit
import Foundation
import ReportKit
import RunbookKit

/// The history listing, as a text table or JSON. For one runbook it also shows the
/// trend (`HistoryTrend`): blocked steps, time against budget and the cadence mode
/// after each drill, with sparklines in text.
public enum HistoryTable {
    public enum Format: String, Sendable { case text, json }

    public struct Row: Encodable, Sendable {
        public internal(set) var runId: String
        public internal(set) var date: String
        public internal(set) var kind: String
        public internal(set) var runbook: String
        public internal(set) var runbookIds: [String]
        public internal(set) var reader: String?
        public internal(set) var cold: Bool?
        public internal(set) var clean: Bool
        public internal(set) var finished: Bool
        public internal(set) var blocked: Int
        public internal(set) var elapsedMs: Int
        public internal(set) var blockedSteps: [Int]
        public internal(set) var budgetMs: Int?
        /// The cadence mode after this drill, when the listing is one runbook's (nil for dry-runs).
        public internal(set) var modeAfter: String?

        init(report: RunReport, modeAfter: CadencePolicy.Mode? = nil) {
            runId = report.runId
            date = report.startedAt ?? ""
            kind = report.kind.rawValue
            runbookIds = report.runbook.map { [$0.id] } ?? report.runbooks.map(\.id)
            runbook = runbookIds.count > 1 ? "\(runbookIds.count) runbooks" : runbookIds.first ?? ""
            reader = report.reader
            cold = report.cold
            clean = report.clean
            finished = report.finished
            blocked = report.blockedCount
            elapsedMs = report.elapsedMs
            blockedSteps = report.steps.filter { $0.status == .blocked }.map(\.index)
            budgetMs = report.budgetMs
            self.modeAfter = modeAfter?.rawValue
        }
    }

    public static func render(_ result: HistoryResult, format: Format) -> String {
        switch format {
        case .json: return HistoryJSON.render(result)
        case .text: return result.trend.map { HistoryTrendText.render(result.rows, trend: $0) } ?? render(result.rows)
        }
    }

    /// Every run, newest first, one line each.
    static func render(_ rows: [Row]) -> String {
        if rows.isEmpty { return "No runs yet (hint: start one with `coldread drill` or `coldread dry-run`).\n" }
        let header = ["DATE", "KIND", "RUNBOOK", "READER", "COLD", "CLEAN", "BLOCKED", "TIME", "RUN"]
        let body = rows.map { row in
            [
                row.date, row.kind, row.runbook, row.reader ?? "-", row.cold.map { $0 ? "yes" : "no" } ?? "-",
                row.result, String(row.blocked), formatDuration(seconds: (row.elapsedMs + 500) / 1000), row.runId,
            ]
        }
        return TextTable.render(header: header, rows: body)
    }
}

extension HistoryTable.Row {
    var result: String { finished ? (clean ? "yes" : "no") : "unfinished" }
}
