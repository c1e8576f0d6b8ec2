import DrillKit
import Foundation
import ReportKit
import RunbookKit

extension Canvas {
    /// The end: clean or not, what blocked and why, time against budget, when the runbook
    /// is drilled next (this run counted) and where the reports are. The dates and paths
    /// are kept whole: they are what the reader acts on after the terminal is given back.
    mutating func summary(_ state: DrillState) {
        header(state)
        let last = height - 3
        var row = 2
        let verdict = verdictLine(state.progress)
        frame.put(verdict.text, row: row, column: 1, style: verdict.style)
        row += 2
        let time = timeLine(state)
        row = paragraph(time, row: row, column: 1, width: width - 2, lastRow: last, style: state.overBudgetMs > 0 ? .warn : nil)
        let context = state.context
        frame.put(context.cold ? "Cold read by \(context.reader)" : "Not a cold read: \(context.reader) is in the owner team",
                  row: row, column: 1, style: context.cold ? nil : .warn)
        row += 2
        let facts = factLines(state)
        row = blockedLines(state, row: row, lastRow: last - facts.count - 1)
        for (offset, fact) in facts.enumerated() where row + offset <= last {
            frame.put(fact.text, row: row + offset, column: 1)
            frame.style(row: row + offset, column: 1, length: fact.label, .bold)
        }
        rule(row: height - 2)
        footer("Press any key to exit")
    }

    func verdictLine(_ progress: DrillProgress) -> (text: String, style: Frame.Style) {
        if progress.isClean { return ("\(glyphs.good) Drill finished: clean", .good) }
        let count = progress.blockedSteps.count
        return ("\(glyphs.bad) Drill finished: not clean, \(count) step\(count == 1 ? "" : "s") blocked", .bad)
    }

    /// Spent time in the reports' duration format, against the budget when there is one.
    func timeLine(_ state: DrillState) -> String {
        let spent = ReportText.duration(ms: state.elapsedMs)
        guard let budget = state.context.budgetMs else { return "Total \(spent) (no budget)" }
        let over = state.overBudgetMs
        let verdict = over > 0 ? "over by " + ReportText.duration(ms: over) : "within budget"
        return "Total \(spent) against a budget of \(formatDuration(seconds: budget / 1000)), \(verdict)"
    }

    /// Each blocked step with its reason (and the reader's note), then the skipped ones;
    /// when rows run out, how many more the report lists.
    mutating func blockedLines(_ state: DrillState, row start: Int, lastRow: Int) -> Int {
        let progress = state.progress
        let steps = state.context.runbook.steps
        var lines: [(String, Frame.Style?)] = []
        for index in progress.blockedSteps {
            guard case .blocked(let reason, let note) = progress.steps[index - 1].outcome else { continue }
            let title = steps[index - 1].title.trimmingCharacters(in: CharacterSet(charactersIn: ":;,. "))
            let text = "\(title): \(reason.label)" + (note.map { " (\($0))" } ?? "")
            lines += TextLayout.hanging(text, width: width - 3, first: "\(glyphs.stepBlocked) \(index). ").map { ($0, .bad) }
        }
        if !lines.isEmpty { lines.insert(("Blocked", .bold), at: 0) }
        let skipped = progress.steps.indices.filter { progress.steps[$0].outcome == .skipped }.map { String($0 + 1) }
        if !skipped.isEmpty { lines += TextLayout.wrap("Skipped: step " + skipped.joined(separator: ", "), width: width - 3).map { ($0, nil) } }
        var row = start
        let room = lastRow - start + 1
        let shown = lines.count > room ? Array(lines.prefix(max(0, room - 1))) : lines
        for (text, style) in shown {
            frame.put(text, row: row, column: text == "Blocked" ? 1 : 2, style: style)
            row += 1
        }
        if shown.count < lines.count, room > 0 {
            frame.put("\(glyphs.ellipsis) \(lines.count - shown.count) more lines in the report", row: row, column: 2, style: .dim)
            row += 1
        }
        return row + 1
    }

    /// The next drill and the files, each label followed by its value wrapped whole.
    func factLines(_ state: DrillState) -> [(text: String, label: Int)] {
        let context = state.context
        var facts = [("Next drill", nextDrill(state)), ("Report", context.reportMarkdownPath),
                     ("", context.reportJSONPath), ("Journal", context.journalPath)]
        if state.cadence == nil { facts[0].1 = "see `coldread schedule`" }
        let label = 12
        return facts.flatMap { fact in
            let first = fact.0.padding(toLength: label, withPad: " ", startingAt: 0)
            return TextLayout.hanging(fact.1, width: width - 2, first: first).enumerated().map { offset, line in
                (line, offset == 0 ? fact.0.count : 0)
            }
        }
    }

    /// `2026-03-10 (monthly, because this run was not clean)`, by the cadence rules.
    func nextDrill(_ state: DrillState) -> String {
        guard let cadence = state.cadence, let status = cadence.afterRun(state.context, progress: state.progress) else {
            return "see `coldread schedule`"
        }
        let slot = DrillSlot(policy: cadence.policy)
        let time = String(format: "%02d:%02d", cadence.policy.slotHour, cadence.policy.slotMinute)
        let why: String
        if status.mode == cadence.policy.defaultMode {
            why = "\(status.mode.rawValue), \(status.cleanStreak) clean in a row"
        } else {
            why = "\(status.mode.rawValue) until \(cadence.policy.cleanRunsToRecover) clean drills in a row"
        }
        return "\(slot.day(of: status.nextDue)) \(time) (\(why))"
    }
}
