import RunbookKit

/// Why the reader could not finish a step, as picked in the drill (keys 1–7).
public enum BlockedReason: String, Codable, Hashable, Sendable, CaseIterable {
    case ssoWall = "sso_wall"
    case noPermission = "no_permission"
    case deadLink = "dead_link"
    case toolMissing = "tool_missing"
    case unclear
    case hadToAsk = "had_to_ask"
    case other

    /// A reason a newer version wrote reads as `other`: the step stays blocked (unknown
    /// is never a pass) and the reader names the word once in a warning.
    public init(from decoder: any Decoder) throws {
        let word = try decoder.singleValueContainer().decode(String.self)
        self = Self(rawValue: word) ?? .other
    }

    /// The label the reason picker and the reports show.
    public var label: String {
        switch self {
        case .ssoWall: return "SSO wall"
        case .noPermission: return "no permission"
        case .deadLink: return "dead or renamed link"
        case .toolMissing: return "tool missing"
        case .unclear: return "unclear instruction"
        case .hadToAsk: return "had to ask someone"
        case .other: return "other"
        }
    }
}

/// A drill is a human reading cold; a dry-run is the headless probe. Only drills count
/// toward the cadence.
public enum RunKind: String, Codable, Hashable, Sendable {
    case drill
    case dryRun = "dry-run"
}

/// The journal's event types (DESIGN.md, Journal).
public enum JournalEventType: String, Codable, Hashable, Sendable {
    case started, probeResult = "probe_result", stepShown = "step_shown", stepDone = "step_done"
    case stepBlocked = "step_blocked", stepSkipped = "step_skipped", note, injectShown = "inject_shown"
    case paused, resumed, finished, undone
    /// A type a newer ColdRead wrote. Kept in the events (so sequence numbers stay
    /// whole), skipped by every fold, and named once in a warning; never written.
    case unrecognized = "unrecognized"

    /// Any word decodes: a journal from a newer version stays readable.
    public init(from decoder: any Decoder) throws {
        let word = try decoder.singleValueContainer().decode(String.self)
        self = Self(rawValue: word) ?? .unrecognized
    }
}

/// Which runbook a run drilled, with the hash of the text at that moment.
public struct RunbookRef: Codable, Hashable, Sendable {
    public var id: String
    public var path: String
    public var sha256: String
}

extension RunbookRef {
    /// The runbook as loaded now: what a drill or a dry-run journals when it starts.
    public init(_ runbook: Runbook) {
        self.init(id: runbook.id, path: runbook.path, sha256: runbook.sha256)
    }

    /// A runbook that did not load, as a dry-run's `started` names it: no text was read,
    /// so there is no hash (`sha256` is empty).
    public static func unloaded(id: String, path: String) -> RunbookRef {
        RunbookRef(id: id, path: path, sha256: "")
    }
}

/// Which scenario a run drilled; only the reducer writes one, with the memberwise init.
public struct ScenarioRef: Codable, Hashable, Sendable {
    public var id: String
    public var path: String
}

/// One line of `journal.jsonl`. The journal is the record: state, reports and the
/// cadence are all folds over these events. Fields are flat and optional so one type
/// covers every event; each event type uses the fields DESIGN.md gives it.
/// It holds no secrets: credentials never reach any of these fields.
public struct JournalEvent: Codable, Hashable, Sendable {
    public var version: Int
    public var seq: Int
    /// Wall clock, RFC 3339 UTC.
    public var at: String
    /// Milliseconds on the run's monotonic timeline (not reset by resume).
    public var monoMs: Int
    public var type: JournalEventType

    // started
    public var runId: String?
    public var kind: RunKind?
    public var runbook: RunbookRef?
    public var scenario: ScenarioRef?
    public var reader: String?
    public var cold: Bool?
    public var budgetMs: Int?
    /// Every runbook a dry-run covers (dry-runs span many runbooks).
    public var runbooks: [RunbookRef]?
    /// SHA-256 of the `coldread.yaml` a dry-run read: shard runs merge only when it is one.
    /// Dry-runs that journal every step's outcome carry it; older ones do not.
    public var configSha256: String?
    /// The share of the runbooks a sharded dry-run took, as `K/N`.
    public var shard: String?

    // step events, notes, probe results
    public var step: Int?
    public var title: String?
    /// Which runbook a step event belongs to, in a dry-run that covers several.
    public var runbookId: String?
    /// The runbook's file, in a dry-run (two files may share an id: a duplicate-id error).
    public var runbookPath: String?
    /// Where a dry-run's step starts in its runbook.
    public var location: SourceLocation?
    /// A dry-run's lint findings for one runbook (a `note`).
    public var findings: [FindingRecord]?
    /// Why a runbook did not load, in a dry-run (a `note`).
    public var loadErrors: [LoadErrorRecord]?
    public var reason: BlockedReason?
    public var note: String?
    public var text: String?
    public var result: ProbeResult?
    /// The `seq` an `undone` event reverses.
    public var undoes: Int?

    // finished
    public var clean: Bool?
    public var blocked: Int?
    public var elapsedMs: Int?

    /// The word of an unrecognized `type`, or of a `reason` this version does not know
    /// (then read as `other`, so the step still counts as blocked). Set by the reader,
    /// never written.
    public var unrecognizedWord: String? = nil

    public init(seq: Int, at: String, monoMs: Int, type: JournalEventType) {
        self.version = 1
        self.seq = seq
        self.at = at
        self.monoMs = monoMs
        self.type = type
    }

    enum CodingKeys: String, CodingKey {
        case version, seq, at, type, kind, runbook, scenario, reader, cold, runbooks, step, title, reason, note, text
        case result, undoes, clean, blocked
        case monoMs = "mono_ms", runId = "run_id", budgetMs = "budget_ms", runbookId = "runbook_id"
        case elapsedMs = "elapsed_ms"
        case configSha256 = "config_sha256", shard, runbookPath = "runbook_path", location, findings
        case loadErrors = "load_errors"
    }
}
