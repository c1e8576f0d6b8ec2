import DrillKit
import ProbeKit
import ReportKit
import RunbookKit

/// What a dry-run journals, so the journal holds the whole run: every runbook's load
/// errors and lint findings, every probe result in reading order, and every step's
/// outcome (passed ones too), each with the runbook's path beside its id. `DryRunSummary`
/// folds exactly these events back, for the run's own output and for `coldread report`.
struct DryRunRecord: Sendable {
    let recorder: JournalRecorder

    /// Opens (creating) the run's journal, redacted like every output.
    init(journal path: String, clock: any DrillClock) throws(CommandFailure) {
        do {
            recorder = try JournalRecorder(path: path, clock: clock, redaction: Outbound.redaction)
        } catch {
            throw .input(error.description)
        }
    }

    /// One `note` for a runbook that did not load, with every error.
    func notLoaded(_ failure: RunbookDryRun) async throws(CommandFailure) {
        var note = Self.event(.note, runbookId: failure.id, path: failure.path)
        note.text = DryRunHealth.loadFailureNotePrefix + ": " + (failure.loadErrors.first?.description ?? "")
        note.loadErrors = failure.loadErrors.map(LoadErrorRecord.init)
        try await append([note])
    }

    /// One `note` for a runbook with lint findings; its words say "fails lint" when one is
    /// an error, which makes the run unclean for every fold (`RunVerdict`).
    func linted(_ runbook: Runbook, findings: [Finding]) async throws(CommandFailure) {
        guard !findings.isEmpty else { return }
        var note = Self.event(.note, runbookId: runbook.id, path: runbook.path)
        let errors = findings.filter { $0.severity == .error }
        if let first = errors.first {
            note.text = DryRunHealth.lintFailureNotePrefix + ": \(errors.count) error(s), first: \(first.message) [\(first.rule.rawValue)]"
        } else {
            note.text = "lint: \(findings.count) warning(s)"
        }
        note.findings = findings.map {
            FindingRecord(rule: $0.rule.rawValue, severity: $0.severity.rawValue, location: $0.location, message: $0.message)
        }
        try await append([note])
    }

    /// A probed runbook, in one piece: its results in reading order, then one event per
    /// step (done, blocked with its typed reason, or skipped when a probe concluded nothing).
    func probed(_ runbook: Runbook, findings: [Finding], results: [ProbeResult]) async throws(CommandFailure) {
        let ordered = ProbeOrder.ordered(results, in: runbook)
        var events = ordered.map { result in
            var event = Self.event(.probeResult, runbookId: runbook.id, path: runbook.path)
            event.step = result.step
            event.result = result
            return event
        }
        for step in RunbookDryRun(runbook: runbook, findings: findings, results: ordered).steps {
            var event = Self.event(Self.type(of: step), runbookId: runbook.id, path: runbook.path)
            event.step = step.index
            event.title = step.title
            event.location = step.location
            if let first = step.blocking.first {
                event.reason = BlockedReason(blocking: first.outcome)
                event.note = step.blocking.map { "\($0.kind.rawValue) \($0.subject): \($0.outcome.rawValue)" }.joined(separator: "; ")
            }
            events.append(event)
        }
        try await append(events)
    }

    /// Passed is `step_done`; what would stop the reader is `step_blocked`; a step whose
    /// probes concluded nothing is `step_skipped` (never a pass).
    static func type(of step: RunbookDryRun.StepOutcome) -> JournalEventType {
        if step.isBlocked { return .stepBlocked }
        return step.inconclusive.isEmpty ? .stepDone : .stepSkipped
    }

    /// An event about one runbook; the recorder stamps and numbers it.
    static func event(_ type: JournalEventType, runbookId: String? = nil, path: String? = nil) -> JournalEvent {
        var event = JournalEvent(seq: 0, at: "", monoMs: 0, type: type)
        event.runbookId = runbookId
        event.runbookPath = path
        return event
    }

    /// Appends `events` stamped now, one after another.
    func append(_ events: [JournalEvent]) async throws(CommandFailure) {
        do {
            try await recorder.record(contentsOf: events)
        } catch {
            throw .input(error.description)
        }
    }

    /// Appends events another run recorded, keeping their stamps (a merge).
    func carry(_ events: [JournalEvent]) async throws(CommandFailure) {
        do {
            for event in events { try await recorder.carry(event) }
        } catch {
            throw .input(error.description)
        }
    }
}
