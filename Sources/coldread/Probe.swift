import ArgumentParser
import Foundation
import Jobs
import ProbeKit
import RunbookKit
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
            Without --reader, scopes are checked for every member of the runbook's rotation.
            With --scenario, the scenario's runbook is probed when none is named, and its
            sandbox is served on loopback for this run. Credentials come from
            $COLDREAD_CREDENTIALS or ~/.config/coldread/credentials.yaml.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Runbook files or folders (default with --scenario: the scenario's runbook).")
    var runbooks: [String] = []

    @Option(help: "A scenario file; its sandbox is served on loopback for this run.")
    var scenario: String?

    @Option(help: "Probe scopes as this one reader instead of the whole rotation.")
    var reader: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var probeFlags: ProbeFlags

    @Flag(help: "Use the access directory file only, not the live providers configured in coldread.yaml.")
    var offline = false

    @OptionGroup var config: ConfigOptions

    func validate() throws {
        if runbooks.isEmpty && scenario == nil {
            throw ValidationError("name a runbook to probe, or a --scenario whose runbook to probe")
        }
    }

    func run() async throws {
        var directory = try config.loadDirectory()
        // First, so that every later message (a runbook's load error too) is redacted with them.
        let credentials = try Outbound.loadCredentials()
        var sandbox: Sandbox?
        var paths = runbooks
        if let scenario {
            do {
                let loaded = try ScenarioLoader.load(scenario, directory: directory)
                directory = loaded.directory ?? directory
                sandbox = loaded.scenario.sandbox
                if paths.isEmpty { paths = [loaded.scenario.runbookPath] }
            } catch {
                throw CommandFailure.input(error)
            }
        }
        let loaded = try loadRunbooks(paths, directory: directory)
        let options = probeFlags.options()

        let access: any AccessOracle = await AccessSetup.liveOracle(directory: directory, offline: offline, runbookPaths: paths) ?? directory
        let session = ProbeSession(access: access, directory: directory, sandbox: sandbox,
                                   credentials: credentials, options: options)
        do {
            try await session.start()
        } catch {
            await session.shutdown()
            throw CommandFailure.internal("coldread: cannot start the sandbox server on loopback: \(error)")
        }
        // Stopped from outside, `probe` has nothing to save: it kills its command probes'
        // process groups and leaves with 128 + the signal.
        let stop = SignalTrap(SignalTrap.headlessStopSignals)
        stop.install { signo in
            ProbeProcessGroups.killAll()
            Foundation.exit(128 + signo)
        }
        defer { stop.cancel() }
        let audience: ProbeAudience = reader.map { .reader($0) } ?? .rotation(nil)
        let onTerminal = isatty(STDERR_FILENO) == 1
        let progress = ProbeProgress(enabled: onTerminal, total: onTerminal ? loaded.reduce(0) { $0 + ProbePlan.count(of: $1) } : 0)
        progress.update(answered: 0)
        // All runbooks in one run: the session's bounds, not the runbook boundaries, pace it.
        var results = [[ProbeResult]](repeating: [], count: loaded.count)
        var answered = 0
        for await case .result(let index, let result) in session.run(loaded, as: audience) {
            results[index].append(result)
            answered += 1
            progress.update(answered: answered)
        }
        // The handler kills the probes' groups before it exits, so a killed probe can end
        // the run first: a run cut short by a signal still leaves with 128 + the signal.
        if let signo = stop.signal { Foundation.exit(128 + signo) }
        let report = Array(zip(loaded, results))
        progress.end()
        // The connections close while the report is written: nothing in it needs them.
        let closing = Task { await session.shutdown() }
        switch format {
        case .text: StandardOutput.write(ProbeTable.render(report))
        case .json: StandardOutput.write(ProbeJSON.render(report) + "\n")
        }
        await closing.value
        if report.contains(where: { $0.1.contains { $0.outcome.blocks } }) {
            throw ExitCode(1)
        }
    }

    private func loadRunbooks(_ paths: [String], directory: Directory) throws(CommandFailure) -> [Runbook] {
        let files = try RunbookPaths.files(paths)
        var runbooks: [Runbook] = []
        var errors: [LoadError] = []
        // No probe result names the text's hash, so it is not computed.
        for result in RunbookLoader.loadAll(files, options: LoaderOptions(directory: directory, recordsSHA256: false)) {
            switch result {
            case .success(let runbook): runbooks.append(runbook)
            case .failure(let error): errors += error.errors
            }
        }
        if !errors.isEmpty { throw .input(LoadErrors(errors)) }
        if runbooks.isEmpty { throw .input("coldread: no runbooks found in \(paths.joined(separator: ", ")) (hint: runbooks are .md or .yaml files)") }
        return runbooks
    }
}
