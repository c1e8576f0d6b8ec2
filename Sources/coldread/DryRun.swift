import ArgumentParser
import DrillKit
import Foundation
import ProbeKit
import ReportKit
import RunbookKit
import Telemetry

/// `coldread dry-run`: the headless probe of every runbook, for cron and CI. It loads,
/// lints and probes each runbook as its rotation, records one journal of kind `dry-run`,
/// and never starts curses. It never counts as a drill.
struct DryRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dry-run",
        abstract: "Load, lint and probe every runbook headless (cron, CI); exit 1 when anything is blocked.",
        discussion: "Exit codes: 0 clean, 1 a blocked step, a lint error or a runbook that does not load, 2 config or input error.")

    @OptionGroup var configOptions: ConfigOptions

    @Argument(help: "Runbook files or folders (default: Runbooks/ beside coldread.yaml).")
    var paths: [String] = []

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

    @Flag(help: "Use the access directory file only, not the live providers configured in coldread.yaml.")
    var offline = false

    @OptionGroup var probeFlags: ProbeFlags

    func run() async throws {
        guard let format = DryRunFormat(rawValue: format) else {
            throw CommandFailure.input("coldread dry-run: unknown --format '\(format)' (hint: use text or json)")
        }
        let deadlineSeconds: Int
        switch readDuration(deadline) {
        case .seconds(let seconds) where seconds > 0: deadlineSeconds = seconds
        case .seconds:
            throw CommandFailure.usage("coldread dry-run: error: --deadline \(deadline) leaves no time to probe; give a positive duration such as 10m", command: "dry-run")
        case .overLimit:
            throw CommandFailure.usage("coldread dry-run: error: " + DurationReading.overLimitMessage("--deadline", deadline), command: "dry-run")
        default:
            throw CommandFailure.usage("coldread dry-run: error: --deadline '\(deadline)' is not a duration such as 10m, 90s or 1h", command: "dry-run")
        }
        let directory = try configOptions.loadDirectory()
        let credentials = try Outbound.loadCredentials()
        let root = configOptions.projectRoot(of: directory)
        var files = try RunbookPaths.files(paths.isEmpty ? [root == "." ? "Runbooks" : root + "/Runbooks"] : paths)
        if let changedSince {
            files = try await ChangedRunbooks.filter(files, since: changedSince, directoryPath: directory.path)
        }

        let access: any AccessOracle = await AccessSetup.liveOracle(directory: directory, offline: offline, runbookPaths: files) ?? directory
        let runner = DryRunner(directory: directory, access: access, root: root, credentials: credentials, options: probeFlags.options(),
                               deadlineSeconds: deadlineSeconds, progress: isatty(STDERR_FILENO) == 1)
        let outcome = try await runner.run(files)
        StandardOutput.write(format.render(outcome) + "\n")
        if let junit {
            do {
                try Outbound.write(DryRunJUnit.render(outcome.runbooks, timestamp: outcome.startedAt), toFile: junit)
            } catch {
                throw CommandFailure.input("coldread dry-run: cannot write \(junit): \(error.localizedDescription) (hint: check that its folder exists)")
            }
        }
        try await TelemetryHook.publish(runId: outcome.runId, directory: directory, options: configOptions, prometheus: prometheus)
        // SIGINT (a CI cancel) exits 130 once the journal and reports are written; SIGTERM
        // keeps the verdict's code, as schedulers expect.
        if outcome.signal == SIGINT { throw ExitCode(128 + SIGINT) }
        if !outcome.isClean { throw ExitCode(1) }
    }
}
