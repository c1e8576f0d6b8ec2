import DrillKit
import Foundation
import RunbookKit

extension Canvas {
    /// The working screen: the step list on the left, the current step on the right,
    /// the inject banner on top, the input line and the keys at the bottom.
    mutating func steps(_ state: DrillState) {
        header(state)
        var top = 1
        if let banner = state.banner {
            let text = TextLayout.clip(" \(glyphs.inject) INJECT  \(banner)", width: width, ellipsis: glyphs.ellipsis)
            frame.put(text + String(repeating: " ", count: max(0, width - text.count)), row: top, column: 0, style: .warn)
            top += 1
        }
        statusLine(state, row: top)
        top += 1
        rule(row: top)
        top += 1
        let bottom = height - 3
        let listWidth = width >= 100 ? 36 : 26
        stepList(state, top: top, bottom: bottom, width: listWidth)
        for row in top...bottom { frame.put(String(glyphs.divider), row: row, column: listWidth, style: .dim) }
        let detailColumn = listWidth + 2
        stepDetail(state, top: top, bottom: bottom, column: detailColumn, width: width - detailColumn - 1)
        rule(row: height - 2)
        inputLine(state, row: height - 2)
        switch state.mode {
        case .reasonPicker(let highlighted):
            reasonPicker(highlighted: highlighted, step: state.progress.cursor, top: top, bottom: bottom, column: detailColumn)
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
        for (offset, step) in steps[first..<min(steps.count, first + visible)].enumerated() {
            let row = top + offset
            let record = state.progress.steps[step.index - 1]
            let (mark, style) = outcomeGlyph(record.outcome)
            let number = String(repeating: " ", count: digits - String(step.index).count) + String(step.index)
            let isCursor = step.index == cursor
            frame.put(isCursor ? glyphs.cursor : " ", row: row, column: 0, style: isCursor ? .bold : nil)
            frame.put(mark, row: row, column: 1, style: style)
            let titleRoom = listWidth - 4 - digits - 2
            frame.put(number + " " + TextLayout.clip(step.title, width: titleRoom, ellipsis: glyphs.ellipsis), row: row, column: 3)
            if let (badge, badgeStyle) = StepResults(results: state.progress.results(forStep: step.index)).summary(for: step, glyphs: glyphs) {
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

    mutating func stepDetail(_ state: DrillState, top: Int, bottom: Int, column: Int, width detailWidth: Int) {
        guard let step = state.currentStep, detailWidth > 10 else { return }
        var lines = DetailLines(width: detailWidth, glyphs: glyphs)
        let progress = state.progress
        var heading = "Step \(step.index) of \(progress.steps.count)"
        if !step.section.isEmpty { heading += glyphs.separator + step.section }
        if let ms = progress.stepMs(step.index, now: state.nowMs) { heading += glyphs.separator + TextLayout.clock(ms: ms) }
        lines.add(heading, .dim)
        lines.wrap(step.title, .bold)
        switch progress.steps[step.index - 1].outcome {
        case .pending: break
        case .done: lines.add("\(glyphs.stepDone) done", .good)
        case .skipped: lines.add("\(glyphs.stepSkipped) skipped", .dim)
        case .blocked(let reason, let note):
            lines.wrap("\(glyphs.stepBlocked) blocked: \(reason.label)" + (note.map { " (\($0))" } ?? ""), .bad)
        }
        lines.blank()
        let body = TextLayout.bodyAfterTitle(TextLayout.readableBody(step.body), title: step.title)
        if !body.isEmpty {
            lines.wrap(body, nil)
            lines.blank()
        }
        // The reader's own notes come before the probes, so they stay on a small screen.
        let notes = progress.notes.filter { $0.step == step.index }
        if !notes.isEmpty {
            lines.add("Notes", .bold)
            for note in notes { lines.wrap("- " + note.text, nil) }
            lines.blank()
        }
        let results = StepResults(results: progress.results(forStep: step.index))
        let known = state.context.readerKnown
        let linkLabel = { (link: Link) -> String in
            link.title.isEmpty ? link.url : link.title + "  " + (link.host ?? link.url)
        }
        if !step.links.isEmpty {
            lines.add("Links", .bold)
            for link in step.links {
                lines.badged(ProbeBadge.of(results.link(link.url), glyphs: glyphs, kind: .link), linkLabel(link))
            }
        }
        if !step.scopes.isEmpty {
            lines.add("Scopes", .bold)
            for scope in step.scopes {
                let result = results.scope(scope.name)
                let why = result?.outcome.isInconclusive == true ? result?.reason.map { "  (\($0))" } ?? "" : ""
                lines.badged(ProbeBadge.of(result, glyphs: glyphs, readerKnown: known, kind: .scope), scope.name + why)
            }
        }
        if !step.tools.isEmpty {
            lines.add("Tools", .bold)
            for tool in step.tools {
                let result = results.tool(tool.name)
                lines.badged(ProbeBadge.of(result, glyphs: glyphs, kind: .tool), tool.name + (result?.path.map { "  " + $0 } ?? ""))
            }
        }
        if !step.probes.isEmpty {
            lines.add("Checks", .bold)
            for probe in step.probes {
                lines.badged(ProbeBadge.of(results.command(probe.argv), glyphs: glyphs, kind: .command), probe.argv.joined(separator: " "))
            }
        }
        if let breakGlass = step.breakGlass {
            lines.add("Break-glass", .bold)
            if let scope = breakGlass.scope {
                lines.badged(ProbeBadge.of(results.scope(scope.name), glyphs: glyphs, readerKnown: known, kind: .scope), scope.name)
            }
            if let url = breakGlass.url {
                lines.badged(ProbeBadge.of(results.link(url), glyphs: glyphs, kind: .link), url)
            }
        }
        let room = bottom - top + 1
        let shown = lines.items.count > room ? Array(lines.items.prefix(room - 1)) + [(glyphs.ellipsis + " \(lines.items.count - room + 1) more lines", Frame.Style.dim, nil)] : lines.items
        for (offset, item) in shown.enumerated() {
            let row = top + offset
            if let badge = item.badge {
                frame.put(badge.text, row: row, column: column, style: badge.style)
                frame.put(TextLayout.clip(item.text, width: detailWidth - badge.text.count, ellipsis: glyphs.ellipsis), row: row, column: column + badge.text.count)
            } else {
                frame.put(item.text, row: row, column: column, style: item.text.isEmpty ? nil : item.style)
            }
        }
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

/// The step detail as a list of lines before it is clipped to the pane.
struct DetailLines {
    let width: Int
    let glyphs: Glyphs
    var items: [(text: String, style: Frame.Style?, badge: ProbeBadge?)] = []

    mutating func add(_ text: String, _ style: Frame.Style?) {
        items.append((TextLayout.clip(text, width: width, ellipsis: glyphs.ellipsis), style, nil))
    }
    mutating func wrap(_ text: String, _ style: Frame.Style?) {
        for line in TextLayout.wrap(text, width: width) { items.append((line, style, nil)) }
    }
    mutating func blank() { items.append(("", nil, nil)) }
    mutating func badged(_ badge: ProbeBadge, _ text: String) { items.append((text, nil, badge)) }
}
