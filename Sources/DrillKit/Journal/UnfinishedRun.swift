import Foundation

/// A drill of the same runbook and scenario that was started and never finished: the
/// briefing offers to continue it rather than silently starting over.
public struct UnfinishedRun: Sendable {
    public var runId: String
    public var events: [JournalEvent]

    /// The newest unfinished drill of this runbook (and scenario, when there is one).
    public static func latest(in store: RunStore, runbookId: String, scenarioId: String?) -> UnfinishedRun? {
        let candidates = store.runIds { $0.kind == .drill && $0.runbook?.id == runbookId && $0.scenario?.id == scenarioId }
        for runId in candidates.reversed() {
            guard let contents = try? JournalReader.read(store.journalPath(of: runId)),
                  let started = contents.events.first(where: { $0.type == .started }), started.kind == .drill,
                  started.runbook?.id == runbookId, started.scenario?.id == scenarioId else { continue }
            if contents.events.contains(where: { $0.type == .finished }) { continue }
            return UnfinishedRun(runId: runId, events: contents.events)
        }
        return nil
    }
}
