import Foundation
import DrillKit
import RunbookKit

extension Canvas {
    /// Before the timer: the page, the simulated clock, the signals, the budget, and
    /// anything that makes this read not cold or not fully checkable: which access source
    /// answered, and who the reader may say they are when the directory does not know them.
    mutating func briefing(_ state: DrillState) {
        header(state)
        let last = height - 3
        var row = scenarioFacts(state, row: 2)
        row = readerWarnings(state, row: row, lastRow: last)
        row = accessSourceLines(state, row: row, lastRow: last)
        row = readerChoices(state, row: row, lastRow: last) + 1
        row = scenarioBody(state.context.scenario, row: row, lastRow: last)
        // Contacts follow the context: where to get help is part of what a reader knows before the timer starts.
        for section in state.context.runbook.briefing + state.context.runbook.contacts where row <= last {
            frame.put(section.heading, row: row, column: 1, style: .bold)
            let text = StepBody(section.text, title: "", bullet: glyphs.bullet).lines(width: width - 2, bar: glyphs.divider)
            for line in text where row + 1 <= last {
                row += 1
                frame.put(line, row: row, column: 1)
            }
            row += 2
        }
        rule(row: height - 2)
        briefingPrompt(state)
        if let hint = state.hint { frame.put(TextLayout.clip(hint, width: width, ellipsis: glyphs.ellipsis), row: height - 2, column: 0, style: .warn) }
    }

    /// The scenario's title, then clock, budget, reader and step count on one line.
    mutating func scenarioFacts(_ state: DrillState, row: Int) -> Int {
        let context = state.context
        let scenario = context.scenario
        frame.put("Scenario  ", row: row, column: 1, style: .bold)
        frame.put(TextLayout.clip(scenario?.title ?? "none (walking the runbook without a scenario)", width: width - 12, ellipsis: glyphs.ellipsis), row: row, column: 11)
        var facts: [String] = []
        if let clock = scenario?.clock { facts.append("Clock \(clock)") }
        facts.append("Budget " + (context.budgetMs.map { TextLayout.clock(ms: $0) } ?? "none"))
        facts.append("Reader \(context.reader)")
        facts.append("\(context.runbook.steps.count) steps")
        frame.put(TextLayout.clip(facts.joined(separator: "   "), width: width - 2, ellipsis: glyphs.ellipsis), row: row + 1, column: 1)
        return row + 2
    }

    mutating func readerWarnings(_ state: DrillState, row: Int, lastRow: Int) -> Int {
        let context = state.context
        var row = row
        if !context.cold {
            let owner = context.runbook.owner ?? "the owner team"
            row = paragraph("\(glyphs.warning) \(context.reader) is in \(owner), which owns this runbook: this is not a cold read (recorded as cold: false).",
                            row: row, column: 1, width: width - 2, lastRow: lastRow, style: .warn)
        }
        if !context.readerKnown {
            row = paragraph("\(glyphs.warning) \(context.reader) is not in the access directory: scopes show as unknown (?).",
                            row: row, column: 1, width: width - 2, lastRow: lastRow, style: .warn)
        }
        return row
    }

    /// Which live source answered for access, or why scopes are unknown.
    mutating func accessSourceLines(_ state: DrillState, row: Int, lastRow: Int) -> Int {
        var row = row
        for source in state.accessSources {
            let text = (source.failed ? glyphs.unknown : glyphs.good) + " " + source.text
            row = paragraph(text, row: row, column: 1, width: width - 2, lastRow: lastRow, style: source.failed ? .warn : .dim)
        }
        return row
    }

    /// When the directory does not know the reader: the rotation's members to pick from.
    mutating func readerChoices(_ state: DrillState, row: Int, lastRow: Int) -> Int {
        guard !state.readerChoices.isEmpty, !state.context.readerKnown, row <= lastRow else { return row }
        frame.put("Who are you? Press a number, or Enter to go on as \(state.context.reader).", row: row, column: 1, style: .bold)
        var row = row + 1
        for (offset, choice) in state.readerChoices.prefix(9).enumerated() where row <= lastRow {
            let cold = choice.cold ? "" : "  (owner team: not a cold read)"
            frame.put(TextLayout.clip("\(offset + 1)  \(choice.name)\(cold)", width: width - 4, ellipsis: glyphs.ellipsis), row: row, column: 3)
            row += 1
        }
        return row
    }

    /// What the page said, then the alert signals.
    mutating func scenarioBody(_ scenario: Scenario?, row: Int, lastRow: Int) -> Int {
        var row = row
        if let briefing = scenario?.briefing, !briefing.isEmpty {
            row = paragraph(briefing.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " "),
                            row: row, column: 1, width: width - 2, lastRow: lastRow) + 1
        }
        guard let signals = scenario?.signals, !signals.isEmpty, row <= lastRow else { return row }
        frame.put("Signals", row: row, column: 1, style: .bold)
        row += 1
        for signal in signals where row <= lastRow {
            frame.put(TextLayout.clip("\(glyphs.bad) \(signal.name)", width: width - 4, ellipsis: glyphs.ellipsis), row: row, column: 2, style: .bad)
            row += 1
            let detail = signal.lines.filter { !$0.hasSuffix(": " + signal.name) }.joined(separator: glyphs.separator)
            row = paragraph(detail, row: row, column: 4, width: width - 6, lastRow: min(lastRow, row + 1))
        }
        return row + 1
    }

    /// The bottom line: the resume offer, the run being resumed, or how to start.
    mutating func briefingPrompt(_ state: DrillState) {
        let text: String
        if let offer = state.resumeOffer {
            let done = offer.progress.steps.filter { $0.outcome.isResolved }.count
            let elapsed = TextLayout.clock(ms: offer.progress.elapsedMs(now: offer.progress.lastEventMs))
            text = "Unfinished run \(offer.context.runId) (\(done) of \(offer.progress.steps.count) steps, \(elapsed)). Continue it? y/n"
        } else if state.progress.phase != .notStarted {
            let done = state.progress.steps.filter { $0.outcome.isResolved }.count
            text = "Resuming \(state.context.runId): \(done) of \(state.progress.steps.count) steps, \(TextLayout.clock(ms: state.elapsedMs)). Enter continues\(glyphs.separator)q quits"
        } else {
            text = "Press Enter to start the timer\(glyphs.separator)q to quit"
        }
        frame.put(TextLayout.clip(text, width: width, ellipsis: glyphs.ellipsis), row: height - 1, column: 0, style: .bold)
    }
}
