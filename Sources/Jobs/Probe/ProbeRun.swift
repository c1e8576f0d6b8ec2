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
    /// Draw the progress counter on stderr (only when stderr is a terminal).
    public var showsProgress: Bool
    /// Where live providers find their tokens (`token_env`).
    public var environment: [String: String]

    public init(runbooks: [String], scenario: String? = nil, reader: String? = nil, options: ProbeOptions = ProbeOptions(),
                offline: Bool = false, showsProgress: Bool = false,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        (self.runbooks, self.scenario, self.reader, self.options) = (runbooks, scenario, reader, options)
        (self.offline, self.showsProgress, self.environment) = (offline, showsProgress, environment)
    }

    /// Each runbook with its results, in reading order.
    public struct Outcome: Sendable {
        public var report: [(Runbook, [ProbeResult])]
        /// The session's connections, closing while the caller writes the report: nothing
        /// in it needs them. Await it before leaving.
        public var closing: Task<Void, Never>

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
        let loaded = try ProbedRunbooks.load(paths, directory: directory, command: "coldread")

        let access: any AccessOracle = await AccessSetup.liveOracle(directory: directory, offline: offline, runbookPaths: paths, environment: environment) ?? directory
        let session = ProbeSession(access: access, directory: directory, sandbox: sandbox,
                                   credentials: credentials, options: options)
        do {
            try await session.start()
        } catch {
            await session.shutdown()
            throw CommandFailure.internal("coldread: cannot start the sandbox server on loopback: \(error)")
        }
        let audience: ProbeAudience = reader.map { .reader($0) } ?? .rotation(nil)
        let progress = ProbeProgress(enabled: showsProgress, total: showsProgress ? loaded.reduce(0) { $0 + ProbePlan.count(of: $1) } : 0)
        progress.update(answered: 0)
        // All runbooks in one run: the session's bounds, not the runbook boundaries, pace it.
        var counter: (@Sendable (Int) -> Void)?
        if progress.enabled { counter = { answered in progress.update(answered: answered) } }
        let results = await session.results(loaded, as: audience, answered: counter)
        progress.end()
        return Outcome(report: Array(zip(loaded, results)), closing: Task { await session.shutdown() })
    }
}
