import DrillKit
import Foundation
@testable import RunbookKit

/// A small runbook and scenario in the shape of the bundled example, built in memory.
enum DrillFixtures {
    static func location(_ line: Int) -> SourceLocation { SourceLocation(file: "Runbooks/answerbot.md", line: line) }

    static let runbook = Runbook(
        id: "answerbot", title: "Answerbot is serving wrong answers", path: "Runbooks/answerbot.md", sha256: "abc123",
        owner: "ai-platform", rotation: "sre-primary", budgetSeconds: 1800,
        steps: [
            Step(index: 1, title: "Check the traces", location: location(10),
                 links: [Link(title: "trace store", url: "https://traces.example/answerbot", location: location(11))],
                 scopes: [Scope("traces:read", location: location(12))]),
            Step(index: 2, title: "Inspect prompt logs", location: location(20),
                 scopes: [Scope("prompt-logs:read", location: location(21))]),
            Step(index: 3, title: "Roll back the prompt", location: location(30),
                 tools: [Tool("promptctl", location: location(31))]),
            Step(index: 4, title: "Confirm recovery", location: location(40)),
        ],
        location: location(1))

    static let scenario = Scenario(
        id: "wrong-answers", title: "02:17 wrong answers", path: "Drills/wrong-answers.yaml",
        runbookPath: "Runbooks/answerbot.md", runbookLocation: SourceLocation(file: "Drills/wrong-answers.yaml", line: 3),
        briefing: "PagerDuty woke you.", clock: "02:17", budgetSeconds: 600,
        injects: [Inject(trigger: .afterSeconds(120), text: "Support lead: P1 tickets."),
                  Inject(trigger: .atStep(3), text: "The PM is not answering.")])

    static func context(reader: String = "ben", cold: Bool = true, runFolder: String = "Drills/runs/R1") -> DrillContext {
        DrillContext(runbook: runbook, scenario: scenario, reader: reader, readerKnown: true, cold: cold,
                     runId: "R1", runFolder: runFolder)
    }
}

/// Drives the reducer the way TCA's TestStore does: send an action, then assert what
/// changed and which effects came out. Every journal event is kept, so tests can replay.
struct DrillTestStore {
    let clock = ManualClock()
    let reducer: DrillReducer
    var state: DrillState
    private(set) var events: [JournalEvent] = []
    /// After each action: how many events the journal had, and the live progress then.
    private(set) var checkpoints: [(eventCount: Int, progress: DrillProgress)] = []

    init(context: DrillContext = DrillFixtures.context()) {
        reducer = DrillReducer(timeline: RunTimeline(clock: clock))
        state = DrillState(context: context)
    }

    /// A new process continuing a journal, as `--resume` does.
    init(resuming journal: [JournalEvent], context: DrillContext = DrillFixtures.context()) {
        reducer = DrillReducer(timeline: RunTimeline(clock: clock))
        let progress = DrillProgress.replay(journal, stepCount: context.runbook.steps.count)
        state = DrillState(context: context, progress: progress, processMs: reducer.timeline.processMs())
        events = journal
    }

    /// Sends the action after `afterMs` of (simulated) time and returns its effects.
    @discardableResult
    mutating func send(_ action: DrillAction, afterMs: Int = 0) -> [DrillEffect] {
        clock.advance(ms: afterMs)
        let effects = reducer.reduce(&state, action, at: reducer.timeline.stamp())
        let appended = effects.compactMap { effect -> JournalEvent? in
            if case .append(let event) = effect { return event } else { return nil }
        }
        events += appended
        checkpoints.append((events.count, state.progress))
        return effects
    }

    func appended(_ effects: [DrillEffect]) -> [JournalEventType] {
        effects.compactMap { if case .append(let event) = $0 { return event.type } else { return nil } }
    }
}
