import DrillKit

/// The SVG timeline of step durations: one bar per step that was shown, placed on the
/// run's active clock; blocked time hatched in red; the budget drawn as a dashed line.
/// Inline SVG with no script, so it is safe to embed and prints as vectors.
enum TimelineSVG {
    static let labelWidth = 220
    static let chartWidth = 520
    static let rowHeight = 22

    static func render(_ report: RunReport) -> String {
        let e = Markup.escape
        let shown = report.steps.filter { $0.startMs != nil }
        let end = max(report.elapsedMs, report.budgetMs ?? 0, shown.map { ($0.startMs ?? 0) + $0.timeMs }.max() ?? 0, 1)
        let height = rowHeight * (shown.count + 2)
        let width = labelWidth + chartWidth + 20
        func x(_ ms: Int) -> Int { labelWidth + Int((Double(ms) / Double(end) * Double(chartWidth)).rounded()) }

        var out: [String] = []
        out.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"Time per step\">")
        out.append("<defs><pattern id=\"blocked-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f6d5d3\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#b3261e\" stroke-width=\"3\"/></pattern></defs>")
        for (row, step) in shown.enumerated() {
            let y = row * rowHeight + 4
            let start = step.startMs ?? 0
            let barWidth = max(2, x(start + step.timeMs) - x(start))
            let label = ReportText.stepLabel(step.index, runbookId: step.runbookId) + ": " + step.title
            let clipped = label.count > 32 ? String(label.prefix(31)) + "…" : label
            out.append("<text x=\"0\" y=\"\(y + 14)\">\(e(clipped))</text>")
            out.append("<rect class=\"bar \(step.status.rawValue)\" x=\"\(x(start))\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(rowHeight - 6)\"><title>\(e(label)) — \(e(ReportText.status(step.status))), \(e(ReportText.duration(ms: step.timeMs)))</title></rect>")
        }
        let axisY = shown.count * rowHeight + 8
        out.append("<line class=\"axis\" x1=\"\(labelWidth)\" y1=\"\(axisY)\" x2=\"\(labelWidth + chartWidth)\" y2=\"\(axisY)\"/>")
        out.append("<text x=\"\(labelWidth)\" y=\"\(axisY + 14)\">0s</text>")
        if report.budgetMs != end {
            out.append("<text x=\"\(labelWidth + chartWidth)\" y=\"\(axisY + 14)\" text-anchor=\"end\">\(e(ReportText.duration(ms: end)))</text>")
        }
        if let budget = report.budgetMs {
            out.append("<line class=\"budget\" x1=\"\(x(budget))\" y1=\"0\" x2=\"\(x(budget))\" y2=\"\(axisY)\"><title>budget \(e(ReportText.duration(ms: budget)))</title></line>")
            out.append("<text x=\"\(x(budget) - 4)\" y=\"\(axisY + 14)\" text-anchor=\"end\">budget \(e(ReportText.duration(ms: budget)))</text>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }
}
