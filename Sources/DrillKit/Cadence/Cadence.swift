import Foundation
import RunbookKit

/// Where one runbook stands in its drill cadence.
public struct CadenceStatus: Hashable, Sendable {
    public var runbookId: String
    public var mode: CadencePolicy.Mode
    /// When the last drill finished (dry-runs never count).
    public var lastDrill: Date?
    public var lastDrillRunId: String?
    public var lastClean: Bool?
    /// Clean drills in a row since the last unclean drill or gap-revealing incident.
    public var cleanStreak: Int
    /// The last incident that counted (`YYYY-MM-DD`).
    public var lastIncident: String?
    public var nextDue: Date
    public var overdue: Bool

    public var neverDrilled: Bool { lastDrill == nil }
}

/// The drill cadence rules (DESIGN.md, Cadence), as a pure fold over drills and incidents:
/// - every runbook starts on the default mode (quarterly);
/// - a drill that was not clean, or an incident that revealed a gap, puts it on the
///   after-gap mode (monthly) and resets the clean streak;
/// - `cleanRunsToRecover` clean drills in a row (two by default) bring it back;
/// - dry-runs never count: only a human reading cold is a drill.
///
/// The next drill is due one interval (3 or 1 calendar months) after the last drill,
/// on the first slot weekday from then. A runbook never drilled is due now: it is
/// overdue, and its `nextDue` is the first slot at or after the as-of time, the earliest
/// chance to drill it. Incidents count at the end of their day in the slot's time zone,
/// so an incident on the same day as a drill counts after it. Drills and incidents
/// after the as-of time are ignored.
public enum Cadence {
    public static func status(
        runbookId: String, drills: [DrillRecord], incidents: [Incident], policy: CadencePolicy, asOf: Date
    ) -> CadenceStatus {
        let slot = DrillSlot(policy: policy)
        enum Happening { case drill(DrillRecord), incident(Incident, Date) }
        var happenings: [(Date, Happening)] = drills
            .filter { $0.runbookId == runbookId && $0.kind == .drill && $0.date <= asOf }
            .map { ($0.date, .drill($0)) }
        for incident in incidents where incident.runbook == runbookId {
            if let at = slot.endOfDay(incident.date), slot.startOfDay(incident.date).map({ $0 <= asOf }) ?? false {
                happenings.append((at, .incident(incident, at)))
            }
        }
        happenings.sort { $0.0 < $1.0 }

        var mode = policy.defaultMode
        var streak = 0
        var last: DrillRecord?
        var lastIncident: String?
        for (_, happening) in happenings {
            switch happening {
            case .incident(let incident, _):
                mode = policy.afterGap
                streak = 0
                lastIncident = incident.date
            case .drill(let drill):
                last = drill
                if drill.clean {
                    streak += 1
                    if mode == policy.afterGap && streak >= policy.cleanRunsToRecover { mode = policy.defaultMode }
                } else {
                    mode = policy.afterGap
                    streak = 0
                }
            }
        }

        let nextDue: Date
        let overdue: Bool
        if let last {
            nextDue = slot.slot(months: months(mode), after: last.date)
            overdue = nextDue < asOf
        } else {
            nextDue = slot.slot(atOrAfter: asOf)
            overdue = true
        }
        return CadenceStatus(
            runbookId: runbookId, mode: mode, lastDrill: last?.date, lastDrillRunId: last?.runId, lastClean: last?.clean,
            cleanStreak: streak, lastIncident: lastIncident, nextDue: nextDue, overdue: overdue)
    }

    /// Every runbook's status, overdue first, then by due date, then by id.
    public static func schedule(
        runbookIds: [String], drills: [DrillRecord], incidents: [Incident], policy: CadencePolicy, asOf: Date
    ) -> [CadenceStatus] {
        runbookIds.map { status(runbookId: $0, drills: drills, incidents: incidents, policy: policy, asOf: asOf) }
            .sorted { a, b in
                if a.overdue != b.overdue { return a.overdue }
                if a.nextDue != b.nextDue { return a.nextDue < b.nextDue }
                return a.runbookId < b.runbookId
            }
    }

    static func months(_ mode: CadencePolicy.Mode) -> Int {
        switch mode {
        case .quarterly: return 3
        case .monthly: return 1
        }
    }
}
