import DrillKit
import Foundation
import Jobs
import Synchronization
import ProbeKit
import ReportKit
import RunbookKit
import TerminalUI

/// What one `coldread dry-run` found, across every runbook it covered.
struct DryRunOutcome {
    var runId: String
    var startedAt: String
    var journalPath: String
    var reportPaths: [String]
    var runbooks: [RunbookDryRun]
    /// Why probing stopped early, when it did (deadline, SIGTERM).
    var cutShort: String?
    /// The stop signal that cut it short, if one did.
    var signal: Int32?

    var isClean: Bool { runbooks.allSatisfy(\.isClean) }
}

/// Runs the headless dry-run: load and lint every runbook, probe them all as their
/// rotations in one probe session (so shared links are probed once), journal every
/// result as it arrives, and stop at the deadline or on SIGTERM with everything
/// unfinished reported as `timeout`, never as ok.
struct DryRunner {
    var directory: Directory
    /// Who holds what: the file, or live providers over it.
    var access: any AccessOracle
    var root: String
    var credentials: Credentials
    var options: ProbeOptions
    var deadlineSeconds: Int
    var progress: Bool

    func run(_ files: [String]) async throws(CommandFailure) -> DryRunOutcome {
        let clock = SystemClock()
        let startedWall = clock.wallNow()
        let runId = RunId.make(at: startedWall, runbookId: "dry-run")
        let store = RunStore(root: (root == "." ? "" : root + "/") + "Drills/runs")
        let journal: DryRunJournal
        do { journal = try DryRunJournal(path: store.journalPath(of: runId), clock: clock) } catch { throw .input(error.description) }

        // Load and lint everything first: a runbook that does not load is reported and the rest still run.
        let linter = Linter(directory: directory, access: access)
        let loaderOptions = LoaderOptions(directory: directory)
        var loaded: [(Runbook, [Finding])] = []
        var failed: [RunbookDryRun] = []
        for file in files {
            do {
                let runbook = try RunbookLoader.load(file, options: loaderOptions)
                loaded.append((runbook, linter.lint(runbook)))
            } catch {
                let id = RunbookIdentity.defaultId(forFile: file, workspaceRoot: loaderOptions.workspaceRoot)
                failed.append(RunbookDryRun(id: id, path: file, loadErrors: error.errors))
            }
        }
        for duplicate in DuplicateIds.findings(loaded.map { DuplicateIds.Claim($0.0) }) {
            if let i = loaded.firstIndex(where: { $0.0.path == duplicate.location.file }) { loaded[i].1.append(duplicate) }
        }
        var started = journal.event(.started)
        started.runId = runId
        started.kind = .dryRun
        started.reader = "rotation"
        started.runbooks = loaded.map { RunbookRef(id: $0.0.id, path: $0.0.path, sha256: $0.0.sha256) }
            + failed.map { RunbookRef(id: $0.id, path: $0.path, sha256: "") }
        try await journal.append(started)
        try await journalFailures(failed: failed, loaded: loaded, into: journal)

        let session = ProbeSession(access: access, directory: directory, sandbox: nil, credentials: credentials, options: options)
        let collected = ResultCollector()
        let toProbe = loaded.map(\.0)
        let total = toProbe.count
        let showProgress = progress
        let probing = Task {
            for await event in session.run(toProbe, as: .rotation(nil)) {
                switch event {
                case .result(let index, let result):
                    let runbook = toProbe[index]
                    // By file, not id: two runbooks that share an id (a duplicate-id error) keep their own results.
                    guard await collected.add(result, for: runbook.path) else { return }
                    var event = journal.event(.probeResult)
                    event.runbookId = runbook.id
                    event.step = result.step
                    event.result = result
                    try? await journal.append(event)
                case .finished(let index):
                    let done = await collected.finish(toProbe[index].id)
                    if showProgress { StandardError.write("coldread dry-run: [\(done)/\(total)] \(toProbe[index].id) probed") }
                }
            }
        }
        let stop = await FirstOf.wait(probing: probing, deadlineSeconds: deadlineSeconds)
        let cutShort = stop?.reason
        let results = await collected.close()
        if stop != nil {
            probing.cancel()
            ProbeProcessGroups.killAll()
        }
        await session.shutdown()

        var outcomes = failed
        var blockedCount = 0
        for (runbook, findings) in loaded {
            var received = results[runbook.path] ?? []
            received += ProbePlan.unfinished(runbook, received: received, reason: cutShort ?? "")
            let outcome = RunbookDryRun(runbook: runbook, findings: findings, results: ProbeOrder.ordered(received, in: runbook),
                                        elapsedMs: clock.monotonicMs() - journal.startMono)
            for step in outcome.blockedSteps {
                blockedCount += 1
                var event = journal.event(.stepBlocked)
                event.runbookId = runbook.id
                event.step = step.index
                event.title = step.title
                event.reason = BlockedReason(rawValue: blockedReasonWord(for: step.blocking[0].outcome)) ?? .other
                event.note = step.blocking.map { "\($0.kind.rawValue) \($0.subject): \($0.outcome.rawValue)" }.joined(separator: "; ")
                try? await journal.append(event)
            }
            outcomes.append(outcome)
        }
        outcomes.sort { $0.path < $1.path }
        var finished = journal.event(.finished)
        finished.clean = outcomes.allSatisfy(\.isClean)
        finished.blocked = blockedCount
        finished.elapsedMs = clock.monotonicMs() - journal.startMono
        if let cutShort { finished.note = cutShort }
        try await journal.append(finished)

        var outcome = DryRunOutcome(runId: runId, startedAt: started.at, journalPath: store.journalPath(of: runId), reportPaths: [],
                                    runbooks: outcomes, cutShort: cutShort, signal: stop?.signal)
        outcome.reportPaths = DryRunReportFiles.write(outcome, into: store.folder(of: runId))
        return outcome
    }

