import ArgumentParser
import DrillKit
import Foundation
import ProbeKit
import ReportKit
import RunbookKit

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
        guard let deadlineSeconds = parseDurationSeconds(deadline), deadlineSeconds > 0 else {
            throw CommandFailure.input("coldread dry-run: --deadline '\(deadline)' is not a duration (hint: 10m, 90s, 1h)")
        }
        let directory = try configOptions.loadDirectory()
        let root = configOptions.projectRoot(of: directory)
        var files = try RunbookPaths.files(paths.isEmpty ? [root == "." ? "Runbooks" : root + "/Runbooks"] : paths)
        if let changedSince {
            files = try await ChangedRunbooks.filter(files, since: changedSince, directoryPath: directory.path)
        }
        let credentials: Credentials
        do { credentials = try Credentials.load(path: nil) } catch { throw CommandFailure.input(error) }

        let access: any AccessOracle = await AccessSetup.liveOracle(directory: directory, offline: offline, runbookPaths: files) ?? directory
        let runner = DryRunner(directory: directory, access: access, root: root, credentials: credentials, options: probeFlags.options(),
                               deadlineSeconds: deadlineSeconds, progress: isatty(STDERR_FILENO) == 1)
        let outcome = try await runner.run(files)
        print(format.render(outcome))
        if let junit {
            do {
                try DryRunJUnit.render(outcome.runbooks, timestamp: outcome.startedAt).write(toFile: junit, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure.input("coldread dry-run: cannot write \(junit): \(error.localizedDescription) (hint: check that its folder exists)")
            }
        }
        if !outcome.isClean { throw ExitCode(1) }
    }
}
