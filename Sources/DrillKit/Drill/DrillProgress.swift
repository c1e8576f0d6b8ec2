import RunbookKit

/// Everything the journal records, as a fold over its events. A live run and a replay
/// of its journal produce the same `DrillProgress` at every event: resume is replay,
/// and reports are rebuilt from the same fold.
public struct DrillProgress: Hashable, Sendable {
    public enum Phase: Hashable, Sendable { case notStarted, running, paused, finished }

    /// What one step has recorded so far.
    public struct StepRecord: Hashable, Sendable {
        public var outcome: StepOutcome = .pending
        public var firstShownMs: Int?
        public var resolvedMs: Int?
    }

    /// What an undoable event changed, so `undone` can put it back.
    struct UndoEntry: Hashable, Sendable {
        enum Change: Hashable, Sendable {
            case outcome(step: Int, previous: StepOutcome, previousResolvedMs: Int?)
            case note
        }
        var seq: Int
        var change: Change
    }

    public private(set) var phase: Phase = .notStarted
    public private(set) var steps: [StepRecord]
    /// 1-based step on screen.
    public private(set) var cursor: Int = 1
    public private(set) var startedMs: Int?
    public private(set) var finishedMs: Int?
    /// The `finished` event's wall stamp (RFC 3339), for the next drill date.
    public private(set) var finishedAt: String?
    public private(set) var pauses: [PauseSpan] = []
    /// Start of the pause in progress, when paused.
    public private(set) var pausedSinceMs: Int?
    public private(set) var notes: [DrillNote] = []
    /// Latest result per probed subject, in arrival order.
    public private(set) var probeResults: [ProbeResult] = []
    /// Texts of the injects shown so far, in order.
    public private(set) var injectsShown: [String] = []
    public private(set) var lastSeq: Int = 0
    public private(set) var lastEventMs: Int = 0
    /// `cold` as recorded in `started`.
    public private(set) var cold: Bool?
    var undoStack: [UndoEntry] = []

    public init(stepCount: Int) {
        steps = Array(repeating: StepRecord(), count: stepCount)
    }

    /// Folds a journal into progress.
    public static func replay(_ events: [JournalEvent], stepCount: Int) -> DrillProgress {
        var progress = DrillProgress(stepCount: stepCount)
        for event in events { progress.apply(event) }
        return progress
    }

    /// The fold's step function. Events for steps the runbook does not have are ignored
    /// (the runbook changed since the journal was written) rather than trusted.
    public mutating func apply(_ event: JournalEvent) {
        lastSeq = event.seq
        defer { lastEventMs = event.monoMs }
        let index = event.step.flatMap { steps.indices.contains($0 - 1) ? $0 - 1 : nil }
        switch event.type {
        case .started:
            phase = .running
            startedMs = event.monoMs
            cold = event.cold
        case .probeResult:
            if let result = event.result { record(result) }
        case .stepShown:
            if let index {
                cursor = index + 1
                if steps[index].firstShownMs == nil { steps[index].firstShownMs = event.monoMs }
            }
        case .stepDone, .stepBlocked, .stepSkipped:
            if let index { resolve(index, by: event) }
        case .note:
            notes.append(DrillNote(seq: event.seq, step: event.step, text: event.note ?? event.text ?? ""))
            undoStack.append(UndoEntry(seq: event.seq, change: .note))
        case .undone:
            undo(event)
        case .injectShown:
            if let text = event.text { injectsShown.append(text) }
        case .paused, .resumed:
            pauseOrResume(event)
        case .finished:
            phase = .finished
            finishedMs = event.monoMs
            finishedAt = event.at
        case .unrecognized:
            // A newer version's event: its seq is counted (above) so appends stay numbered.
            break
        }
    }

    /// `step_done`, `step_blocked`, `step_skipped`: the outcome, kept undoable.
    private mutating func resolve(_ index: Int, by event: JournalEvent) {
        let outcome: StepOutcome
        switch event.type {
        case .stepDone: outcome = .done
        case .stepBlocked: outcome = .blocked(event.reason ?? .other, note: event.note)
        default: outcome = .skipped
        }
        undoStack.append(UndoEntry(seq: event.seq, change: .outcome(
            step: index + 1, previous: steps[index].outcome, previousResolvedMs: steps[index].resolvedMs)))
        steps[index].outcome = outcome
        steps[index].resolvedMs = event.monoMs
    }

    /// `undone`: puts back what the named event changed.
    private mutating func undo(_ event: JournalEvent) {
        guard let target = event.undoes, let at = undoStack.lastIndex(where: { $0.seq == target }) else { return }
        let entry = undoStack.remove(at: at)
        switch entry.change {
        case .outcome(let step, let previous, let previousResolvedMs):
            steps[step - 1].outcome = previous
            steps[step - 1].resolvedMs = previousResolvedMs
        case .note:
            notes.removeAll { $0.seq == entry.seq }
        }
    }

    private mutating func pauseOrResume(_ event: JournalEvent) {
        if event.type == .paused {
            guard phase == .running else { return }
            phase = .paused
            pausedSinceMs = event.monoMs
            return
        }
        // A run killed without a `paused` event was last alive at its last event.
        let start = pausedSinceMs ?? lastEventMs
        pauses.append(PauseSpan(startMs: start, endMs: max(start, event.monoMs)))
        pausedSinceMs = nil
        phase = .running
    }

    private mutating func record(_ result: ProbeResult) {
        if let at = probeResults.firstIndex(where: { $0.step == result.step && $0.kind == result.kind && $0.subject == result.subject }) {
            probeResults[at] = result
        } else {
            probeResults.append(result)
        }
    }

    // MARK: timings

    /// Paused milliseconds inside [from, to], counting a pause still in progress.
    public func pausedMs(from: Int, to: Int) -> Int {
        var spans = pauses
        if let since = pausedSinceMs { spans.append(PauseSpan(startMs: since, endMs: max(since, to))) }
        return spans.reduce(0) { total, span in
            total + max(0, min(span.endMs, to) - max(span.startMs, from))
        }
    }

    /// Time the drill has run, paused time excluded; frozen once finished.
    public func elapsedMs(now: Int) -> Int {
        guard let startedMs else { return 0 }
        let end = finishedMs ?? now
        return max(0, end - startedMs - pausedMs(from: startedMs, to: end))
    }

    /// Time spent on a step from when it was first shown until its outcome (or now).
    public func stepMs(_ step: Int, now: Int) -> Int? {
        let record = steps[step - 1]
        guard let shown = record.firstShownMs else { return nil }
        let end = record.resolvedMs ?? finishedMs ?? now
        return max(0, end - shown - pausedMs(from: shown, to: end))
    }

    public func overBudgetMs(budgetMs: Int?, now: Int) -> Int {
        guard let budgetMs else { return 0 }
        return max(0, elapsedMs(now: now) - budgetMs)
    }

    public var blockedSteps: [Int] {
        steps.indices.filter { if case .blocked = steps[$0].outcome { return true } else { return false } }.map { $0 + 1 }
    }

    public var allResolved: Bool { steps.allSatisfy { $0.outcome.isResolved } }

    /// A drill is clean when the reader was blocked nowhere.
    public var isClean: Bool { blockedSteps.isEmpty }

    public func results(forStep step: Int) -> [ProbeResult] { probeResults.filter { $0.step == step } }
}
