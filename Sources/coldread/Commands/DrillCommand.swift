import ArgumentParser
import Foundation
import Jobs
import TerminalUI

/// `coldread drill RUNBOOK --scenario FILE [--reader NAME] [--resume RUN_ID]`: the reader
/// walks a runbook cold in the terminal while probes run as them in the background.
struct Drill: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Walk a runbook cold against a scenario, in the terminal.",
        discussion: """
        Keys: d done, b blocked (reason 1-7, then an optional note), s skip, n note, r re-probe, \
        u undo, arrows move, ? help, q pause and quit. Every key is journalled under \
        Drills/runs/<run-id>/journal.jsonl before the screen acknowledges it.
        """
    )

    @Argument(help: "The runbook to walk (Markdown or YAML).")
    var runbook: String

    @Option(help: "The scenario (Drills/*.yaml): briefing, simulated clock, signals, injects, sandbox.")
    var scenario: String?

    @Option(help: "Who reads the runbook (default: $USER, else the login name of the process's user).")
    var reader: String?

    @Option(help: "Continue an interrupted drill from its journal (a run id, a unique prefix, or `latest`).")
    var resume: String?

    @OptionGroup var access: OfflineFlag

    @OptionGroup var config: ConfigOptions

    func run() async throws {
        // The files are checked first, so a broken runbook or scenario is named even where
        // there is no terminal (CI, a pre-drill check); the terminal before the network, so
        // a drill that cannot start asks no live source.
        // Credentials come first, so every later message is redacted with them.
        let credentials = try Outbound.loadCredentials()
        let options = DrillOptions(
            runbookPath: runbook, scenarioPath: scenario, reader: reader, resume: resume, config: config.config, offline: access.offline)
        let files = try DrillFiles.load(options)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure.input("coldread drill: needs an interactive terminal, but stdin or stdout is not one (hint: probe without a person with `coldread dry-run \(runbook)`)")
        }
        let setup = try await DrillSetup.prepare(files, options)
        let start = CursesStart()
        let outcome = try await DrillTerminal.run(setup, credentials: credentials, trap: start.trap) {
            try start.screen(command: "drill", alternative: "coldread dry-run")
        }
        setup.warnings.forEach(StandardError.write)
        if case .finished = outcome.exit {
            try await RunPublishing.publish(runId: outcome.state.context.runId, directory: setup.directory).forEach(StandardError.write)
        }
        if let line = outcome.closingLine(runbook: runbook, scenario: scenario) { StandardOutput.write(line + "\n") }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
