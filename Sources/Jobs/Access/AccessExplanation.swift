import Foundation
import ProbeKit
import RunbookKit

/// `coldread access`: who is on each rotation and group, whether each member holds each
/// scope, and where every answer came from (which provider, fetched when). The
/// facilitator's "why does lint say Ben lacks traces:read".
public struct AccessExplanation: Sendable {
    /// A member or a rotation; nil lists every rotation and group.
    public var subject: String?
    /// Ask only the access directory in coldread.yaml, not the live providers.
    public var offline: Bool
    /// Where live providers find their tokens (`token_env`).
    public var environment: [String: String]

    public init(subject: String?, offline: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) {
        (self.subject, self.offline, self.environment) = (subject, offline, environment)
    }

    /// The report for the subject, over every scope the project's runbooks declare and
    /// every scope the directory grants by name.
    public func run(directory: Directory) async throws(CommandFailure) -> AccessReport {
        let runbooks = LintRun.targets(paths: [], root: ProjectDirectory.root(of: directory))
        let access = await AccessSetup.liveOracle(directory: directory, offline: offline, runbookPaths: runbooks, environment: environment)
            ?? LiveAccess.offline(directory: directory)
        let scopes = AccessSetup.scopes(in: runbooks, directory: directory)
            .union(directory.grants.keys.filter { !$0.hasSuffix("*") })
        return try AccessReport(access: access, subject: subject, scopes: scopes.sorted(), live: access.isLive)
    }
}
