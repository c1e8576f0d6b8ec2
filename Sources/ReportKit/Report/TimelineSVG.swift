import DrillKit

/// The SVG timeline of step durations: one bar per step that was shown, placed on the
/// run's active clock; blocked time hatched in red. The axis is scaled to the run, so a
/// 14-second drill fills the chart; the budget is a dashed marker when it falls on the
/// axis (up to twice the run's length, so the run still fills half the chart) and a label at the axis' end when it is
/// further away, so a short run against a long budget still shows its bars.
/// Inline SVG with no script, so it is safe to embed and prints as vectors.
enum TimelineSVG {
    static let labelWidth = 220
    static let chartWidth = 520
    static let rowHeight = 22
    /// A budget up to this many times the run's length is drawn on the axis.
    static let budgetMarkerReach = 2.0

    static func render(_ report: RunReport) -> String {
        let e = Markup.escape
        let shown = report.steps.filter { $0.startMs != nil }
        let runEnd = max(report.elapsedMs, shown.map { ($0.startMs ?? 0) + $0.timeMs }.max() ?? 0, 1)
        let budgetOnAxis = report.budgetMs.map { Double($0) <= Double(runEnd) * budgetMarkerReach } ?? false
        let end = budgetOnAxis ? max(runEnd, report.budgetMs ?? 0) : runEnd
        let height = rowHeight * (shown.count + 2)
        let width = labelWidth + chartWidth + 20
        func x(_ ms: Int) -> Int { labelWidth + Int((Double(min(ms, end)) / Double(end) * Double(chartWidth)).rounded()) }

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
        out += budgetMarks(report.budgetMs, onAxis: budgetOnAxis, end: end, axisY: axisY, x: x)
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    /// The axis' end time, and the budget: a dashed line at its place when it is on the
    /// axis, else a label past the axis' end saying how far off it is.
    private static func budgetMarks(_ budget: Int?, onAxis: Bool, end: Int, axisY: Int, x: (Int) -> Int) -> [String] {
        let e = Markup.escape
        let right = labelWidth + chartWidth
        var out: [String] = []
        if budget != end || !onAxis {
            out.append("<text class=\"axis-end\" x=\"\(right)\" y=\"\(axisY + 14)\" text-anchor=\"end\">\(e(ReportText.duration(ms: end)))</text>")
        }
        guard let budget else { return out }
        let text = "budget \(ReportText.duration(ms: budget))"
        if onAxis {
            out.append("<line class=\"budget\" x1=\"\(x(budget))\" y1=\"0\" x2=\"\(x(budget))\" y2=\"\(axisY)\"><title>\(e(text))</title></line>")
            out.append("<text class=\"budget-label\" x=\"\(x(budget) - 4)\" y=\"\(axisY + 14)\" text-anchor=\"end\">\(e(text))</text>")
        } else {
            out.append("<text class=\"budget-label off-axis\" x=\"\(right)\" y=\"\(axisY + 28)\" text-anchor=\"end\">\(e(text)), beyond the run →</text>")
        }
        return out
    }
}
