import DrillKit
import Foundation
import ProbeKit
import ReportKit
import RunbookKit

/// What `coldread dry-run` was asked: plain values the command line has checked
/// (`DryRunRequest.plan` builds them).
public struct DryRunOptions: Sendable {
    public var files: [String]
    public var deadlineSeconds: Int
    public var probe = ProbeOptions()
    public var shard: DryRunShard?
}

/// The headless dry-run: load and lint every runbook, probe them all as their rotations
/// in one probe session (so shared links are probed once), and journal the whole run
/// through DrillKit's recorder, each runbook as soon as its probes are in. The deadline,
/// a stop signal or the end of probing, whichever is first, ends probing; everything
/// unfinished is then journalled as `timeout`, never as ok. The result is the fold of the
/// journal, so `coldread report` rebuilds exactly what the run printed.
public struct DryRunJob: Sendable {
    public var directory: Directory
    /// Who holds what: the file, or live providers over it.
    public var access: any AccessOracle
    /// The folder of coldread.yaml: `Drills/runs` is beside it.
    public var root: String
    public var credentials: Credentials
    public var options: DryRunOptions
    /// Stop signals as they arrive; the first ends probing.
    public var signals: AsyncStream<StopSignal>
    /// Told one line per runbook probed (a terminal's progress), or nil.
    public var progress: (@Sendable (String) -> Void)?
    public var clock: any DrillClock = SystemClock()

    public init(directory: Directory, access: any AccessOracle, root: String, credentials: Credentials = Credentials(),
                options: DryRunOptions, signals: AsyncStream<StopSignal>, progress: (@Sendable (String) -> Void)? = nil) {
        self.directory = directory
        self.access = access
        self.root = root
        self.credentials = credentials
        self.options = options
        self.signals = signals
        self.progress = progress
    }

    public func run() async throws(CommandFailure) -> DryRunResult {
        let runId = RunId.make(at: clock.wallNow(), runbookId: "dry-run")
        let store = RunStore(root: (root == "." ? "" : root + "/") + "Drills/runs")
        let record = try DryRunRecord(journal: store.journalPath(of: runId), clock: clock)
        let checked = CheckedRunbooks(files: options.files, directory: directory, access: access)
        try await start(runId, checked, record)
        let cutShort = try await probe(checked.loaded, record)
        try await finish(cutShort, record)
        return try await DryRunResult.finish(record.recorder.events, store: store, signal: cutShort?.signal)
    }

    /// `started` names every runbook, the configuration and the shard; then the runbooks
    /// that failed before probing counted, and every runbook's lint findings.
    private func start(_ runId: String, _ checked: CheckedRunbooks, _ record: DryRunRecord) async throws(CommandFailure) {
        var started = DryRunRecord.event(.started)
        started.runId = runId
        started.kind = .dryRun
        started.reader = "rotation"
        started.runbooks = checked.loaded.map { RunbookRef($0.runbook) }
            + checked.failed.map { RunbookRef.unloaded(id: $0.id, path: $0.path) }
        started.configSha256 = sha256Hex(Array(FileManager.default.contents(atPath: directory.path) ?? Data()))
        started.shard = options.shard?.description
        try await record.append([started])
        for failure in checked.failed { try await record.notLoaded(failure) }
        for (runbook, findings) in checked.loaded { try await record.linted(runbook, findings: findings) }
    }

    /// Probes until the first ending, then journals the runbooks whose probing did not
    /// finish, their missing answers as `timeout` with the reason.
    private func probe(_ loaded: [CheckedRunbooks.Loaded], _ record: DryRunRecord) async throws(CommandFailure) -> CutShort? {
        let session = ProbeSession(access: access, directory: directory, sandbox: nil, credentials: credentials, options: options.probe)
        let received = ReceivedResults(count: loaded.count)
        let progress = self.progress
        let cutShort = await RunEnding.firstOf({
            await Self.probeEach(loaded.map(\.runbook), in: session, received: received) { index in
                guard let (results, done) = received.take(index) else { return }
                let (runbook, findings) = loaded[index]
                do throws(CommandFailure) {
                    try await record.probed(runbook, findings: findings, results: results)
                } catch {
                    received.fail(error)
                }
                progress?("coldread dry-run: [\(done)/\(loaded.count)] \(runbook.id) probed")
            }
        }, deadlineSeconds: options.deadlineSeconds, signals: signals)
        if cutShort != nil { ProbeProcessGroups.killAll() }
        await session.shutdown()
        try received.throwFailure()
        for index in loaded.indices {
            guard let (results, _) = received.take(index) else { continue }
            let (runbook, findings) = loaded[index]
            let unfinished = ProbePlan.unfinished(runbook, received: results, reason: cutShort?.reason ?? "")
            try await record.probed(runbook, findings: findings, results: results + unfinished)
        }
        return cutShort
    }

    /// The one call into the probe API: every runbook probed as its rotation, each result
    /// handed to `received` as it arrives, and `probed(index)` called once a runbook's
    /// results are all in. Cancelled, it returns at once, leaving the rest unprobed.
    static func probeEach(_ runbooks: [Runbook], in session: ProbeSession, received: ReceivedResults,
                          probed: @escaping @Sendable (Int) async -> Void) async {
        for await event in session.run(runbooks, as: .rotation(nil)) {
            switch event {
            case .result(let index, let result): received.add(result, at: index)
            case .finished(let index): if !Task.isCancelled { await probed(index) }
            }
        }
    }

    /// `finished`: clean and blocked as the steps say, the run's time, why it stopped early.
    private func finish(_ cutShort: CutShort?, _ record: DryRunRecord) async throws(CommandFailure) {
        let events = await record.recorder.events
        var finished = DryRunRecord.event(.finished)
        finished.clean = DryRunSummary(events: events)?.isClean ?? false
        finished.blocked = events.filter { $0.type == .stepBlocked }.count
        finished.elapsedMs = await record.recorder.elapsedMs()
        finished.note = cutShort?.reason
        try await record.append([finished])
    }
}
