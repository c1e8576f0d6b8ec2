import DrillKit
import ReportKit
import RunbookKit

/// `coldread history [RUNBOOK]`: every run, newest first; for one runbook also the
/// trend across its drills and the cadence mode after each. The job finds the project's
/// journals, matches them to the runbook by path first, and folds them.
public struct HistoryJob: Sendable {
    /// Only runs of this runbook (an id or a path); nil for every run.
    public var runbook: String?
    /// Told what was passed over: a journal that cannot be read, a torn last line, a
    /// runbook that does not load. The command prints them; tests collect them.
    public var warn: WarningSink

    public init(runbook: String?, warn: @escaping WarningSink = StandardError.write) {
        (self.runbook, self.warn) = (runbook, warn)
    }

    /// The rows and trend of the runs under `Drills/runs` beside coldread.yaml; a bad
    /// `Drills/incidents.yaml` is an input error naming its place.
    public func run(directory: Directory) throws(CommandFailure) -> HistoryResult {
        let runs = RunFolders(directory: directory, warn: warn)
        let catalog = RunbookCatalog(directory: directory, warn: warn)
        // Older journals name a runbook by its file stem: matched to the runbook, by path first.
        let entries = runbook.map { _ in catalog.entries() }
        let filter = try runbook.map { argument throws(CommandFailure) in try catalog.id(of: argument, requireKnown: false, among: entries) }
        let known = entries.map(catalog.known)
        let journals = runs.allRuns().map(\.events).filter { events in
            guard let filter, let known else { return true }
            // The `started` event names the runs' runbooks; `fold` builds each report once.
            let started = events.first { $0.type == .started }
            let refs = started?.runbook.map { [$0] } ?? started?.runbooks ?? []
            return refs.contains { known.canonical($0.id, path: $0.path) == filter }
        }
        if let argument = runbook, journals.isEmpty {
            // No run and no such runbook is most likely a typo: say so, listing the ids,
            // rather than "no runs yet" of a runbook that does not exist.
            _ = try catalog.id(of: argument, requireKnown: true, among: entries)
        }
        var incidents: [Incident] = []
        if let filter {
            do {
                incidents = try IncidentsLoader.load(RunFolders.path("Drills/incidents.yaml", under: runs.root))
                    .filter { known?.canonical($0.runbook) == filter }
            } catch {
                throw CommandFailure.input(error)
            }
        }
        return Self.fold(journals: journals, runbookId: filter, policy: directory.cadence, incidents: incidents)
    }

    /// The listing of `journals` (each a run's events, in any order): newest first, and
    /// for `runbookId` its trend with the cadence mode after each drill.
    public static func fold(journals: [[JournalEvent]], runbookId: String? = nil, policy: CadencePolicy,
                            incidents: [Incident] = []) -> HistoryResult {
        let trend = runbookId.map { HistoryTrend.build(runbookId: $0, journals: journals, policy: policy, incidents: incidents) }
        let modes = Dictionary((trend?.drills ?? []).map { ($0.runId, $0.modeAfter) }, uniquingKeysWith: { $1 })
        let reports = journals.map { RunReport(events: $0) }
            .sorted { ($0.startedAt ?? "", $0.runId) > ($1.startedAt ?? "", $1.runId) }
        let rows = reports.map { HistoryTable.Row(report: $0, modeAfter: $0.kind == .drill ? modes[$0.runId] : nil) }
        return HistoryResult(rows: rows, trend: trend)
    }
}

/// Every run, newest first, and for one runbook its trend (oldest first).
public struct HistoryResult: Sendable {
    public var rows: [HistoryTable.Row]
    public var trend: HistoryTrend?
}
