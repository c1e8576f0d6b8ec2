import Foundation
import RunbookKit

/// What the summary needs to say when this runbook is drilled next: its earlier drills,
/// the incidents that count against it and the cadence rules, gathered before the timer
/// starts so the summary computes the date without touching a file.
public struct DrillCadence: Hashable, Sendable {
    public var policy: CadencePolicy
    /// This runbook's finished runs before this one (dry-runs are dropped by the rules).
    public var earlierRuns: [DrillRecord]
    public var incidents: [Incident]

    public init(policy: CadencePolicy, earlierRuns: [DrillRecord], incidents: [Incident]) {
        self.policy = policy
        self.earlierRuns = earlierRuns
        self.incidents = incidents
    }

    /// The runbook's cadence with this finished run counted, as `coldread schedule` will
    /// show it from now on; nil until the run has finished.
    public func afterRun(_ context: DrillContext, progress: DrillProgress) -> CadenceStatus? {
        guard let stamp = progress.finishedAt, let finished = RFC3339.date(stamp) else { return nil }
        let run = DrillRecord(runId: context.runId, runbookId: context.runbook.id, runbookPath: context.runbook.path,
                              kind: .drill, date: finished, clean: progress.isClean)
        let runs = earlierRuns.filter { $0.runId != context.runId } + [run]
        return Cadence.status(runbookId: context.runbook.id, drills: runs, incidents: incidents, policy: policy, asOf: finished)
    }
}
