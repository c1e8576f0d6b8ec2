import DrillKit
import RunbookKit

extension RunReport {
    /// Folds a journal into a report. Works on any journal: a drill or a dry-run, finished
    /// or interrupted. `undone` events take back the event they name before the fold, so
    /// a report shows what the reader finally decided. The runbook (when loaded) adds the
    /// steps never reached and names remedies; the directory names who lacks a scope and
    /// which hosts are central.
    public init(events: [JournalEvent], runbook: Runbook? = nil, directory: Directory? = nil) {
        self.init(events: events, runbooks: runbook.map { [$0] } ?? [], directory: directory)
    }

    /// The same fold for a run over several runbooks (a dry-run): each runbook names the
    /// remedies for its own steps. Only a drill lists the steps it never reached.
    public init(events: [JournalEvent], runbooks: [Runbook], directory: Directory? = nil) {
        let effective = Self.applyingUndo(events)
        let timeline = RunTimeline(events: effective)
        let started = effective.first { $0.type == .started }
        let finished = effective.last { $0.type == .finished }
        let kind = started?.kind ?? .drill

        var fold = StepFold(kind: kind, defaultRunbookId: started?.runbook?.id)
        let drilled = runbooks.first { $0.id == started?.runbook?.id } ?? (runbooks.count == 1 ? runbooks.first : nil)
        if kind == .drill, let drilled { fold.seed(with: drilled) }
        var injects: [InjectSeen] = []
        for event in effective {
            switch event.type {
            case .stepShown: fold.shown(event, at: event.monoMs)
            case .stepDone: fold.resolve(event, as: .done, timeline: timeline)
            case .stepSkipped: fold.resolve(event, as: .skipped, timeline: timeline)
            case .stepBlocked: fold.resolve(event, as: .blocked, timeline: timeline)
            case .probeResult: fold.probe(event)
            case .note: fold.note(event)
            case .injectShown:
                let text = event.text ?? event.note ?? ""
                let step = event.step ?? fold.currentStep
                injects.append(InjectSeen(text: text, step: step, atMs: timeline.activeMs(at: event.monoMs)))
                fold.inject(text, step: step, runbookId: event.runbookId)
            default: break
            }
        }
        let lastMono = effective.last?.monoMs ?? 0
        fold.closeOpenSteps(at: lastMono, timeline: timeline)

        let steps = Self.locating(fold.steps, in: runbooks, drilled: kind == .drill ? drilled : nil)
        let blocked = steps.filter { $0.status == .blocked }.count
        let probesBlock = steps.contains { $0.probes.contains { $0.outcome.blocks } }

        self.runId = started?.runId ?? ""
        self.kind = kind
        self.runbook = started?.runbook ?? drilled.map(RunbookRef.init)
        self.runbookTitle = drilled?.title
        self.runbooks = started?.runbooks ?? []
        self.scenario = started?.scenario
        self.reader = started?.reader
        self.cold = started?.cold
        self.startedAt = started?.at
        self.finishedAt = finished?.at
        self.finished = finished != nil
        // Computed from the steps, never read from `finished.clean` (the reader warns when they disagree).
        self.clean = blocked == 0 && RunVerdict(events: events).clean && (kind == .drill || !probesBlock)
        self.elapsedMs = finished?.elapsedMs ?? timeline.activeMs(at: lastMono)
        self.budgetMs = started?.budgetMs ?? drilled?.budgetSeconds.map { $0 * 1000 }
        self.steps = steps
        self.injects = injects
        self.roadmap = Roadmap.gaps(steps: steps, runbooks: runbooks, directory: directory)
    }

    /// Each step's line in its runbook, where the runbook as run is at hand.
    static func locating(_ steps: [StepReport], in runbooks: [Runbook], drilled: Runbook?) -> [StepReport] {
        steps.map { step in
            var step = step
            let runbook = drilled ?? runbooks.first { $0.id == step.runbookId }
            step.line = runbook?.steps.first { $0.index == step.index }?.location.line
            return step
        }
    }

    /// The events that still count: each `undone` removes the event whose `seq` it names
    /// (an undone `undone` restores nothing; undo is not redo).
    static func applyingUndo(_ events: [JournalEvent]) -> [JournalEvent] {
        var kept: [JournalEvent] = []
        for event in events {
            if event.type == .undone {
                if let target = event.undoes, let i = kept.lastIndex(where: { $0.seq == target }) {
                    kept.remove(at: i)
                }
            } else {
                kept.append(event)
            }
        }
        return kept
    }
}

