import DrillKit
import Foundation
import Jobs
import ReportKit
import RunbookKit

/// The history listing, as a text table or JSON.
enum HistoryTable {
    enum Format: String { case text, json }

    struct Row: Encodable {
        var runId: String
        var date: String
        var kind: String
        var runbook: String
        var runbookIds: [String]
        var reader: String?
        var cold: Bool?
        var clean: Bool
        var finished: Bool
        var blocked: Int
        var elapsedMs: Int

        init(report: RunReport) {
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
        }
    }

    static func render(_ rows: [Row], format: Format) -> String {
        switch format {
        case .json:
            struct Document: Encodable { var version = 1; var runs: [Row] }
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(Document(runs: rows))) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        case .text:
            if rows.isEmpty { return "No runs yet (hint: start one with `coldread drill` or `coldread dry-run`).\n" }
            let header = ["DATE", "KIND", "RUNBOOK", "READER", "COLD", "CLEAN", "BLOCKED", "TIME", "RUN"]
            let body = rows.map { row in
                [
                    row.date, row.kind, row.runbook, row.reader ?? "-", row.cold.map { $0 ? "yes" : "no" } ?? "-",
                    row.finished ? (row.clean ? "yes" : "no") : "unfinished", String(row.blocked),
                    formatDuration(seconds: (row.elapsedMs + 500) / 1000), row.runId,
                ]
            }
            return TextTable.render(header: header, rows: body)
        }
    }
}
