import Foundation
import RunbookKit

/// The drill's only way to change: `reduce(&state, action, at:)` updates the state,
/// records every fact as a journal event (applied to `state.progress` by the same fold
/// that replays journals), and returns the effects the runner must perform. It reads no
/// clock: the runner stamps each action, so the same stamped actions replay the same way.
public struct DrillReducer: Sendable {
    /// The timeline the runner stamps actions from; the reducer itself never reads it.
    public let timeline: RunTimeline

    public init(timeline: RunTimeline) { self.timeline = timeline }

    public func reduce(_ state: inout DrillState, _ action: DrillAction, at stamp: ActionStamp) -> [DrillEffect] {
        var transaction = Transaction(state: state, stamp: stamp, clearsHint: action.isKey)
        transaction.handle(action)
        state = transaction.state
        return transaction.effects
    }
}

extension DrillAction {
    /// True for what the reader typed; background actions (a tick, a probe result, an
    /// inject) leave a hint on screen, so it stays until the next key.
    public var isKey: Bool {
        switch self {
        case .probeResult, .tick, .injectDue: return false
        default: return true
        }
    }
}

/// One action's worth of changes: the state as it evolves and the effects collected.
private struct Transaction {
    var state: DrillState
    let stamp: ActionStamp
    var effects: [DrillEffect] = []

    init(state: DrillState, stamp: ActionStamp, clearsHint: Bool) {
        self.state = state
        self.stamp = stamp
        self.state.nowMs = stamp.processMs + state.timelineBaseMs
        if clearsHint { self.state.hint = nil }
    }

    var progress: DrillProgress { state.progress }
    var steps: [Step] { state.context.runbook.steps }

    mutating func handle(_ action: DrillAction) {
        if handleBriefing(action) || handleWorld(action) || handleSteps(action) || handleEntry(action) { return }
        handleLeaving(action)
    }

    /// Actions of the briefing: start, the resume offer, the reader's own name.
    mutating func handleBriefing(_ action: DrillAction) -> Bool {
        switch action {
        case .start:
            guard state.mode == .briefing else { return true }
            guard state.resumeOffer == nil else {
                state.hint = "Press y to continue the unfinished run, or n to start a new one."
                return true
            }
            begin()
        case .acceptResumeOffer:
            guard state.mode == .briefing, let offer = state.resumeOffer else { return true }
            state.context = offer.context
            state.progress = offer.progress
            state.resumeOffer = nil
            state.timelineBaseMs = offer.progress.lastEventMs - stamp.processMs
            state.nowMs = offer.progress.lastEventMs
            begin()
        case .declineResumeOffer:
            guard state.mode == .briefing else { return true }
            state.resumeOffer = nil
        case .chooseReader(let index):
            guard state.mode == .briefing, progress.phase == .notStarted,
                  let choice = state.readerChoices[safe: index] else { return true }
            state.context.reader = choice.name
            state.context.readerKnown = true
            state.context.cold = choice.cold
        default:
            return false
        }
        return true
    }

    /// What arrives from outside the keyboard: probe results, injects, the clock.
    mutating func handleWorld(_ action: DrillAction) -> Bool {
        switch action {
        case .probeResult(let result):
            guard progress.phase == .running || progress.phase == .paused else { return true }
            record(.probeResult) {
                $0.step = result.step
                $0.result = result
            }
        case .tick:
            break
        case .injectDue(let index):
            guard progress.phase == .running, let inject = state.context.scenario?.injects[safe: index],
                  !progress.injectsShown.contains(inject.text) else { return true }
            record(.injectShown) { $0.text = inject.text }
        default:
            return false
        }
        return true
    }

    /// Keys on the step screen: moving, scrolling, outcomes, undo, re-probe, help.
    mutating func handleSteps(_ action: DrillAction) -> Bool {
        switch action {
        case .moveCursor(let delta):
            guard state.mode == .steps, !steps.isEmpty else { return true }
            let target = min(max(progress.cursor + delta, 1), steps.count)
            if target != progress.cursor { show(target) }
        case .scrollDetail(let line):
            guard state.mode == .steps else { return true }
            state.detailScroll = max(0, line)
        case .markDone:
            resolveCurrent(.stepDone)
        case .markSkipped:
            resolveCurrent(.stepSkipped)
        case .undo:
            guard state.mode == .steps, progress.phase == .running else { return true }
            undo()
        case .reprobe:
            guard state.mode == .steps, progress.phase == .running else { return true }
            effects.append(.reprobeStep(progress.cursor))
            state.hint = "Probing step \(progress.cursor) again…"
        case .toggleHelp:
            if state.mode == .steps { state.mode = .help } else if state.mode == .help { state.mode = .steps }
        default:
            return false
        }
        return true
    }

    /// The reason picker and the one-line text entries (blocked note, note).
    mutating func handleEntry(_ action: DrillAction) -> Bool {
        switch action {
        case .beginBlocked:
            if canResolveCurrent() { state.mode = .reasonPicker(highlighted: 0) }
        case .pickerMove(let delta):
            guard case .reasonPicker(let highlighted) = state.mode else { return true }
            let count = BlockedReason.allCases.count
            state.mode = .reasonPicker(highlighted: (highlighted + delta + count) % count)
        case .pickReason(let reason):
            guard case .reasonPicker = state.mode else { return true }
            state.mode = .blockedNote(reason, text: "")
        case .pickHighlightedReason:
            guard case .reasonPicker(let highlighted) = state.mode else { return true }
            state.mode = .blockedNote(BlockedReason.allCases[highlighted], text: "")
        case .beginNote:
            guard state.mode == .steps, progress.phase == .running else { return true }
            state.mode = .note(text: "")
        case .typeText(let typed):
            editText { $0 + typed }
        case .deleteBackward:
            editText { String($0.dropLast()) }
        case .submitText:
            submitText()
        case .cancel:
            switch state.mode {
            case .reasonPicker, .blockedNote, .note, .help: state.mode = .steps
            default: break
            }
        default:
            return false
        }
        return true
    }

