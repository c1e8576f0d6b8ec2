import DrillKit
import ReportKit
import RunbookKit

/// `coldread merge`: the runs of one sharded dry-run (their folders copied from the CI
/// workers into `Drills/runs/`) become one run with its own journal and reports, equal to
/// an unsharded run of the same runbooks. Runs that are not shards of one configuration
/// are refused, since their sum would describe no run that ever happened.
public struct DryRunMerge: Sendable {
    /// A run to merge, as read from its journal.
    public struct Run: Sendable {
        public var runId: String
        public var events: [JournalEvent]

        public init(runId: String, events: [JournalEvent]) {
            self.runId = runId
            self.events = events
        }
    }

    public var store: RunStore
    public var clock: any DrillClock = SystemClock()

    public init(store: RunStore) { self.store = store }

    /// Checks that `runs` are the shards of one dry-run and journals them as one run.
    public func merge(_ runs: [Run]) async throws(CommandFailure) -> (result: DryRunResult, events: [JournalEvent]) {
        let shards = try ShardSet(runs)
        let runId = RunId.make(at: clock.wallNow(), runbookId: "dry-run-merge")
        let record = try DryRunRecord(journal: store.journalPath(of: runId), clock: clock)
        try await record.carry([shards.started(runId: runId)])
        for run in runs {
            try await record.carry(run.events.filter { $0.type != .started && $0.type != .finished })
        }
        try await record.append([shards.finished(await record.recorder.events)])
        let events = await record.recorder.events
        return (try DryRunResult.finish(events, store: store, signal: nil), events)
    }
}

/// The runs given to `merge`, checked to be the N shards of one configuration, each once.
private struct ShardSet {
    let runs: [DryRunMerge.Run]
    let summaries: [DryRunSummary]

    init(_ runs: [DryRunMerge.Run]) throws(CommandFailure) {
        var summaries: [DryRunSummary] = []
        for run in runs {
            guard let summary = DryRunSummary(events: run.events) else {
                throw Self.refusal("\(run.runId) is not a dry-run that journals every step (a drill, or a dry-run of an older coldread)",
                                   hint: "merge the runs of `coldread dry-run --shard K/N`")
            }
            summaries.append(summary)
        }
        self.runs = runs
        self.summaries = summaries
        try sameConfiguration()
        try eachShardOnce()
        try noRunbookTwice()
    }

    private static func refusal(_ what: String, hint: String) -> CommandFailure {
        .input("coldread merge: error: \(what) (hint: \(hint))")
    }

    private func sameConfiguration() throws(CommandFailure) {
        let first = summaries[0]
        for (run, summary) in zip(runs, summaries).dropFirst() {
            if summary.configSha256 != first.configSha256 {
                throw Self.refusal("\(run.runId) read another coldread.yaml than \(runs[0].runId) (sha256 \(summary.configSha256.prefix(12)) ≠ \(first.configSha256.prefix(12)))",
                                   hint: "merge the shards of one run, made from one commit of the repository")
            }
            if summary.scenario != first.scenario {
                throw Self.refusal("\(run.runId) ran scenario \(summary.scenario?.id ?? "none"), \(runs[0].runId) ran \(first.scenario?.id ?? "none")",
                                   hint: "merge the shards of one run of one scenario")
            }
        }
    }

    /// One run needs no shard; several must be the shards 1…N of one N, each once.
    private func eachShardOnce() throws(CommandFailure) {
        guard runs.count > 1 || summaries[0].shard != nil else { return }
        var seen: [Int: String] = [:]
        let count = summaries.compactMap(\.shard).first?.count ?? 0
        for (run, summary) in zip(runs, summaries) {
            guard let shard = summary.shard else {
                throw Self.refusal("\(run.runId) is not a shard: it covers every runbook, so it overlaps the other runs", hint: "merge only runs of `coldread dry-run --shard K/N`")
            }
            guard shard.count == count else {
                throw Self.refusal("\(run.runId) is shard \(shard) but the others are shards of \(count)", hint: "merge the shards of one run, all with the same N")
            }
            if let other = seen[shard.index] {
                throw Self.refusal("\(other) and \(run.runId) are both shard \(shard)", hint: "each shard once; drop the run that was repeated")
            }
            seen[shard.index] = run.runId
        }
        if let missing = (1...count).first(where: { seen[$0] == nil }) {
            throw Self.refusal("shard \(missing)/\(count) is missing", hint: "copy every shard's run folder into Drills/runs, then merge all \(count)")
        }
    }

    private func noRunbookTwice() throws(CommandFailure) {
        var owner: [String: String] = [:]
        for (run, summary) in zip(runs, summaries) {
            for runbook in summary.runbooks {
                if let other = owner[runbook.path] {
                    throw Self.refusal("\(runbook.path) is in both \(other) and \(run.runId)", hint: "merge the shards of one run")
                }
                owner[runbook.path] = run.runId
            }
        }
    }

    /// The earliest shard's `started`, now naming every runbook of every shard.
    func started(runId: String) -> JournalEvent {
        let starts = runs.compactMap { $0.events.first { $0.type == .started } }
        var started = starts.min { $0.at < $1.at } ?? DryRunRecord.event(.started)
        started.runId = runId
        started.runbooks = starts.flatMap { $0.runbooks ?? [] }.sorted { $0.path < $1.path }
        started.shard = nil
        return started
    }

    /// `finished` for the merged run: clean and blocked from its steps, the longest shard's
    /// time, and every shard's reason for stopping early.
    func finished(_ events: [JournalEvent]) -> JournalEvent {
        let ends = runs.compactMap { $0.events.last { $0.type == .finished } }
        var finished = DryRunRecord.event(.finished)
        finished.clean = DryRunSummary(events: events)?.isClean ?? false
        finished.blocked = events.filter { $0.type == .stepBlocked }.count
        finished.elapsedMs = ends.compactMap(\.elapsedMs).max() ?? 0
        let notes = zip(runs, runs.map { run in run.events.last { $0.type == .finished }?.note })
            .compactMap { run, note in note.map { "\(run.runId): \($0)" } }
        if ends.count < runs.count { finished.note = "a shard did not finish" }
        if !notes.isEmpty { finished.note = notes.joined(separator: "; ") }
        return finished
    }
}
