import DrillKit
import ReportKit
import RunbookKit

/// A dry-run as its journal tells it: every runbook with its load errors, lint findings
/// and steps with their probe results. The run prints this fold of its own events, and
/// `coldread report` and `coldread merge` print the same fold of the journal on disk, so
/// what the run wrote and what is rebuilt later are one text.
public struct DryRunSummary: Sendable {
    public var runId: String
    public var startedAt: String
    /// Sorted by path.
    public var runbooks: [RunbookDryRun]
    /// Why probing stopped early, when it did (deadline, a stop signal).
    public var cutShort: String?
    public var configSha256: String
    public var shard: DryRunShard?
    public var scenario: ScenarioRef?

    /// Clean means every runbook loaded, linted without error and had no step blocked.
    public var isClean: Bool { runbooks.allSatisfy(\.isClean) }

    /// Folds a dry-run journal; nil for a drill's journal and for a dry-run journalled
    /// before every step's outcome was (no `config_sha256`): those are reported through
    /// the step fold of `RunReport`, as before.
    public init?(events: [JournalEvent]) {
        guard let started = events.first(where: { $0.type == .started }), started.kind == .dryRun,
              let configSha256 = started.configSha256 else { return nil }
        runId = started.runId ?? ""
        startedAt = started.at
        self.configSha256 = configSha256
        shard = started.shard.flatMap(DryRunShard.init)
        scenario = started.scenario
        cutShort = events.last { $0.type == .finished }?.note
        var fold = RunbookFold(started.runbooks ?? [])
        events.forEach { fold.add($0) }
        runbooks = fold.runbooks
    }
}

/// Per-runbook accumulation, keyed by path: two files may share an id.
private struct RunbookFold {
    private var byPath: [String: RunbookDryRun] = [:]
    private var results: [String: [Int: [ProbeResult]]] = [:]

    init(_ refs: [RunbookRef]) {
        for ref in refs { byPath[ref.path] = RunbookDryRun(id: ref.id, path: ref.path) }
    }

    var runbooks: [RunbookDryRun] { byPath.values.sorted { $0.path < $1.path } }

    mutating func add(_ event: JournalEvent) {
        guard let path = event.runbookPath, byPath[path] != nil else { return }
        switch event.type {
        case .note:
            byPath[path]?.loadErrors += (event.loadErrors ?? []).map(\.loadError)
            byPath[path]?.findings += (event.findings ?? []).compactMap(Self.finding)
        case .probeResult:
            guard let result = event.result else { return }
            results[path, default: [:]][event.step ?? result.step, default: []].append(result)
        case .stepDone, .stepBlocked, .stepSkipped:
            guard let index = event.step else { return }
            let location = event.location ?? SourceLocation(file: path, line: 1)
            byPath[path]?.steps.append(RunbookDryRun.StepOutcome(
                index: index, title: event.title ?? "", location: location, results: results[path]?[index] ?? []))
        default:
            return
        }
    }

    /// A journalled finding; one whose rule or severity this version does not know is left
    /// out; `RunVerdict` still counts its runbook's "fails lint" note.
    private static func finding(_ record: FindingRecord) -> Finding? {
        guard let rule = LintRule(rawValue: record.rule), let severity = Severity(rawValue: record.severity) else { return nil }
        return Finding(rule: rule, severity: severity, location: record.location, message: record.message)
    }
}
