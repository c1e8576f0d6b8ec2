import DrillKit
import ReportKit
import RunbookKit

/// The review's frames, as a pure function of the report and the review state: a step
/// list, a step's detail (timings and probe evidence), and the roadmap. Golden-tested
/// like the drill's frames; the curses driver only copies them to the terminal.
public enum ReviewView {
    /// One line of a scrolling page, with an optional style for the whole line.
    struct Line: Equatable {
        var text: String
        var style: Frame.Style?
    }

    public static func render(_ report: RunReport, _ state: ReviewState, size: TerminalSize, glyphs: Glyphs) -> Frame {
        var frame = Frame(size: size)
        let width = size.width
        guard size.height >= 6, width >= 20 else {
            frame.put("Enlarge the terminal to review this run.", row: 0, column: 0)
            return frame
        }
        let kind = report.kind == .drill ? "Drill" : "Dry-run"
        let name = report.runbookTitle ?? report.runbook?.id ?? report.runId
        let title = " coldread review · \(kind): \(name)"
        frame.put(clip(title.padding(toLength: max(title.count, width), withPad: " ", startingAt: 0), width, glyphs), row: 0, column: 0, style: .reverse)
        var summary = [report.runId]
        if let reader = report.reader { summary.append(reader) }
        if report.kind == .drill, let cold = report.cold { summary.append(cold ? "cold read" : "not a cold read") }
        summary.append(resultWords(report))
        summary.append(timeWords(report))
        frame.put(clip(summary.joined(separator: " · "), width, glyphs), row: 1, column: 0)
        let resultColumn = summary.dropLast(2).joined(separator: " · ").count + (summary.count > 2 ? 3 : 0)
        frame.style(row: 1, column: resultColumn, length: min(resultWords(report).count, max(0, width - resultColumn)), report.clean ? .good : .bad)
        frame.put(String(repeating: glyphs.rule, count: width), row: 2, column: 0, style: .dim)

        let bodyTop = 3, bodyHeight = size.height - 4
        let footer: String
        switch state.page {
        case .steps:
            drawSteps(report, state, into: &frame, top: bodyTop, height: bodyHeight, glyphs: glyphs)
            footer = "\(glyphs.up)\(glyphs.down) move · Enter detail · r roadmap · q leave"
        case .detail:
            let lines = detailLines(report, state.cursor, width: width, glyphs: glyphs)
            let shown = drawPage(lines, scroll: state.scroll, into: &frame, top: bodyTop, height: bodyHeight)
            footer = "\(glyphs.up)\(glyphs.down) scroll · n/p next/previous step · Esc steps · r roadmap · q leave" + shown
        case .roadmap:
            let lines = roadmapLines(report, width: width, glyphs: glyphs)
            let shown = drawPage(lines, scroll: state.scroll, into: &frame, top: bodyTop, height: bodyHeight)
            footer = "\(glyphs.up)\(glyphs.down) scroll · Esc steps · q leave" + shown
        }
        frame.put(clip(footer, width, glyphs), row: size.height - 1, column: 0, style: .dim)
        return frame
    }

    // MARK: step list

    static func drawSteps(_ report: RunReport, _ state: ReviewState, into frame: inout Frame, top: Int, height: Int, glyphs: Glyphs) {
        let width = frame.size.width
        guard !report.steps.isEmpty else {
            frame.put("This run recorded no steps.", row: top, column: 2, style: .dim)
            return
        }
        let first = max(0, min(state.cursor - height + 1, report.steps.count - height))
        let tail = 30
        for (row, index) in (first..<min(report.steps.count, first + height)).enumerated() {
            let step = report.steps[index]
            let y = top + row
            let (glyph, style) = mark(step.status, glyphs)
            let selected = index == state.cursor
            frame.put(selected ? glyphs.cursor : " ", row: y, column: 0, style: selected ? .bold : nil)
            frame.put(glyph, row: y, column: 2, style: style)
            let number = step.runbookId.map { "\($0) \(step.index)." } ?? "\(step.index)."
            let titleWidth = max(4, width - 5 - tail)
            let label = clip("\(number) \(step.title)", titleWidth, glyphs)
            frame.put(label, row: y, column: 4, style: selected ? .bold : nil)
            let status = statusWords(step)
            let right = clip(status, 22, glyphs).padding(toLength: 22, withPad: " ", startingAt: 0) + " " + duration(step.timeMs)
            frame.put(right, row: y, column: max(4, width - tail), style: style == .bad ? .bad : nil, limit: tail)
        }
    }

    // MARK: detail