    /// Pausing, quitting and leaving the summary.
    mutating func handleLeaving(_ action: DrillAction) {
        switch action {
        case .pauseAndQuit:
            switch progress.phase {
            case .notStarted: effects.append(.exit(.quitBeforeStart))
            case .running:
                record(.paused)
                effects.append(.exit(.paused))
            case .paused: effects.append(.exit(.paused))
            case .finished: effects.append(.exit(.finished(clean: progress.isClean)))
            }
        case .dismissSummary:
            guard state.mode == .summary else { return }
            effects.append(.exit(.finished(clean: progress.isClean)))
        default:
            return
        }
    }

    /// Changes the text being typed, in whichever entry line is open.
    mutating func editText(_ edit: (String) -> String) {
        switch state.mode {
        case .blockedNote(let reason, let text): state.mode = .blockedNote(reason, text: edit(text))
        case .note(let text): state.mode = .note(text: edit(text))
        default: return
        }
    }

    // MARK: steps

    /// Starts the timer on a fresh run, or continues a replayed one.
    mutating func begin() {
        switch progress.phase {
        case .finished:
            state.mode = .summary
            return
        case .notStarted:
            let context = state.context
            record(.started) {
                $0.runId = context.runId
                $0.kind = .drill
                $0.runbook = RunbookRef(context.runbook)
                $0.scenario = context.scenario.map { ScenarioRef(id: $0.id, path: $0.path) }
                $0.reader = context.reader
                $0.cold = context.cold
                $0.budgetMs = context.budgetMs
            }
        case .running, .paused:
            record(.resumed)
        }
        state.mode = .steps
        if !steps.isEmpty { effects.append(.startProbes(steps: steps.map(\.index))) }
        for (index, inject) in (state.context.scenario?.injects ?? []).enumerated() {
            guard case .afterSeconds(let seconds) = inject.trigger, !progress.injectsShown.contains(inject.text) else { continue }
            effects.append(.armInjectTimer(index: index, atElapsedMs: seconds * 1000))
        }
        if progress.allResolved { finish() } else { show(progress.cursor) }
    }

    /// Puts a step on screen; the first time a step is shown, its `at_step` injects fire.
    mutating func show(_ step: Int) {
        let firstTime = progress.steps[step - 1].firstShownMs == nil
        let title = steps[step - 1].title
        if step != progress.cursor { state.detailScroll = 0 }
        record(.stepShown) {
            $0.step = step
            $0.title = title
        }
        guard firstTime else { return }
        for inject in state.context.scenario?.injects ?? [] {
            guard inject.trigger == .atStep(step), !progress.injectsShown.contains(inject.text) else { continue }
            record(.injectShown) { $0.text = inject.text }
        }
    }

    func canResolveCurrent() -> Bool {
        state.mode == .steps && progress.phase == .running && !steps.isEmpty
    }

    mutating func resolveCurrent(_ type: JournalEventType, reason: BlockedReason? = nil, note: String? = nil) {
        guard canResolveCurrent() else { return }
        let step = progress.cursor
        guard !progress.steps[step - 1].outcome.isResolved else {
            state.hint = "Step \(step) already has an outcome: press u to undo it first."
            return
        }
        let title = steps[step - 1].title
        record(type) {
            $0.step = step
            $0.title = title
            $0.reason = reason
            $0.note = note
        }
        advance(from: step)
    }

    /// After an outcome: finish when every step has one, else show the next open step.
    mutating func advance(from step: Int) {
        if progress.allResolved {
            finish()
            return
        }
        let open = progress.steps.indices.map { $0 + 1 }.filter { !progress.steps[$0 - 1].outcome.isResolved }
        if let next = open.first(where: { $0 > step }) ?? open.first, next != progress.cursor { show(next) }
    }

    mutating func finish() {
        let blocked = progress.blockedSteps.count
        let elapsed = progress.elapsedMs(now: state.nowMs)
        record(.finished) {
            $0.clean = blocked == 0
            $0.blocked = blocked
            $0.elapsedMs = elapsed
        }
        effects.append(.writeReport)
        state.mode = .summary
    }

    mutating func submitText() {
        switch state.mode {
        case .blockedNote(let reason, let text):
            state.mode = .steps
            let note = text.trimmingCharacters(in: .whitespaces)
            resolveCurrent(.stepBlocked, reason: reason, note: note.isEmpty ? nil : note)
        case .note(let text):
            state.mode = .steps
            let note = text.trimmingCharacters(in: .whitespaces)
            guard !note.isEmpty else { return }
            let step = progress.cursor
            record(.note) {
                $0.step = step
                $0.note = note
            }
        default:
            return
        }
    }

    mutating func undo() {
        guard let entry = progress.undoStack.last else {
            state.hint = "Nothing to undo."
            return
        }
        record(.undone) { $0.undoes = entry.seq }
        if case .outcome(let step, _, _) = entry.change, step != progress.cursor { show(step) }
    }

    /// Stamps, applies and queues one journal event.
    mutating func record(_ type: JournalEventType, _ fill: (inout JournalEvent) -> Void = { _ in }) {
        var event = JournalEvent(seq: progress.lastSeq + 1, at: stamp.wall, monoMs: state.nowMs, type: type)
        fill(&event)
        state.progress.apply(event)
        effects.append(.append(event))
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