/// Per-step accumulation for the fold, keyed by runbook (dry-runs span several) and index.
private struct StepFold {
    struct Key: Hashable { var runbookId: String?; var index: Int }

    let kind: RunKind
    let defaultRunbookId: String?
    private var order: [Key] = []
    private var byKey: [Key: StepReport] = [:]
    private var firstShownMono: [Key: Int] = [:]
    private var current: Key?

    init(kind: RunKind, defaultRunbookId: String?) {
        self.kind = kind
        self.defaultRunbookId = defaultRunbookId
    }

    var currentStep: Int? { current?.index }

    var steps: [StepReport] { order.compactMap { byKey[$0] } }

    private func key(_ runbookId: String?, _ index: Int) -> Key {
        Key(runbookId: kind == .drill ? nil : (runbookId ?? defaultRunbookId), index: index)
    }

    private mutating func entry(_ key: Key, title: String?) -> StepReport {
        if let existing = byKey[key] {
            if let title, existing.title.isEmpty { byKey[key]?.title = title }
            return byKey[key]!
        }
        // The briefing (step 0) reads before its runbook's first step.
        if key.index == ProbeResult.briefingStep, let first = order.firstIndex(where: { $0.runbookId == key.runbookId }) {
            order.insert(key, at: first)
        } else {
            order.append(key)
        }
        let report = StepReport(index: key.index, title: title ?? "", runbookId: key.runbookId)
        byKey[key] = report
        return report
    }

    mutating func seed(with runbook: Runbook) {
        for step in runbook.steps {
            _ = entry(key(runbook.id, step.index), title: step.title)
        }
        order.sort { ($0.runbookId ?? "", $0.index) < ($1.runbookId ?? "", $1.index) }
    }

    mutating func shown(_ event: JournalEvent, at mono: Int) {
        guard let index = event.step else { return }
        let k = key(event.runbookId, index)
        _ = entry(k, title: event.title)
        if firstShownMono[k] == nil { firstShownMono[k] = mono }
        if byKey[k]?.status == .notReached { byKey[k]?.status = .inProgress }
        current = k
    }

    mutating func resolve(_ event: JournalEvent, as status: StepStatus, timeline: RunTimeline) {
        guard let index = event.step else { return }
        let k = key(event.runbookId, index)
        _ = entry(k, title: event.title)
        let start = firstShownMono[k] ?? event.monoMs
        byKey[k]?.status = status
        byKey[k]?.startMs = timeline.activeMs(at: start)
        byKey[k]?.timeMs = timeline.activeMs(from: start, to: event.monoMs)
        byKey[k]?.blockedReason = status == .blocked ? event.reason : nil
        byKey[k]?.blockedNote = status == .blocked ? event.note : nil
    }

    mutating func probe(_ event: JournalEvent) {
        guard let result = event.result else { return }
        let k = key(event.runbookId, event.step ?? result.step)
        _ = entry(k, title: event.title ?? (k.index == ProbeResult.briefingStep ? "Briefing" : nil))
        var probes = byKey[k]?.probes ?? []
        if let i = probes.firstIndex(where: { $0.kind == result.kind && $0.subject == result.subject }) {
            probes[i] = result
        } else {
            probes.append(result)
        }
        byKey[k]?.probes = probes
    }

    mutating func note(_ event: JournalEvent) {
        guard let text = event.note ?? event.text else { return }
        guard let k = event.step.map({ key(event.runbookId, $0) }) ?? current else { return }
        _ = entry(k, title: event.title)
        byKey[k]?.notes.append(text)
    }

    mutating func inject(_ text: String, step: Int?, runbookId: String?) {
        guard let step else { return }
        let k = key(runbookId, step)
        _ = entry(k, title: nil)
        byKey[k]?.injects.append(text)
    }

    /// A step still on screen when the journal ends has spent time until its last event.
    mutating func closeOpenSteps(at mono: Int, timeline: RunTimeline) {
        for (k, start) in firstShownMono where byKey[k]?.status == .inProgress {
            byKey[k]?.startMs = timeline.activeMs(at: start)
            byKey[k]?.timeMs = timeline.activeMs(from: start, to: mono)
        }
    }
}
