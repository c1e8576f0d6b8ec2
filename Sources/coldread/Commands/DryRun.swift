import ArgumentParser
import Foundation
import Jobs
import TerminalUI

/// `coldread dry-run`: the headless probe of every runbook, for cron and CI. It loads,
/// lints and probes each runbook as its rotation, records one journal of kind `dry-run`,
/// and never starts curses. It never counts as a drill.
struct DryRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dry-run",
        abstract: "Load, lint and probe every runbook headless (cron, CI); exit 1 when anything is blocked.",
        discussion: "Exit codes: 0 clean, 1 a blocked step, a lint error or a runbook that does not load, 2 config or input error.")

    @OptionGroup var project: ProjectRunbooks

    @Option(help: "Output on stdout: text or json.")
    var format: String = "text"

    @Option(help: "Also write JUnit XML here: one testsuite per runbook, one testcase per step.")
    var junit: String?

    @Option(help: "Also write the run's metrics here for node_exporter's textfile collector (replaced atomically).")
    var prometheus: String?

    @Option(help: "End the whole run after this long (e.g. 10m, 90s); unfinished probes are reported as timeout.")
    var deadline: String = "10m"

    @Option(name: .customLong("changed-since"), help: "Check only runbooks changed since this git revision (all of them when coldread.yaml changed).")
    var changedSince: String?

    @Option(help: "Take a stable share of the runbooks, K of N (e.g. 2/3), for a CI matrix or a Kubernetes Indexed Job; `coldread merge` combines the shards' runs.")
    var shard: String?

    @OptionGroup var access: OfflineFlag

    @OptionGroup var probeFlags: ProbeFlags

    func run() async throws {
        guard let format = DryRunFormat(rawValue: format) else {
            throw CommandFailure.input("coldread dry-run: unknown --format '\(format)' (hint: use text or json)")
        }
        // Before any probe: a wrong report path in CI should not cost a whole run.
        try OutputFile.check(junit)
        try OutputFile.check(prometheus)
        let request = try DryRunRequest(paths: project.paths, deadline: deadline, shard: shard, changedSince: changedSince,
                                        offline: access.offline, probe: probeFlags.options())
        let directory = try project.configOptions.loadDirectory()
        let credentials = try Outbound.loadCredentials()
        let (options, access) = try await request.plan(directory: directory)
        let trap = SignalTrap(SignalTrap.headlessStopSignals)
        defer { trap.cancel() }
        let job = DryRunJob(directory: directory, access: access, root: ProjectDirectory.root(of: directory), credentials: credentials,
                            options: options, signals: StopSignal.stream(from: trap), progress: isatty(STDERR_FILENO) == 1 ? StandardError.write : nil)
        let outcome = try await job.run()
        StandardOutput.write(format.render(outcome) + "\n")
        if let junit { try outcome.writeJUnit(to: junit) }
        try await RunPublishing.publish(runId: outcome.summary.runId, directory: directory, prometheus: prometheus).forEach(StandardError.write)
        // SIGINT (a CI cancel) exits 130 once the journal and reports are written; SIGTERM
        // keeps the verdict's code, as schedulers expect.
        if outcome.signal?.number == SIGINT { throw ExitCode(128 + SIGINT) }
        if !outcome.isClean { throw ExitCode(1) }
    }
}
