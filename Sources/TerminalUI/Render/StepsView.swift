import DrillKit
import Foundation
import RunbookKit

extension Canvas {
    /// The working screen: the step list on the left, the current step on the right,
    /// the inject banner on top, the input line and the keys at the bottom.
    mutating func steps(_ state: DrillState) {
        header(state)
        let geometry = StepsGeometry(state: state, size: frame.size)
        if let banner = state.banner {
            let text = TextLayout.clip(" \(glyphs.inject) INJECT  \(banner)", width: width, ellipsis: glyphs.ellipsis)
            frame.put(text + String(repeating: " ", count: max(0, width - text.count)), row: 1, column: 0, style: .warn)
        }
        statusLine(state, row: geometry.top - 2)
        rule(row: geometry.top - 1)
        let (top, bottom) = (geometry.top, geometry.bottom)
        stepList(state, top: top, bottom: bottom, width: geometry.listWidth)
        for row in top...bottom { frame.put(String(glyphs.divider), row: row, column: geometry.listWidth, style: .dim) }
        stepDetail(state, geometry: geometry)
        rule(row: height - 2)
        inputLine(state, row: height - 2)
        switch state.mode {
        case .reasonPicker(let highlighted):
            reasonPicker(highlighted: highlighted, step: state.progress.cursor, geometry: geometry)
            footer("1-7 pick\(glyphs.separator)\(glyphs.up)\(glyphs.down) + Enter pick\(glyphs.separator)Esc cancel")
        case .blockedNote, .note:
            footer("Enter saves\(glyphs.separator)Backspace deletes\(glyphs.separator)Esc cancels")
        case .help:
            help(top: top, bottom: bottom)
            footer("? or Esc closes help")
        default:
            footer("d done  b blocked  s skip  n note  r re-probe  u undo  \(glyphs.up)\(glyphs.down) move  ? help  q pause")
        }
    }

    mutating func statusLine(_ state: DrillState, row: Int) {
        let progress = state.progress
        let resolved = progress.steps.filter { $0.outcome.isResolved }.count
        var parts = ["reader \(state.context.reader)", state.context.cold ? "cold read" : "NOT a cold read",
                     "\(resolved)/\(progress.steps.count) steps"]
        let blocked = progress.blockedSteps.count
        if blocked > 0 { parts.append("\(blocked) blocked") }
        frame.put(TextLayout.clip(" " + parts.joined(separator: glyphs.separator), width: width, ellipsis: glyphs.ellipsis), row: row, column: 0)
        if !state.context.cold { frame.style(row: row, column: 0, length: min(width, 1 + parts[0].count + 3 + parts[1].count), .warn) }
    }

    mutating func stepList(_ state: DrillState, top: Int, bottom: Int, width listWidth: Int) {
        let steps = state.context.runbook.steps
        let visible = bottom - top + 1
        guard !steps.isEmpty, visible > 0 else { return }
        let cursor = state.progress.cursor
        let first = min(max(0, cursor - 1 - visible / 2), max(0, steps.count - visible))
        let digits = String(steps.count).count
        let shown = steps[first..<min(steps.count, first + visible)]
        // One pass over the results for the rows on screen, not one per row.
        let rows = Set(shown.map(\.index))
        let resultsByStep = Dictionary(grouping: state.progress.probeResults.filter { rows.contains($0.step) }, by: \.step)
        for (offset, step) in shown.enumerated() {
            let row = top + offset
            let record = state.progress.steps[step.index - 1]
            let (mark, style) = outcomeGlyph(record.outcome)
            let number = String(repeating: " ", count: digits - String(step.index).count) + String(step.index)
            let isCursor = step.index == cursor
            frame.put(isCursor ? glyphs.cursor : " ", row: row, column: 0, style: isCursor ? .bold : nil)
            frame.put(mark, row: row, column: 1, style: style)
            let titleRoom = listWidth - 4 - digits - 2
            frame.put(number + " " + TextLayout.clip(step.title, width: titleRoom, ellipsis: glyphs.ellipsis), row: row, column: 3)
            if let (badge, badgeStyle) = StepResults(results: resultsByStep[step.index] ?? []).summary(for: step, glyphs: glyphs) {
                frame.put(badge, row: row, column: listWidth - 2, style: badgeStyle)
            }
            if isCursor { frame.style(row: row, column: 3, length: listWidth - 5, .reverse) }
        }
    }

    func outcomeGlyph(_ outcome: StepOutcome) -> (String, Frame.Style?) {
        switch outcome {
        case .pending: return (glyphs.stepPending, .dim)
        case .done: return (glyphs.stepDone, .good)
        case .blocked: return (glyphs.stepBlocked, .bad)
        case .skipped: return (glyphs.stepSkipped, .dim)
        }
    }

    /// The current step's lines from the scrolled-to line, and the position marker on
    /// the pane's last row when the step is longer than the pane.
    mutating func stepDetail(_ state: DrillState, geometry: StepsGeometry) {
        guard let pane = StepPane.current(state, size: frame.size, glyphs: glyphs) else { return }
        let items = pane.lines.items
        let metrics = StepPaneMetrics(lineCount: items.count, rows: geometry.rows)
        let first = metrics.clamped(state.detailScroll)
        for (offset, item) in items.dropFirst(first).prefix(metrics.textRows).enumerated() {
            let row = geometry.top + offset
            var column = geometry.detailColumn
            if let badge = item.badge {
                frame.put(badge.text, row: row, column: column, style: badge.style)
                column += badge.text.count
            }
            frame.put(item.text, row: row, column: column, style: item.text.isEmpty ? nil : item.style, limit: geometry.detailWidth)
        }
        guard metrics.scrolls else { return }
        let marker = positionMarker(first: first, metrics: metrics)
        frame.put(TextLayout.clip(marker, width: geometry.detailWidth, ellipsis: glyphs.ellipsis), row: geometry.bottom,
                  column: geometry.detailColumn, style: .dim)
    }

    /// Which lines are on screen, how many are left, and the keys that reach them.
    func positionMarker(first: Int, metrics: StepPaneMetrics) -> String {
        let last = min(metrics.lineCount, first + metrics.textRows)
        let shown = "lines \(first + 1)-\(last) of \(metrics.lineCount)"
        let left = metrics.lineCount - last
        if left == 0 { return "\(glyphs.up) \(shown), end of step (PgUp)" }
        return "\(glyphs.down) \(shown), \(left) more (PgDn/Space)"
    }

    /// The line above the keys: text being typed, else the last hint.
    mutating func inputLine(_ state: DrillState, row: Int) {
        let cursorMark = "_"
        let text: String
        switch state.mode {
        case .blockedNote(let reason, let typed):
            text = "Blocked (\(reason.label)). Note, or Enter alone to skip: " + typed + cursorMark
        case .note(let typed):
            text = "Note for step \(state.progress.cursor): " + typed + cursorMark
        default:
            guard let hint = state.hint else { return }
            frame.put(TextLayout.clip(" " + hint + " ", width: width, ellipsis: glyphs.ellipsis), row: row, column: 0, style: .warn)
            return
        }
        // Long input scrolls so the end being typed stays visible.
        let visible = text.count > width ? glyphs.ellipsis + String(text.suffix(width - glyphs.ellipsis.count)) : text
        frame.put(visible + String(repeating: " ", count: max(0, width - visible.count)), row: row, column: 0, style: .bold)
    }
}
