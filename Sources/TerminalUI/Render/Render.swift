import DrillKit
import RunbookKit

/// The drill's face as a pure function: the same state and size always give the same
/// frame. The curses driver draws it; tests compare it with golden files.
public func render(_ state: DrillState, size: TerminalSize, glyphs: Glyphs = .unicode) -> Frame {
    var canvas = Canvas(frame: Frame(size: size), glyphs: glyphs)
    guard size.width >= Canvas.minimum.width, size.height >= Canvas.minimum.height else {
        canvas.tooSmall()
        return canvas.frame
    }
    switch state.mode {
    case .briefing:
        canvas.briefing(state)
    case .summary:
        canvas.summary(state)
    case .steps, .reasonPicker, .blockedNote, .note, .help:
        canvas.steps(state)
    }
    return canvas.frame
}

/// A frame being drawn, with the pieces every screen shares.
struct Canvas {
    static let minimum = TerminalSize(width: 44, height: 12)

    var frame: Frame
    let glyphs: Glyphs
    var width: Int { frame.size.width }
    var height: Int { frame.size.height }

    mutating func tooSmall() {
        let lines = TextLayout.wrap("The terminal is \(width)x\(height); the drill needs at least \(Self.minimum.width)x\(Self.minimum.height). Enlarge the window, or press q to pause.", width: width)
        for (row, line) in lines.prefix(height).enumerated() { frame.put(line, row: row, column: 0) }
    }

    /// Row 0: the runbook, the simulated clock, elapsed time against the budget.
    mutating func header(_ state: DrillState) {
        frame.put(String(repeating: " ", count: width), row: 0, column: 0)
        frame.style(row: 0, column: 0, length: width, .reverse)
        var right = ""
        if let simulated = simulatedClock(state) { right += simulated + "  " }
        right += "elapsed " + TextLayout.clock(ms: state.elapsedMs)
        right += state.context.budgetMs.map { " / budget " + TextLayout.clock(ms: $0) } ?? " (no budget)"
        let over = state.overBudgetMs
        let overText = over > 0 ? "  OVER +" + TextLayout.clock(ms: over) : ""
        let rightWidth = right.count + overText.count + 1
        let left = TextLayout.clip(" ColdRead  " + state.context.runbook.title, width: max(0, width - rightWidth - 1), ellipsis: glyphs.ellipsis)
        frame.put(left, row: 0, column: 0)
        frame.style(row: 0, column: 1, length: 8, .bold)
        let start = width - rightWidth
        frame.put(right, row: 0, column: start)
        if !overText.isEmpty { frame.put(overText, row: 0, column: start + right.count, style: .bad) }
    }

    /// The scenario's clock moved on by the drill's elapsed time ("02:17" + 3m = "02:20").
    func simulatedClock(_ state: DrillState) -> String? {
        guard let clock = state.context.scenario?.clock else { return nil }
        let parts = clock.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2 else { return clock }
        let minutes = (parts[0] * 60 + parts[1] + state.elapsedMs / 60_000) % (24 * 60)
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    mutating func rule(row: Int) {
        frame.put(String(repeating: glyphs.rule, count: width), row: row, column: 0, style: .dim)
    }

    /// Writes wrapped lines from `row` down to `lastRow`; returns the next free row.
    @discardableResult
    mutating func paragraph(_ text: String, row: Int, column: Int, width: Int, lastRow: Int, style: Frame.Style? = nil) -> Int {
        var row = row
        for line in TextLayout.wrap(text, width: width) where row <= lastRow {
            frame.put(line, row: row, column: column, style: line.isEmpty ? nil : style)
            row += 1
        }
        return row
    }

    mutating func footer(_ text: String) {
        frame.put(TextLayout.clip(text, width: width, ellipsis: glyphs.ellipsis), row: height - 1, column: 0, style: .dim)
    }
}
