import DrillKit
import Foundation
import RunbookKit

/// One runbook's drills in order, for the facilitator's question after a drill: is this
/// runbook getting better? Each drill keeps which steps blocked, its time against its
/// budget, who read it and whether cold, and the cadence mode it left the runbook in.
/// Dry-runs are not drills (DESIGN.md, Cadence) and are left out.
public struct HistoryTrend: Sendable, Hashable {
    public struct Drill: Sendable, Hashable {
        public var runId: String
        /// When the drill started (RFC 3339, as journalled).
        public var date: String
        public var reader: String?
        public var cold: Bool?
        public var finished: Bool
        public var clean: Bool
        /// 1-based indices of the steps that ended blocked.
        public var blockedSteps: [Int]
        public var elapsedMs: Int
        public var budgetMs: Int?
        /// The runbook's cadence mode once this drill (and the incidents before it) counted.
        public var modeAfter: CadencePolicy.Mode

        public var blockedCount: Int { blockedSteps.count }
    }

    public var runbookId: String
    /// Oldest first.
    public var drills: [Drill]
    /// Every step any drill saw, by index, with its latest title: the heat map's rows.
    public var steps: [(index: Int, title: String)] { stepList.map { ($0.index, $0.title) } }
    var stepList: [StepName]

    struct StepName: Sendable, Hashable {
        var index: Int
        var title: String
    }

    /// Builds the trend from the runbook's journals (any order; dry-runs are skipped).
    /// `incidents` are this runbook's, so the mode after each drill counts them too.
    public static func build(runbookId: String, journals: [[JournalEvent]], policy: CadencePolicy,
                             incidents: [Incident]) -> HistoryTrend {
        var drills: [(record: DrillRecord, report: RunReport)] = []
        for events in journals {
            guard var record = DrillRecord(events: events), record.kind == .drill else { continue }
            record.runbookId = runbookId
            drills.append((record, RunReport(events: events)))
        }
        drills.sort { $0.record.date < $1.record.date }
        let records = drills.map(\.record)
        let matched = incidents.map { incident in
            var own = incident
            own.runbook = runbookId
            return own
        }
        var titles: [Int: String] = [:]
        let entries = drills.map { drill in
            for step in drill.report.steps where step.index > 0 { titles[step.index] = step.title }
            let mode = Cadence.status(runbookId: runbookId, drills: records, incidents: matched, policy: policy,
                                      asOf: drill.record.date).mode
            return Drill(
                runId: drill.report.runId, date: drill.report.startedAt ?? "", reader: drill.report.reader,
                cold: drill.report.cold, finished: drill.report.finished, clean: drill.report.clean,
                blockedSteps: drill.report.steps.filter { $0.status == .blocked }.map(\.index),
                elapsedMs: drill.report.elapsedMs, budgetMs: drill.report.budgetMs, modeAfter: mode)
        }
        let steps = titles.keys.sorted().map { StepName(index: $0, title: titles[$0] ?? "") }
        return HistoryTrend(runbookId: runbookId, drills: entries, stepList: steps)
    }

}
