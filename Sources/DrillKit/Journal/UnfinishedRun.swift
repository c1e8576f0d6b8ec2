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
    public static func latest(in store: RunStore, runbookId: String, runbookPath: String? = nil, scenarioId: String?) -> UnfinishedRun? {
        let known = runbookPath.map { KnownRunbooks([(runbookId, $0)]) }
        func isThisRunbook(_ ref: RunbookRef?) -> Bool {
            guard let ref else { return false }
            return ref.id == runbookId || known?.match(ref.id, path: ref.path) != nil
        }
        let candidates = store.runIds { $0.kind == .drill && isThisRunbook($0.runbook) && $0.scenario?.id == scenarioId }
        for runId in candidates.reversed() {
            guard let contents = try? JournalReader.read(store.journalPath(of: runId)),
                  let started = contents.events.first(where: { $0.type == .started }), started.kind == .drill,
                  isThisRunbook(started.runbook), started.scenario?.id == scenarioId else { continue }
            if contents.events.contains(where: { $0.type == .finished }) { continue }
            return UnfinishedRun(runId: runId, events: contents.events)
        }
        return nil
    }
}
