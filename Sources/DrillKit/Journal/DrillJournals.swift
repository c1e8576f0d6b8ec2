/// Every drill in a store with its events, each journal read once: the drill's start asks
/// for them twice, for its resume offer and for its next-date cadence. Dry-runs are
/// passed over from their first line (`RunStore.drillRunIds`); a journal that cannot be
/// read is left out (`history` and `report` name what is wrong with it).
public struct DrillJournals: Sendable {
    /// Oldest first, as run ids sort.
    public var runs: [(runId: String, events: [JournalEvent])]

    public init(store: RunStore) {
        runs = store.drillRunIds().compactMap { runId in
            (try? JournalReader.read(store.journalPath(of: runId)).events).map { (runId, $0) }
        }
    }
}
