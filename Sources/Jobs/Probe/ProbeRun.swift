import Foundation
import ProbeKit
import RunbookKit

/// `coldread probe`: checks, as the reader, every link, scope, tool and command check of
/// each step. Exit 1 when anything would block the reader, 2 on bad input or config.
public struct ProbeRun: Sendable {
    /// Runbook files or folders; with a scenario and none named, the scenario's runbook.
    public var runbooks: [String]
    /// A scenario file whose sandbox is served on loopback for this run.
    public var scenario: String?
    /// Probe scopes as this one reader instead of the whole rotation.
    public var reader: String?
    public var options: ProbeOptions
    /// Ask only the access directory in coldread.yaml, not the live providers.
    public var offline: Bool
    /// Draws the progress counter (`ProbeProgress.terminal` when stderr is a terminal), or nil.
    public var progress: (@Sendable (String) -> Void)?
    /// Where live providers find their tokens (`token_env`).
    public var environment: [String: String]
    /// Told what the folder walk passed over (YAML files without `steps:`).
    public var warn: WarningSink

    public init(runbooks: [String], scenario: String? = nil, reader: String? = nil, options: ProbeOptions = ProbeOptions(),
                offline: Bool = false, progress: (@Sendable (String) -> Void)? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment, warn: @escaping WarningSink = StandardError.write) {
        (self.runbooks, self.scenario, self.reader, self.options) = (runbooks, scenario, reader, options)
        (self.offline, self.progress, self.environment, self.warn) = (offline, progress, environment, warn)
    }

    /// Each runbook with its results, in reading order.
    public struct Outcome: Sendable {
        public var report: [(Runbook, [ProbeResult])]
        /// The session, still open: a caller that goes on living closes it (`close()`); one
        /// that exits once the report is written leaves its connections to the exit.
        let session: ProbeSession

        /// Closes the session's connections (and its sandbox server).
        public func close() async { await session.shutdown() }

        /// DESIGN.md: 1 when any probe blocks the reader, else 0.
        public var exitCode: Int32 { report.contains(where: { $0.1.contains { $0.outcome.blocks } }) ? 1 : 0 }
    }

    public func run(directory: Directory) async throws(CommandFailure) -> Outcome {
        var directory = directory
        // First, so that every later message (a runbook's load error too) is redacted with them.
        let credentials = try Outbound.loadCredentials()
        let target = try ScenarioTarget(scenario: scenario, paths: runbooks, directory: directory)
        directory = target.directory
        let (sandbox, paths) = (target.sandbox, target.paths)
        let loaded = try ProbedRunbooks.load(paths, directory: directory, command: "coldread probe", warn: warn)

        let access: any AccessOracle = await AccessSetup.liveOracle(
            directory: directory, offline: offline, scopes: loaded.reduce(into: []) { $0.formUnion(AccessSetup.scopes(of: $1)) },
            environment: environment) ?? directory
        if let reader { try AccessSetup.requireKnown(reader, as: "reader", by: "coldread probe", access: access, directory: directory) }
        let session = ProbeSession(access: access, directory: directory, sandbox: sandbox,
                                   credentials: credentials, options: options)
        do {
            try await session.start()
        } catch {
            await session.shutdown()
            throw CommandFailure.internal("coldread: cannot start the sandbox server on loopback: \(error)")
        }
        let audience: ProbeAudience = reader.map { .reader($0) } ?? .rotation(nil)
        let progress = ProbeProgress(draw: self.progress, total: self.progress == nil ? 0 : loaded.reduce(0) { $0 + ProbePlan.count(of: $1) })
        progress.update(answered: 0)
        // All runbooks in one run: the session's bounds, not the runbook boundaries, pace it.
        var counter: (@Sendable (Int) -> Void)?
        if progress.draw != nil { counter = { answered in progress.update(answered: answered) } }
        let results = await session.results(loaded, as: audience, answered: counter)
        progress.end()
        return Outcome(report: Array(zip(loaded, results)), session: session)
    }
}
