import Foundation
import DrillKit
import RunbookKit

extension Canvas {
    /// Before the timer: the page, the simulated clock, the signals, the budget, and
    /// anything that makes this read not cold or not fully checkable.
    mutating func briefing(_ state: DrillState) {
        header(state)
        let context = state.context
        let last = height - 3
        var row = 2
        let scenario = context.scenario
        frame.put("Scenario  ", row: row, column: 1, style: .bold)
        frame.put(TextLayout.clip(scenario?.title ?? "none (walking the runbook without a scenario)", width: width - 12, ellipsis: glyphs.ellipsis), row: row, column: 11)
        row += 1
        var facts: [String] = []
        if let clock = scenario?.clock { facts.append("Clock \(clock)") }
        facts.append("Budget " + (context.budgetMs.map { TextLayout.clock(ms: $0) } ?? "none"))
        facts.append("Reader \(context.reader)")
        facts.append("\(context.runbook.steps.count) steps")
        frame.put(TextLayout.clip(facts.joined(separator: "   "), width: width - 2, ellipsis: glyphs.ellipsis), row: row, column: 1)
        row += 1
        if !context.cold {
            let owner = context.runbook.owner ?? "the owner team"
            row = paragraph("\(glyphs.warning) \(context.reader) is in \(owner), which owns this runbook: this is not a cold read (recorded as cold: false).",
                            row: row, column: 1, width: width - 2, lastRow: last, style: .warn)
        }
        if !context.readerKnown {
            row = paragraph("\(glyphs.warning) \(context.reader) is not in the access directory: scopes show as unknown.",
                            row: row, column: 1, width: width - 2, lastRow: last, style: .warn)
        }
        row += 1
        if let briefing = scenario?.briefing, !briefing.isEmpty {
            row = paragraph(briefing.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " "),
                            row: row, column: 1, width: width - 2, lastRow: last)
            row += 1
        }
        if let signals = scenario?.signals, !signals.isEmpty, row <= last {
            frame.put("Signals", row: row, column: 1, style: .bold)
            row += 1
            for signal in signals where row <= last {
                frame.put(TextLayout.clip("\(glyphs.bad) \(signal.name)", width: width - 4, ellipsis: glyphs.ellipsis), row: row, column: 2, style: .bad)
                row += 1
                let detail = signal.lines.filter { !$0.hasSuffix(": " + signal.name) }.joined(separator: glyphs.separator)
                row = paragraph(detail, row: row, column: 4, width: width - 6, lastRow: min(last, row + 1))
            }
            row += 1
        }
        // Contacts follow the context: where to get help is part of what a reader knows before the timer starts.
        for section in context.runbook.briefing + context.runbook.contacts where row <= last {
            frame.put(section.heading, row: row, column: 1, style: .bold)
            row = paragraph(TextLayout.readableBody(section.text), row: row + 1, column: 1, width: width - 2, lastRow: last)
            row += 1
        }
        rule(row: height - 2)
        if let offer = state.resumeOffer {
            let done = offer.progress.steps.filter { $0.outcome.isResolved }.count
            let elapsed = TextLayout.clock(ms: offer.progress.elapsedMs(now: offer.progress.lastEventMs))
            frame.put(TextLayout.clip("Unfinished run \(offer.context.runId) (\(done) of \(offer.progress.steps.count) steps, \(elapsed)). Continue it? y/n",
                                      width: width, ellipsis: glyphs.ellipsis), row: height - 1, column: 0, style: .bold)
        } else if state.progress.phase != .notStarted {
            let done = state.progress.steps.filter { $0.outcome.isResolved }.count
            frame.put(TextLayout.clip("Resuming \(context.runId): \(done) of \(state.progress.steps.count) steps, \(TextLayout.clock(ms: state.elapsedMs)). Enter continues\(glyphs.separator)q quits",
                                      width: width, ellipsis: glyphs.ellipsis), row: height - 1, column: 0, style: .bold)
        } else {
            frame.put("Press Enter to start the timer\(glyphs.separator)q to quit", row: height - 1, column: 0, style: .bold)
        }
        if let hint = state.hint { frame.put(TextLayout.clip(hint, width: width, ellipsis: glyphs.ellipsis), row: height - 2, column: 0, style: .warn) }
    }
}
