import DrillKit
import RunbookKit

extension Canvas {
    /// The end: clean or not, what blocked, time against budget, what comes next and
    /// where the report is.
    mutating func summary(_ state: DrillState) {
        header(state)
        let progress = state.progress
        let context = state.context
        let last = height - 3
        var row = 2
        if progress.isClean {
            frame.put("\(glyphs.good) Drill finished: clean", row: row, column: 1, style: .good)
        } else {
            let count = progress.blockedSteps.count
            frame.put("\(glyphs.bad) Drill finished: not clean, \(count) step\(count == 1 ? "" : "s") blocked", row: row, column: 1, style: .bad)
        }
        row += 2
        var time = "Total " + TextLayout.clock(ms: state.elapsedMs)
        if let budget = context.budgetMs {
            time += " against a budget of " + TextLayout.clock(ms: budget)
            let over = state.overBudgetMs
            time += over > 0 ? ", over by " + TextLayout.clock(ms: over) : ", within budget"
        }
        frame.put(time, row: row, column: 1, style: state.overBudgetMs > 0 ? .warn : nil)
        row += 1
        frame.put(context.cold ? "Cold read by \(context.reader)" : "Not a cold read: \(context.reader) is in the owner team",
                  row: row, column: 1, style: context.cold ? nil : .warn)
        row += 2
        let steps = context.runbook.steps
        let blocked = progress.blockedSteps
        if !blocked.isEmpty {
            frame.put("Blocked", row: row, column: 1, style: .bold)
            row += 1
            for index in blocked where row <= last - 5 {
                guard case .blocked(let reason, let note) = progress.steps[index - 1].outcome else { continue }
                let line = "\(glyphs.stepBlocked) \(index). \(steps[index - 1].title): \(reason.label)" + (note.map { " (\($0))" } ?? "")
                frame.put(TextLayout.clip(line, width: width - 3, ellipsis: glyphs.ellipsis), row: row, column: 2, style: .bad)
                row += 1
            }
            row += 1
        }
        let skipped = progress.steps.indices.filter { progress.steps[$0].outcome == .skipped }.map { String($0 + 1) }
        if !skipped.isEmpty, row <= last - 4 {
            frame.put("Skipped: step " + skipped.joined(separator: ", "), row: row, column: 1)
            row += 2
        }
        let facts = [("Next drill", "see `coldread schedule`"), ("Report", context.reportMarkdownPath),
                     ("", context.reportJSONPath), ("Journal", context.journalPath)]
        for fact in facts where row <= last {
            frame.put(fact.0, row: row, column: 1, style: .bold)
            frame.put(TextLayout.clip(fact.1, width: width - 14, ellipsis: glyphs.ellipsis), row: row, column: 13)
            row += 1
        }
        rule(row: height - 2)
        footer("Press any key to exit")
    }
}
