import ArgumentParser
import Foundation
import Jobs
import ProbeKit
import TerminalUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `coldread probe`: checks, as the reader, every link, scope, tool and command check of
/// each step. Exit 1 when anything would block the reader, 2 on bad input or config.
struct Probe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Probe every step's links, scopes, tools and command checks, as the reader.",
        discussion: """
            Without --reader, scopes are checked for every member of the runbook's rotation. \
            With --scenario, the scenario's runbook is probed when none is named, and its \
            sandbox is served on loopback for this run. Credentials come from \
            $COLDREAD_CREDENTIALS or ~/.config/coldread/credentials.yaml.
            """
    )

    @OptionGroup var targets: ScenarioTargets

    @Option(help: "Probe scopes as this one reader instead of the whole rotation.")
    var reader: String?

    @Option(help: "Output format: text or json.")
    var format: ProbeFormat = .text

    @OptionGroup var probing: ProbingFlags

    func run() async throws {
        let directory = try probing.config.loadDirectory()
        // Stopped from outside, `probe` has nothing to save: it kills its command probes'
        // process groups and leaves with 128 + the signal.
        let stop = SignalTrap(SignalTrap.headlessStopSignals)
        stop.install { signo in
            ProbeProcessGroups.killAll()
            Foundation.exit(128 + signo)
        }
        defer { stop.cancel() }
        let job = ProbeRun(runbooks: targets.runbooks, scenario: targets.scenario, reader: reader, options: probing.limits.options(),
                           offline: probing.access.offline, progress: isatty(STDERR_FILENO) == 1 ? ProbeProgress.terminal : nil)
        let outcome = try await job.run(directory: directory)
        // The handler kills the probes' groups before it exits, so a killed probe can end
        // the run first: a run cut short by a signal still leaves with 128 + the signal.
        if let signo = stop.signal { Foundation.exit(128 + signo) }
        StandardOutput.write(format.render(outcome.report))
        // Nothing is left to save: the connections close with the process.
        ProcessExit.now(outcome.exitCode, keeping: outcome)
    }
}

extension ProbeFormat: ExpressibleByArgument {}
