import Foundation
import RunbookKit

/// A drill of the same runbook and scenario that was started and never finished: the
/// briefing offers to continue it rather than silently starting over.
public struct UnfinishedRun: Sendable {
    public var runId: String
    public var events: [JournalEvent]

    /// The newest unfinished drill of this runbook (and scenario, when there is one). With
    /// the runbook's path, a drill journalled before ids were paths (by the file's stem) is
    /// matched as `KnownRunbooks` matches it everywhere else.
    public static func latest(among drills: DrillJournals, runbookId: String, runbookPath: String? = nil, scenarioId: String?) -> UnfinishedRun? {
        let known = runbookPath.map { KnownRunbooks([(runbookId, $0)]) }
        func isThisRunbook(_ ref: RunbookRef?) -> Bool {
            guard let ref else { return false }
            return ref.id == runbookId || known?.match(ref.id, path: ref.path) != nil
        }
        for (runId, events) in drills.runs.reversed() {
            guard let started = events.first(where: { $0.type == .started }), started.kind == .drill,
                  isThisRunbook(started.runbook), started.scenario?.id == scenarioId,
                  !events.contains(where: { $0.type == .finished }) else { continue }
            return UnfinishedRun(runId: runId, events: events)
        }
        return nil
    }
}
