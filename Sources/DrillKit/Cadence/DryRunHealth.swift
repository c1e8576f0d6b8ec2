import Foundation

/// What the latest headless dry-run said about one runbook. It never changes the
/// cadence (only a human reading cold does that), but the schedule shows it beside the
/// cadence and lists runbooks with rot found first among those not overdue.
public struct DryRunHealth: Hashable, Sendable {
    public var runbookId: String
    public var runId: String
    public var date: Date
    /// Steps the dry-run found blocked.
    public var blockedSteps: Int
    /// The runbook did not load at all.
    public var loadFailed: Bool
    /// The run stopped early (deadline, SIGTERM), so some probes never answered.
    public var cutShort: Bool
    /// Lint found errors (no steps, a scope the rotation lacks): rot even when every
    /// probe passed.
    public var lintFailed: Bool = false

    public var rotFound: Bool { blockedSteps > 0 || loadFailed || lintFailed }

    /// The note a dry-run journals for a runbook that does not load.
    public static let loadFailureNotePrefix = "does not load"
    /// The note a dry-run journals for a runbook whose lint found errors (no steps, a
    /// scope the rotation lacks): the run is not clean even when every probe passed.
    public static let lintFailureNotePrefix = "fails lint"

    /// The latest dry-run result per runbook id, from any set of journals (drill journals
    /// are ignored).
    public static func latest(from journals: [[JournalEvent]]) -> [String: DryRunHealth] {
        var latest: [String: DryRunHealth] = [:]
        for events in journals {
            guard let started = events.first(where: { $0.type == .started }), started.kind == .dryRun,
                  let date = RFC3339.date(events.last?.at ?? started.at)
            else { continue }
            let finished = events.last { $0.type == .finished }
            let marks = RunbookMarks(events)
            for ref in started.runbooks ?? [] {
                let health = DryRunHealth(runbookId: ref.id, runId: started.runId ?? "", date: date,
                                          blockedSteps: marks.blockedSteps[ref.id]?.count ?? 0,
                                          loadFailed: marks.noted(loadFailureNotePrefix, ref.id),
                                          cutShort: finished == nil || finished?.note != nil,
                                          lintFailed: marks.noted(lintFailureNotePrefix, ref.id))
                if let current = latest[ref.id], current.date > date { continue }
                latest[ref.id] = health
            }
        }
        return latest
    }
}

/// What one dry-run's events say of each runbook, gathered in one pass: a dry-run of
/// hundreds of runbooks journals thousands of events, and asking them again for each
/// runbook took the schedule seconds per journal.
private struct RunbookMarks {
    /// Runbook id → the steps found blocked.
    var blockedSteps: [String: Set<Int>] = [:]
    /// Runbook id → the notes journalled about it.
    var notes: [String: [String]] = [:]

    init(_ events: [JournalEvent]) {
        for event in events {
            guard let runbook = event.runbookId else { continue }
            if event.type == .stepBlocked, let step = event.step { blockedSteps[runbook, default: []].insert(step) }
            if event.type == .note { notes[runbook, default: []].append(event.text ?? "") }
        }
    }

    func noted(_ prefix: String, _ runbook: String) -> Bool {
        notes[runbook]?.contains { $0.hasPrefix(prefix) } ?? false
    }
}
