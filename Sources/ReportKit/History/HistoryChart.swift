/// The small SVG chart of a runbook's trend: per drill a bar for the blocked steps
/// (left scale) and a dot for the time taken, joined by a line, with the budget as a
/// dashed line (right scale, both scaled to the largest of times and budgets).
enum HistoryChart {
    static let width = 640
    static let height = 200
    static let margin = 30

    static func svg(_ trend: HistoryTrend) -> String {
        let drills = trend.drills
        let plotWidth = width - 2 * margin
        let plotHeight = height - 2 * margin
        let step = plotWidth / max(drills.count, 1)
        let maxBlocked = max(drills.map(\.blockedCount).max() ?? 0, 1)
        let maxTime = max(drills.flatMap { [$0.elapsedMs] + ($0.budgetMs.map { [$0] } ?? []) }.max() ?? 0, 1)
        func x(_ i: Int) -> Int { margin + i * step + step / 2 }
        func yTime(_ ms: Int) -> Int { margin + plotHeight - ms * plotHeight / maxTime }
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"blocked steps and time per drill\">"]
        parts.append("<line x1=\"\(margin)\" y1=\"\(margin + plotHeight)\" x2=\"\(width - margin)\" y2=\"\(margin + plotHeight)\" stroke=\"#999\"/>")
        for (i, drill) in drills.enumerated() {
            let barHeight = drill.blockedCount * plotHeight / maxBlocked
            parts.append("<rect class=\"blocked\" x=\"\(x(i) - step / 4)\" y=\"\(margin + plotHeight - barHeight)\" width=\"\(max(step / 2, 2))\" height=\"\(barHeight)\" fill=\"#d9534f\"><title>drill \(i + 1): \(drill.blockedCount) blocked</title></rect>")
            parts.append("<text x=\"\(x(i))\" y=\"\(height - 8)\" font-size=\"11\" text-anchor=\"middle\">\(i + 1)</text>")
        }
        let points = drills.enumerated().map { "\(x($0.offset)),\(yTime($0.element.elapsedMs))" }.joined(separator: " ")
        parts.append("<polyline class=\"time\" points=\"\(points)\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\"/>")
        for (i, drill) in drills.enumerated() {
            parts.append("<circle class=\"time\" cx=\"\(x(i))\" cy=\"\(yTime(drill.elapsedMs))\" r=\"4\" fill=\"#1565c0\"><title>drill \(i + 1): \(ReportText.duration(ms: drill.elapsedMs))</title></circle>")
        }
        if let budget = drills.last?.budgetMs {
            parts.append("<line class=\"budget\" x1=\"\(margin)\" y1=\"\(yTime(budget))\" x2=\"\(width - margin)\" y2=\"\(yTime(budget))\" stroke=\"#555\" stroke-dasharray=\"4 3\"><title>budget \(ReportText.duration(ms: budget))</title></line>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
