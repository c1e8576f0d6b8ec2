import DrillKit
import RunbookKit

/// The current step as the lines of the detail pane, before the pane's height cuts
/// them: heading, outcome, body, the reader's notes, then what was probed. The pane
/// scrolls over these lines, so nothing a step holds is out of reach on a small screen.
struct StepPane {
    let state: DrillState
    let step: Step
    let width: Int
    let glyphs: Glyphs
    private(set) var lines = DetailLines()

    init(state: DrillState, step: Step, width: Int, glyphs: Glyphs) {
        self.state = state
        self.step = step
        self.width = width
        self.glyphs = glyphs
        heading()
        body()
        notes()
        probed()
        while lines.items.last?.text.isEmpty == true && lines.items.last?.badge == nil { lines.items.removeLast() }
    }

    /// The pane for the state's current step, or nil when there is none or no room.
    static func current(_ state: DrillState, size: TerminalSize, glyphs: Glyphs) -> StepPane? {
        let geometry = StepsGeometry(state: state, size: size)
        guard let step = state.currentStep, geometry.detailWidth > 10 else { return nil }
        return StepPane(state: state, step: step, width: geometry.detailWidth, glyphs: glyphs)
    }

    private mutating func heading() {
        let progress = state.progress
        var heading = "Step \(step.index) of \(progress.steps.count)"
        if !step.section.isEmpty { heading += glyphs.separator + step.section }
        if let ms = progress.stepMs(step.index, now: state.nowMs) { heading += glyphs.separator + TextLayout.clock(ms: ms) }
        lines.wrap(heading, width: width, .dim)
        lines.wrap(step.title, width: width, .bold)
        switch progress.steps[step.index - 1].outcome {
        case .pending: break
        case .done: lines.add("\(glyphs.stepDone) done", .good)
        case .skipped: lines.add("\(glyphs.stepSkipped) skipped", .dim)
        case .blocked(let reason, let note):
            lines.wrap("\(glyphs.stepBlocked) blocked: \(reason.label)" + (note.map { " (\($0))" } ?? ""), width: width, .bad)
        }
        lines.blank()
    }

    private mutating func body() {
        let body = StepBody(step.body, title: step.title, bullet: glyphs.bullet).lines(width: width, bar: glyphs.divider)
        guard !body.isEmpty else { return }
        for line in body { lines.add(line, nil) }
        lines.blank()
    }

    /// The reader's own notes come before the probes: they wrote them for this step.
    private mutating func notes() {
        let notes = state.progress.notes.filter { $0.step == step.index }
        guard !notes.isEmpty else { return }
        lines.add("Notes", .bold)
        for note in notes {
            for line in TextLayout.hanging(note.text, width: width, first: "- ") { lines.add(line, nil) }
        }
        lines.blank()
    }

    private mutating func probed() {
        let results = StepResults(results: state.progress.results(forStep: step.index))
        let known = state.context.readerKnown
        section("Links", step.links) { pane, link in
            let badge = ProbeBadge.of(results.link(link.url), glyphs: pane.glyphs, kind: .link)
            pane.linkLines(badge, title: link.title, url: link.url)
        }
        section("Scopes", step.scopes) { pane, scope in
            let result = results.scope(scope.name)
            let why = result?.outcome.isInconclusive == true ? result?.reason.map { "  (\($0))" } ?? "" : ""
            pane.lines.badged(ProbeBadge.of(result, glyphs: pane.glyphs, readerKnown: known, kind: .scope), scope.name + why, width: pane.width)
        }
        section("Tools", step.tools) { pane, tool in
            let result = results.tool(tool.name)
            pane.lines.badged(ProbeBadge.of(result, glyphs: pane.glyphs, kind: .tool), tool.name + (result?.path.map { "  " + $0 } ?? ""), width: pane.width)
        }
        section("Checks", step.probes) { pane, probe in
            pane.lines.badged(ProbeBadge.of(results.command(probe.argv), glyphs: pane.glyphs, kind: .command),
                              probe.argv.joined(separator: " "), width: pane.width)
        }
        guard let breakGlass = step.breakGlass else { return }
        lines.add("Break-glass", .bold)
        if let scope = breakGlass.scope {
            lines.badged(ProbeBadge.of(results.scope(scope.name), glyphs: glyphs, readerKnown: known, kind: .scope), scope.name, width: width)
        }
        if let url = breakGlass.url { linkLines(ProbeBadge.of(results.link(url), glyphs: glyphs, kind: .link), title: "", url: url) }
    }

    private mutating func section<Item>(_ title: String, _ items: [Item], _ line: (inout StepPane, Item) -> Void) {
        guard !items.isEmpty else { return }
        lines.add(title, .bold)
        for item in items { line(&self, item) }
    }

    /// A link's badge and title, then its full URL on lines of its own, broken where it is
    /// wider than the pane: the reader may need to type it elsewhere.
    private mutating func linkLines(_ badge: ProbeBadge, title: String, url: String) {
        lines.badged(badge, title.isEmpty ? url : title, width: width, broken: title.isEmpty)
        guard !title.isEmpty else { return }
        for piece in TextLayout.broken(url, width: width - 2) { lines.add("  " + piece, .dim) }
    }
}

/// The pane's lines, each with its style and, for a probed thing, its badge.
struct DetailLines {
    struct Line {
        var text: String
        var style: Frame.Style?
        var badge: ProbeBadge?
    }

    var items: [Line] = []

    mutating func add(_ text: String, _ style: Frame.Style?) { items.append(Line(text: text, style: style)) }
    mutating func wrap(_ text: String, width: Int, _ style: Frame.Style?) {
        for line in TextLayout.wrap(text, width: width) { add(line, style) }
    }
    mutating func blank() { add("", nil) }

    /// The badge, then the text wrapped under it (or broken, for a URL), never clipped.
    mutating func badged(_ badge: ProbeBadge, _ text: String, width: Int, broken: Bool = false) {
        let room = max(1, width - badge.text.count)
        let pieces = broken ? TextLayout.broken(text, width: room) : TextLayout.wrap(text, width: room)
        let indent = String(repeating: " ", count: badge.text.count)
        for (offset, piece) in pieces.enumerated() {
            items.append(Line(text: offset == 0 ? piece : indent + piece, style: nil, badge: offset == 0 ? badge : nil))
        }
    }
}
