import DrillKit
import RunbookKit

/// The report as one self-contained HTML file: inline CSS (with print styles), an inline
/// SVG timeline, no scripts and no external assets, so it can be mailed or archived and
/// still open. Everything from runbooks, scenarios, notes and probes is escaped.
/// It fits a 1280 px window: the steps table has fixed column widths (the step column
/// keeps 30%), and long words such as SSO redirect URLs wrap anywhere instead of
/// widening the page.
public enum HTMLReport {
    public static func render(_ report: RunReport) -> String {
        let e = Markup.escape
        var out: [String] = []
        out.append("<!DOCTYPE html>")
        out.append("<html lang=\"en\">")
        out.append("<head>")
        out.append("<meta charset=\"utf-8\"/>")
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        out.append("<title>\(e(ReportText.title(report)))</title>")
        out.append("<style>\(style)</style>")
        out.append("</head>")
        out.append("<body>")
        out.append("<h1>\(e(ReportText.title(report)))</h1>")
        out += header(report)
        out.append("<h2>Timeline</h2>")
        out.append(TimelineSVG.render(report))
        out += steps(report)
        out += roadmap(report)
        out.append("</body>")
        out.append("</html>")
        return out.joined(separator: "\n") + "\n"
    }

    /// The run's facts as a definition list: who read what, when, and how it ended.
    private static func header(_ report: RunReport) -> [String] {
        let e = Markup.escape
        var out = ["<dl class=\"header\">"]
        func row(_ term: String, _ value: String) { out.append("<dt>\(term)</dt><dd>\(value)</dd>") }
        row("Run", "<code>\(e(report.runId))</code> (\(e(report.kind.rawValue)))")
        if let scenario = report.scenario { row("Scenario", "\(e(scenario.id)) (\(e(scenario.path)))") }
        if let rb = report.runbook {
            row("Runbook", "\(e(rb.id)) (\(e(rb.path))), sha256 <code>\(e(String(rb.sha256.prefix(12))))</code>")
        }
        for rb in report.runbooks where rb != report.runbook { row("Runbook", "\(e(rb.id)) (\(e(rb.path)))") }
        if let reader = report.reader { row("Reader", e(reader)) }
        if report.kind == .drill { row("Cold", e(ReportText.cold(report))) }
        if let at = report.startedAt { row("Started", e(at)) }
        row("Result", "<strong class=\"\(report.clean ? "clean" : "unclean")\">\(e(ReportText.result(report)))</strong>")
        row("Time", e(ReportText.time(report)))
        out.append("</dl>")
        return out
    }

    /// The steps table, one row a step, with its probes, notes and injects as a list.
    private static func steps(_ report: RunReport) -> [String] {
        let e = Markup.escape
        var out = ["<h2>Steps</h2>", "<table class=\"steps\">"]
        out.append("<colgroup><col class=\"number\"/><col class=\"step\"/><col class=\"status\"/><col class=\"time\"/><col class=\"details\"/></colgroup>")
        out.append("<thead><tr><th>#</th><th>Step</th><th>Status</th><th>Time</th><th>Probes, notes and injects</th></tr></thead>")
        out.append("<tbody>")
        for step in report.steps {
            let number = step.runbookId.map { "\(e($0)) \(step.index)" } ?? "\(step.index)"
            let details = stepDetails(step)
            let list = details.isEmpty ? "" : "<ul>\(details.joined())</ul>"
            out.append("<tr class=\"\(step.status.rawValue)\"><td>\(number)</td><td>\(e(step.title))</td><td>\(e(ReportText.status(step.status)))</td><td>\(e(ReportText.duration(ms: step.timeMs)))</td><td>\(list)</td></tr>")
        }
        out.append("</tbody>")
        out.append("</table>")
        return out
    }

    /// A step's list items: why it was blocked, then its probes, notes and injects.
    private static func stepDetails(_ step: StepReport) -> [String] {
        StepDetail.of(step).map { "<li class=\"\($0.kind.rawValue)\">\(Markup.escape($0.text))</li>" }
    }

    /// The roadmap: each gap with where it stood, what it cost and how to close it.
    private static func roadmap(_ report: RunReport) -> [String] {
        let e = Markup.escape
        var out = ["<h2>Roadmap</h2>"]
        guard !report.roadmap.isEmpty else {
            return out + ["<p>No gaps: the reader was not stopped, and every probe passed.</p>"]
        }
        out.append("<ol class=\"roadmap\">")
        for gap in report.roadmap {
            let cost = gap.blocking && gap.costMs > 0 ? " — cost \(e(ReportText.duration(ms: gap.costMs)))" : ""
            let remedies = gap.remedies.map { "<li>\(Markup.escapeWithCode($0))</li>" }.joined()
            out.append("<li><h3>\(e(gap.heading))</h3><p class=\"where\">\(e(ReportText.stepLabel(gap.step, runbookId: gap.runbookId))): \(e(gap.stepTitle))\(cost)</p><p>\(Markup.escapeWithCode(gap.finding))</p><ul>\(remedies)</ul></li>")
        }
        out.append("</ol>")
        return out
    }

    static let style = """

    body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;background:#fff;max-width:60rem;margin:2rem auto;padding:0 1rem}
    h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1rem;margin:0}
    code{font-family:ui-monospace,Menlo,Consolas,monospace;background:#f2f2f2;padding:0 .2em}
    dl.header{display:grid;grid-template-columns:8rem minmax(0,1fr);gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
    h1,h3,p,dd,td,li,code{overflow-wrap:anywhere}
    .clean{color:#1a7f37}.unclean{color:#b3261e}
    table.steps{border-collapse:collapse;width:100%;table-layout:fixed}
    col.number{width:4.5rem}col.step{width:30%}col.status{width:6.5rem}col.time{width:5rem}table.steps th,table.steps td{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
    tr.blocked td:nth-child(3){color:#b3261e;font-weight:600}tr.skipped td,tr.not_reached td{color:#666}
    li.fail{color:#b3261e}li.pass{color:#1a7f37}li.unknown{color:#9a6700}li.unknown::marker{content:"? "}ul{margin:.2rem 0;padding-left:1.2rem}
    ol.roadmap>li{margin-bottom:1rem}.where{color:#555;margin:.1rem 0}
    svg.timeline{width:100%;max-width:100%;height:auto}svg .bar{fill:#4a78c2}svg .bar.blocked{fill:url(#blocked-hatch);stroke:#b3261e}
    svg .bar.skipped{fill:#bbb}svg .bar.in_progress{fill:#e0a800}svg text{font:12px system-ui,sans-serif;fill:#1d1d1f}
    svg .budget{stroke:#b3261e;stroke-width:2;stroke-dasharray:6 4}svg .axis{stroke:#999}
    @media print{
    body{margin:0;max-width:none;font-size:11pt;color:#000}
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    h2{break-after:avoid}tr,ol.roadmap>li,svg.timeline{break-inside:avoid}
    code{background:none}a{color:#000;text-decoration:none}
    }

    """
}
