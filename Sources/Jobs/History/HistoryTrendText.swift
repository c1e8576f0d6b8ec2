import ReportKit
import RunbookKit

/// One runbook's history in text: every run with its blocked steps, time against budget
/// and the mode after it, then the drills' trend as sparklines, oldest first.
enum HistoryTrendText {
    static func render(_ rows: [HistoryTable.Row], trend: HistoryTrend, unicode: Bool = true) -> String {
        if rows.isEmpty { return "No runs of \(trend.runbookId) yet (hint: start one with `coldread drill`).\n" }
        let header = ["DATE", "KIND", "READER", "COLD", "CLEAN", "BLOCKED STEPS", "TIME / BUDGET", "MODE AFTER", "RUN"]
        let body = rows.map { row in
            [
                row.date, row.kind, row.reader ?? "-", row.cold.map { $0 ? "yes" : "no" } ?? "-", row.result,
                row.blockedSteps.isEmpty ? "-" : row.blockedSteps.map(String.init).joined(separator: ","),
                ReportText.duration(ms: row.elapsedMs) + (row.budgetMs.map { " / " + ReportText.duration(ms: $0) } ?? ""),
                row.modeAfter ?? "-", row.runId,
            ]
        }
        var text = TextTable.render(header: header, rows: body)
        let drills = trend.drills
        guard !drills.isEmpty else { return text + "\nNo drills yet: dry-runs do not count toward the cadence.\n" }
        text += "\nTrend over \(drills.count) drill\(drills.count == 1 ? "" : "s"), oldest first:\n"
        text += "  blocked  \(Sparkline.render(drills.map(\.blockedCount), unicode: unicode))  "
            + drills.map { String($0.blockedCount) }.joined(separator: " ") + "\n"
        text += "  time     \(Sparkline.render(drills.map(\.elapsedMs), unicode: unicode))  "
            + drills.map { ReportText.duration(ms: $0.elapsedMs) }.joined(separator: " ")
            + (drills.last?.budgetMs.map { " (budget \(ReportText.duration(ms: $0)))" } ?? "") + "\n"
        text += "  mode     " + drills.map(\.modeAfter.rawValue).joined(separator: " → ") + "\n"
        return text
    }

}