    /// Notes for runbooks that failed before probing counted: those that do not load and
    /// those whose lint found errors, so a report rebuilt from the journal (and the
    /// schedule) is as unclean as the run.
    private func journalFailures(failed: [RunbookDryRun], loaded: [(Runbook, [Finding])],
                                 into journal: DryRunJournal) async throws(CommandFailure) {
        for rb in failed {
            var note = journal.event(.note)
            note.runbookId = rb.id
            note.text = DryRunHealth.loadFailureNotePrefix + ": " + (rb.loadErrors.first?.description ?? "")
            try await journal.append(note)
        }
        for (runbook, findings) in loaded {
            let errors = findings.filter { $0.severity == .error }
            guard let first = errors.first else { continue }
            var note = journal.event(.note)
            note.runbookId = runbook.id
            note.text = DryRunHealth.lintFailureNotePrefix + ": \(errors.count) error(s), first: \(first.message) [\(first.rule.rawValue)]"
            try await journal.append(note)
        }
    }
}

/// Probe results gathered per runbook; closed at the deadline so late answers are
/// neither journaled nor counted.
actor ResultCollector {
    private var results: [String: [ProbeResult]] = [:]
    private var finished = 0
    private var closed = false

    func add(_ result: ProbeResult, for runbook: String) -> Bool {
        guard !closed else { return false }
        results[runbook, default: []].append(result)
        return true
    }

    func finish(_ runbook: String) -> Int {
        finished += 1
        return finished
    }

    func close() -> [String: [ProbeResult]] {
        closed = true
        return results
    }
}

/// The dry-run's journal: numbers and stamps events, appends each with fsync, and is
/// shared by concurrent probe tasks.
actor DryRunJournal {
    private let writer: JournalWriter
    private let clock: SystemClock
    nonisolated let startMono: Int
    private var seq = 0

    init(path: String, clock: SystemClock) throws(JournalWriter.WriteError) {
        writer = try JournalWriter(path: path, redaction: Outbound.redaction)
        self.clock = clock
        startMono = clock.monotonicMs()
    }

    /// A new event stamped now; `append` gives it its sequence number.
    nonisolated func event(_ type: JournalEventType) -> JournalEvent {
        JournalEvent(seq: 0, at: RunTimeline.stamp(clock.wallNow()), monoMs: clock.monotonicMs() - startMono, type: type)
    }

    func append(_ event: JournalEvent) throws(CommandFailure) {
        var event = event
        seq += 1
        event.seq = seq
        do { try writer.append(event) } catch { throw .input(error.description) }
    }
}

/// Why a dry-run stopped before every probe answered.
struct CutShort: Sendable {
    var reason: String
    /// The stop signal, when one ended the run (the exit code is 128 + it for SIGINT).
    var signal: Int32?
}

/// Waits until probing finishes, the deadline passes or SIGTERM or SIGINT arrives,
/// whichever is first, without waiting on probes that ignore cancellation.
enum FirstOf {
    static func wait(probing: Task<Void, Never>, deadlineSeconds: Int) async -> CutShort? {
        let signals = SignalTrap(SignalTrap.headlessStopSignals)
        defer { signals.cancel() }
        return await withCheckedContinuation { (continuation: CheckedContinuation<CutShort?, Never>) in
            let once = ResumeOnce(continuation)
            Task { await probing.value; once.resume(nil) }
            Task {
                try? await Task.sleep(for: .seconds(deadlineSeconds))
                once.resume(CutShort(reason: "dry-run deadline of \(formatDuration(seconds: deadlineSeconds)) reached"))
            }
            signals.install { signo in
                let verb = signo == SIGINT ? "interrupted" : "terminated"
                once.resume(CutShort(reason: "\(verb) by \(SignalTrap.name(signo))", signal: signo))
            }
        }
    }
}

/// Resumes a continuation exactly once, whoever comes first.
final class ResumeOnce<Value: Sendable>: Sendable {
    private let state: Mutex<CheckedContinuation<Value, Never>?>

    init(_ continuation: CheckedContinuation<Value, Never>) { state = Mutex(continuation) }

    func resume(_ value: Value) {
        let continuation = state.withLock { c -> CheckedContinuation<Value, Never>? in
            defer { c = nil }
            return c
        }
        continuation?.resume(returning: value)
    }
}