    static func detailLines(_ report: RunReport, _ cursor: Int, width: Int, glyphs: Glyphs) -> [Line] {
        guard report.steps.indices.contains(cursor) else { return [] }
        let step = report.steps[cursor]
        var lines: [Line] = []
        let where_ = step.runbookId.map { "\($0), step" } ?? "Step"
        lines += wrap("\(where_) \(step.index) of \(report.steps.count): \(step.title)", width: width, style: .bold)
        let (_, style) = mark(step.status, glyphs)
        lines.append(Line(text: "Status: \(statusWords(step))", style: style))
        var time = "Time: \(duration(step.timeMs))"
        if let start = step.startMs { time += " (started at \(duration(start)) on the run clock)" }
        lines.append(Line(text: time, style: nil))
        if let note = step.blockedNote, !note.isEmpty { lines += wrap("Reader's note: \(note)", width: width, indent: 2, style: nil) }
        if !step.probes.isEmpty {
            lines.append(Line(text: "", style: nil))
            lines.append(Line(text: "Probes", style: .bold))
            for probe in step.probes {
                let good = !probe.outcome.blocks
                let mark = probe.outcome.isInconclusive ? glyphs.unknown : (good ? glyphs.good : glyphs.bad)
                let style: Frame.Style = probe.outcome.isInconclusive ? .warn : (good ? .good : .bad)
                lines += wrap("\(mark) \(evidence(probe))", width: width, indent: 4, first: 2, style: style)
            }
        }
        if !step.notes.isEmpty {
            lines.append(Line(text: "", style: nil))
            lines.append(Line(text: "Notes", style: .bold))
            for note in step.notes { lines += wrap("- \(note)", width: width, indent: 4, first: 2, style: nil) }
        }
        if !step.injects.isEmpty {
            lines.append(Line(text: "", style: nil))
            lines.append(Line(text: "Injects seen", style: .bold))
            for inject in step.injects { lines += wrap("\(glyphs.inject) \(inject)", width: width, indent: 4, first: 2, style: .warn) }
        }
        let gaps = report.roadmap.filter { $0.step == step.index && $0.runbookId == step.runbookId }
        if !gaps.isEmpty {
            lines.append(Line(text: "", style: nil))
            lines.append(Line(text: "Gaps at this step (see the roadmap)", style: .bold))
            for gap in gaps { lines += wrap("- \(gap.heading)", width: width, indent: 4, first: 2, style: nil) }
        }
        return lines
    }

    // MARK: roadmap

    static func roadmapLines(_ report: RunReport, width: Int, glyphs: Glyphs) -> [Line] {
        guard !report.roadmap.isEmpty else {
            return [Line(text: "No gaps: the reader was not stopped, and every probe passed.", style: .good)]
        }
        var lines = [Line(text: "Roadmap: \(report.roadmap.count) gap\(report.roadmap.count == 1 ? "" : "s"), costliest first", style: .bold)]
        for (i, gap) in report.roadmap.enumerated() {
            lines.append(Line(text: "", style: nil))
            let place = gap.runbookId.map { "\($0) step \(gap.step)" } ?? "step \(gap.step)"
            let cost = gap.blocking && gap.costMs > 0 ? ", cost \(duration(gap.costMs))" : ""
            lines += wrap("\(i + 1). \(gap.heading) (\(place)\(cost))", width: width, indent: 4, style: gap.blocking ? .bad : .warn)
            lines += wrap(gap.finding, width: width, indent: 4, first: 4, style: nil)
            for remedy in gap.remedies { lines += wrap("- \(remedy)", width: width, indent: 6, first: 4, style: nil) }
        }
        return lines
    }

    /// Draws lines from `scroll` on, clamped so the last page stays full; returns the
    /// "lines a–b of n" note for the footer when the page does not fit.
    static func drawPage(_ lines: [Line], scroll: Int, into frame: inout Frame, top: Int, height: Int) -> String {
        let first = max(0, min(scroll, lines.count - height))
        for (row, line) in lines.dropFirst(first).prefix(height).enumerated() {
            frame.put(line.text, row: top + row, column: 0, style: line.text.isEmpty ? nil : line.style)
        }
        guard lines.count > height else { return "" }
        return " · lines \(first + 1)–\(min(lines.count, first + height)) of \(lines.count)"
    }

    // MARK: words

    static func mark(_ status: StepStatus, _ glyphs: Glyphs) -> (String, Frame.Style) {
        switch status {
        case .done: return (glyphs.stepDone, .good)
        case .blocked: return (glyphs.stepBlocked, .bad)
        case .skipped: return (glyphs.stepSkipped, .dim)
        case .inProgress: return (glyphs.waiting, .warn)
        case .notReached: return (glyphs.stepPending, .dim)
        }
    }

    static func statusWords(_ step: StepReport) -> String {
        let reason = step.status == .blocked ? step.blockedReason.map { ": \($0.label)" } : nil
        return ReportText.status(step.status) + (reason ?? "")
    }

    static func resultWords(_ report: RunReport) -> String {
        let blocked = report.blockedCount
        let words = report.clean ? "clean" : "not clean: \(blocked) blocked"
        return report.finished ? words : words + " (unfinished)"
    }

    static func timeWords(_ report: RunReport) -> String {
        guard let budget = report.budgetMs else { return duration(report.elapsedMs) }
        return "\(duration(report.elapsedMs)) of \(duration(budget))"
    }

    static func duration(_ ms: Int) -> String { ReportText.duration(ms: ms) }

    static func evidence(_ probe: ProbeResult) -> String { ReportText.evidence(probe) }

    // MARK: layout

    static func clip(_ text: String, _ width: Int, _ glyphs: Glyphs) -> String {
        TextLayout.clip(text, width: width, ellipsis: glyphs.ellipsis)
    }

    /// Word-wraps to the width: the first line indented by `first`, the rest by `indent`.
    static func wrap(_ text: String, width: Int, indent: Int = 0, first: Int = 0, style: Frame.Style?) -> [Line] {
        TextLayout.wrap(text, width: width, first: first, indent: indent).map { Line(text: $0, style: style) }
    }
}
