import Foundation
import RunbookKit

/// `coldread report --history RUNBOOK --format html`: one self-contained page with the
/// runbook's trend across drills: an SVG chart of blocked steps (bars) and time against
/// budget (line and dots), and a heat map of which steps blocked in which drill. Every
/// text from journals is escaped.
public enum HistoryHTML {
    public static func render(_ trend: HistoryTrend) -> String {
        let title = Markup.escape("History of \(trend.runbookId)")
        var html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(title)</title>
            <style>
            body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:1200px;color:#222}
            table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}
            td.blocked{background:#d9534f;color:#fff}td.ok{background:#dff0d8}td.none{background:#f5f5f5}
            .clean{color:#2e7d32}.unclean{color:#c62828}
            </style></head><body>
            <h1>\(title)</h1>

            """
        if trend.drills.isEmpty {
            html += "<p>No drills of this runbook yet (dry-runs do not count).</p>\n</body></html>\n"
            return html
        }
        html += "<p>\(trend.drills.count) drill\(trend.drills.count == 1 ? "" : "s"), oldest first. Mode now: <strong>\(trend.drills.last!.modeAfter.rawValue)</strong>.</p>\n"
        html += HistoryChart.svg(trend) + "\n"
        html += drillTable(trend) + "\n" + heatMap(trend) + "\n</body></html>\n"
        return html
    }

    static func drillTable(_ trend: HistoryTrend) -> String {
        var rows = ["<h2>Drills</h2>", "<table><tr><th>#</th><th>date</th><th>reader</th><th>cold</th><th>result</th><th>blocked steps</th><th>time / budget</th><th>mode after</th></tr>"]
        for (number, drill) in trend.drills.enumerated() {
            let result = drill.finished ? (drill.clean ? "<span class=\"clean\">clean</span>" : "<span class=\"unclean\">not clean</span>") : "unfinished"
            let blocked = drill.blockedSteps.isEmpty ? "none" : drill.blockedSteps.map(String.init).joined(separator: ", ")
            let budget = drill.budgetMs.map { " / " + ReportText.duration(ms: $0) } ?? ""
            let cells = ["\(number + 1)", Markup.escape(drill.date), Markup.escape(drill.reader ?? "-"),
                         drill.cold.map { $0 ? "yes" : "no" } ?? "-", result, blocked,
                         ReportText.duration(ms: drill.elapsedMs) + budget, drill.modeAfter.rawValue]
            rows.append("<tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>")
        }
        rows.append("</table>")
        return rows.joined(separator: "\n")
    }

    /// Steps as rows, drills as columns: red where the step blocked, green where it
    /// did not, grey where the drill never reached that step number.
    static func heatMap(_ trend: HistoryTrend) -> String {
        let header = trend.drills.indices.map { "<th>\($0 + 1)</th>" }.joined()
        var rows = ["<h2>Blocked steps by drill</h2>", "<table class=\"heat\"><tr><th>step</th>\(header)</tr>"]
        for step in trend.steps {
            let cells = trend.drills.map { drill -> String in
                if drill.blockedSteps.contains(step.index) { return "<td class=\"blocked\" title=\"blocked\">■</td>" }
                return "<td class=\"ok\" title=\"not blocked\"></td>"
            }.joined()
            rows.append("<tr><th>\(step.index). \(Markup.escape(step.title))</th>\(cells)</tr>")
        }
        rows.append("</table>")
        return rows.joined(separator: "\n")
    }
}
