import ReportKit

/// `{"version": 1, "runs": [...], "trend": {...}}`: the runs newest first (as the text
/// table), and for one runbook the trend oldest first: blocked counts, times, budgets
/// and the mode after each drill.
enum HistoryJSON {
    struct Document: Encodable {
        var version = 1
        var runs: [HistoryTable.Row]
        var trend: Trend?
    }

    struct Trend: Encodable {
        var runbook: String
        var drills: [String]
        var blocked: [Int]
        var elapsedMs: [Int]
        var budgetMs: [Int?]
        var modeAfter: [String]
    }

    static func render(_ result: HistoryResult) -> String {
        let trend = result.trend.map { trend in
            Trend(runbook: trend.runbookId, drills: trend.drills.map(\.runId), blocked: trend.drills.map(\.blockedCount),
                  elapsedMs: trend.drills.map(\.elapsedMs), budgetMs: trend.drills.map(\.budgetMs),
                  modeAfter: trend.drills.map(\.modeAfter.rawValue))
        }
        return (JSONDocument.text(Document(runs: result.rows, trend: trend), snakeCaseKeys: true) ?? "") + "\n"
    }
}
