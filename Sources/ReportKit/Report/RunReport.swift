import DrillKit
import RunbookKit

/// What happened in one run, rebuilt from its journal alone (plus the runbook and the
/// directory when they are at hand, to name remedies). Every renderer reads this one
/// value, so md, json, html and junit never disagree.
public struct RunReport: Hashable, Sendable {
    public var runId: String
    public var kind: RunKind
    public var runbook: RunbookRef?
    /// The runbook's title, when the runbook file was loaded for the report.
    public var runbookTitle: String?
    /// Every runbook a dry-run covered.
    public var runbooks: [RunbookRef]
    public var scenario: ScenarioRef?
    public var reader: String?
    /// False when the reader belongs to the runbook's owner team; nil when unrecorded.
    public var cold: Bool?
    /// Wall clock of the `started` event (RFC 3339 UTC).
    public var startedAt: String?
    /// Wall clock of the `finished` event; nil for a run that was interrupted.
    public var finishedAt: String?
    /// True when a `finished` event closes the journal.
    public var finished: Bool
    /// A run is clean when no step was blocked (the `finished` event's word wins when present).
    public var clean: Bool
    /// Time the reader spent, paused spans excluded.
    public var elapsedMs: Int
    public var budgetMs: Int?
    public var steps: [StepReport]
    /// Injects the facilitator showed, in order.
    public var injects: [InjectSeen]
    /// Every gap with its remedy, costliest first.
    public var roadmap: [Gap]

    public var blockedCount: Int { steps.filter { $0.status == .blocked }.count }

    /// True when the run took longer than its budget.
    public var overBudget: Bool {
        guard let budgetMs else { return false }
        return elapsedMs > budgetMs
    }
}

/// Where a step ended up.
public enum StepStatus: String, Codable, Hashable, Sendable {
    case done, blocked, skipped
    /// Shown to the reader but not yet marked (an interrupted run).
    case inProgress = "in_progress"
    /// Never reached.
    case notReached = "not_reached"
}

/// One step as the reader experienced it. Only the journal fold builds it, with the
/// memberwise init: a step starts not reached, with nothing recorded.
public struct StepReport: Hashable, Sendable, Encodable {
    /// 1-based index in its runbook.
    public var index: Int
    public var title: String
    /// The runbook a step belongs to, in a dry-run over several runbooks.
    public var runbookId: String?
    public var status: StepStatus = .notReached
    /// From the first time the step was shown to when it was marked, paused spans excluded.
    public var timeMs = 0
    /// Offset of the step's first showing on the run's timeline, paused spans excluded.
    public var startMs: Int?
    public var blockedReason: BlockedReason?
    /// The note given with the blocked reason.
    public var blockedNote: String?
    public var notes: [String] = []
    public var probes: [ProbeResult] = []
    public var injects: [String] = []
    /// The step's line in its runbook file, when the runbook was loaded for the report
    /// (JUnit's `line`); not part of the JSON report.
    public var line: Int?

    enum CodingKeys: String, CodingKey {
        case index, title, runbookId, status, timeMs, startMs, blockedReason, blockedNote, notes, probes, injects
    }
}

/// A facilitator's twist as the reader saw it.
public struct InjectSeen: Hashable, Sendable, Encodable {
    public var text: String
    /// The step on screen when it appeared.
    public var step: Int?
    /// Offset on the run's timeline, paused spans excluded.
    public var atMs: Int
}
