/// The report as GitHub-flavoured Markdown, for a PR comment or a wiki page. Text that
/// came from runbooks, scenarios and notes is escaped so it cannot inject HTML or break
/// a table.
public enum MarkdownReport {
    public static func render(_ report: RunReport) -> String {
        var out: [String] = []
        out.append("# \(md(ReportText.title(report)))")
        out.append("")
        out.append("| | |")
        out.append("|---|---|")
        out.append("| Run | `\(md(report.runId))` (\(report.kind.rawValue)) |")
        if let scenario = report.scenario { out.append("| Scenario | \(md(scenario.id)) (\(md(scenario.path))) |") }
        if let rb = report.runbook {
            out.append("| Runbook | \(md(rb.id)) (\(md(rb.path))), sha256 `\(md(String(rb.sha256.prefix(12))))` |")
        }
        for rb in report.runbooks where rb != report.runbook { out.append("| Runbook | \(md(rb.id)) (\(md(rb.path))) |") }
        if let reader = report.reader { out.append("| Reader | \(md(reader)) |") }
        if report.kind == .drill { out.append("| Cold | \(ReportText.cold(report)) |") }
        if let at = report.startedAt { out.append("| Started | \(md(at)) |") }
        out.append("| Result | **\(ReportText.result(report))** |")
        out.append("| Time | \(ReportText.time(report)) |")
        out.append("")
        out.append("## Steps")
        out.append("")
        out.append("| # | Step | Status | Time | Reason |")
        out.append("|---|---|---|---|---|")
        for step in report.steps {
            let number = step.runbookId.map { "\(md($0)) \(step.index)" } ?? "\(step.index)"
            let reason = step.blockedReason?.label ?? ""
            out.append("| \(number) | \(md(step.title)) | \(ReportText.status(step.status)) | \(ReportText.duration(ms: step.timeMs)) | \(reason) |")
        }
        for step in report.steps where !step.probes.isEmpty || !step.notes.isEmpty || step.blockedNote != nil || !step.injects.isEmpty {
            out.append("")
            out.append("### \(ReportText.stepLabel(step.index, runbookId: step.runbookId.map(md))): \(md(step.title))")
            out.append("")
            out += StepDetail.of(step).map { "- \(probeMarks[$0.kind] ?? "")\(md($0.text))" }
        }
        out.append("")
        out.append("## Roadmap")
        out.append("")
        if report.roadmap.isEmpty {
            out.append("No gaps: the reader was not stopped, and every probe passed.")
        }
        for (i, gap) in report.roadmap.enumerated() {
            let cost = gap.blocking && gap.costMs > 0 ? " — cost \(ReportText.duration(ms: gap.costMs))" : ""
            out.append("\(i + 1). **\(md(gap.heading))** (\(md(ReportText.stepLabel(gap.step, runbookId: gap.runbookId))): \(md(gap.stepTitle))\(cost))")
            out.append("   \(md(gap.finding))")
            for remedy in gap.remedies { out.append("   - \(md(remedy))") }
        }
        out.append("")
        return out.joined(separator: "\n")
    }

    /// A probe's line starts with its outcome at a glance; other lines start with a word.
    private static let probeMarks: [StepDetail.Kind: String] = [.fail: "✗ ", .unknown: "? ", .pass: "✓ "]

    /// Escapes text for an inline Markdown context: no raw HTML, no table breaks, one line.
    static func md(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
