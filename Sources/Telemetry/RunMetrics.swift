import DrillKit
import Foundation
import ReportKit

/// One metric of a run: a gauge, because each value describes the last run (a cron
/// job's textfile is replaced, and a collector keeps the history).
public struct MetricPoint: Hashable, Sendable {
    /// The OpenTelemetry name (`coldread.run.steps`); `PrometheusTextfile` spells it
    /// the Prometheus way (`coldread_run_steps`).
    public var name: String
    public var unit: String
    public var help: String
    public var labels: [String: String]
    public var value: Double
}

/// The metrics of one run: steps by outcome, blocked steps by reason, duration against
/// budget, and for each runbook the time since its last clean drill (from the other
/// runs' journals, because a dry-run never counts as a drill).
public enum RunMetrics {
    public static func points(of report: RunReport, drills: [DrillRecord], now: Date) -> [MetricPoint] {
        let kind = ["coldread.run.kind": report.kind.rawValue]
        var points: [MetricPoint] = []
        let verdicts = report.steps.map { StepVerdict($0, kind: report.kind) }
        for verdict in StepVerdict.allCases {
            points.append(MetricPoint(name: "coldread.run.steps", unit: "{step}", help: "Steps of the last run by outcome (unknown is never a pass).",
                                      labels: kind.merging(["coldread.step.outcome": verdict.rawValue]) { $1 },
                                      value: Double(verdicts.filter { $0 == verdict }.count)))
        }
        for reason in BlockedReason.allCases {
            let count = report.steps.filter { $0.status == .blocked && $0.blockedReason == reason }.count
            points.append(MetricPoint(name: "coldread.run.blocked_steps", unit: "{step}", help: "Blocked steps of the last run by reason.",
                                      labels: kind.merging(["coldread.blocked.reason": reason.rawValue]) { $1 }, value: Double(count)))
        }
        points.append(MetricPoint(name: "coldread.run.duration", unit: "s", help: "Active time of the last run, pauses excluded.",
                                  labels: kind, value: Double(report.elapsedMs) / 1000))
        if let budget = report.budgetMs {
            points.append(MetricPoint(name: "coldread.run.budget", unit: "s", help: "Time budget of the last run.",
                                      labels: kind, value: Double(budget) / 1000))
        }
        points.append(MetricPoint(name: "coldread.run.clean", unit: "1", help: "1 when the last run was clean, else 0.",
                                  labels: kind, value: report.clean ? 1 : 0))
        points += sinceCleanDrill(report, drills: drills, now: now)
        return points
    }

    /// Seconds since each of the run's runbooks was last drilled clean by a person; a
    /// runbook never drilled clean has no point, so `absent()` alerts can see it.
    static func sinceCleanDrill(_ report: RunReport, drills: [DrillRecord], now: Date) -> [MetricPoint] {
        RunTrace.runbooks(of: report).compactMap { runbookId, _ in
            let last = drills.filter { $0.kind == .drill && $0.clean && $0.runbookId == runbookId }.map(\.date).max()
            return last.map {
                MetricPoint(name: "coldread.runbook.time_since_clean_drill", unit: "s",
                            help: "Seconds since the runbook was last drilled clean by a person.",
                            labels: ["coldread.runbook.id": runbookId], value: max(0, now.timeIntervalSince($0).rounded()))
            }
        }
    }
}
