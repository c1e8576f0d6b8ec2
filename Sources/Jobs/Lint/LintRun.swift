import Foundation
import Synchronization
import ProbeKit
import ReportKit
import RunbookKit

/// `coldread lint`: the pre-merge permission contract, as one job. The executable turns
/// its flags into this and prints `Outcome.findings` in the chosen `FindingFormat`.
public struct LintRun: Sendable {
    public var paths: [String]
    public var strict: Bool
    /// Ask only the access directory in coldread.yaml, not the live providers.
    public var offline: Bool
    /// Where live providers find their tokens (`token_env`).
    public var environment: [String: String]
    /// Told what the folder walk passed over (YAML files without `steps:`).
    public var warn: WarningSink

    public init(paths: [String], strict: Bool, offline: Bool, environment: [String: String] = ProcessInfo.processInfo.environment,
                warn: @escaping WarningSink = StandardError.write) {
        (self.paths, self.strict, self.offline, self.environment, self.warn) = (paths, strict, offline, environment, warn)
    }

    /// Lints the runbooks against `directory`; live rotation members that match nobody in
    /// the directory are findings too. Exit 1 when any finding is an error.
    public func run(directory: Directory) async throws(CommandFailure) -> Outcome {
        _ = try Outbound.loadCredentials()
        let root = ProjectDirectory.root(of: directory)
        let live = await AccessSetup.liveOracle(directory: directory, offline: offline, runbookPaths: LintRun.targets(paths: paths, root: root), environment: environment)
        var run = try Self.check(paths: paths, directory: directory, root: root, access: live, strict: strict, warn: warn)
        if let live {
            run.findings += AccessSetup.unmatchedMemberFindings(live, directory: directory, usedRotations: run.usedRotations)
        }
        return run
    }

    public struct Outcome: Sendable {
        public var findings: [Finding]
        public var files: Int
        /// The rotations the loaded runbooks and their steps name.
        public var usedRotations: Set<String>

        /// DESIGN.md: 1 when any finding is an error, else 0.
        public var exitCode: Int32 { findings.contains { $0.severity == .error } ? 1 : 0 }
    }

    /// The paths given, or `Runbooks/` beside coldread.yaml.
    public static func targets(paths: [String], root: String) -> [String] {
        paths.isEmpty ? [root == "." ? "Runbooks" : root + "/Runbooks"] : paths
    }

    /// Loads and lints a set of runbooks; a runbook that fails to load becomes
    /// `load-error` findings and the others are still checked.
    public static func check(paths: [String], directory: Directory, root: String, access: (any AccessOracle)? = nil, strict: Bool,
                             warn: WarningSink = StandardError.write) throws(CommandFailure) -> Outcome {
        let files = try RunbookPaths.some(targets(paths: paths, root: root), command: "coldread lint", warn: warn)
        let linter = Linter(directory: directory, access: access, strict: strict)
        let options = LoaderOptions(directory: directory, recordsSHA256: false)  // no finding names the text's hash
        // Files load and lint independently, so they are spread over every core; results
        // keep the files' order. Only the findings and rotations leave the workers, so each
        // runbook is also freed there rather than one by one at the end.
        let checked = Mutex([(rotations: [String], findings: [Finding], claim: DuplicateIds.Claim?)?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let result: (rotations: [String], findings: [Finding], claim: DuplicateIds.Claim?)
            switch Result(catching: { () throws(LoadErrors) -> Runbook in try RunbookLoader.load(files[i], options: options) }) {
            case .success(let runbook):
                result = ([runbook.rotation].compactMap { $0 } + runbook.steps.compactMap(\.rotation), linter.lint(runbook), DuplicateIds.Claim(runbook))
            case .failure(let error):
                result = ([], error.errors.map {
                    Finding(rule: .loadError, location: $0.location, message: $0.message + ($0.hint.map { " (hint: \($0))" } ?? ""))
                }, nil)
            }
            checked.withLock { $0[i] = result }
        }
        var findings: [Finding] = []
        var rotations = Set<String>()
        var claims: [DuplicateIds.Claim] = []
        for case let (used, found, claim)? in checked.withLock({ $0 }) {
            findings += found
            rotations.formUnion(used)
            if let claim { claims.append(claim) }
        }
        findings = linter.lintDirectory(usedRotations: rotations) + findings + DuplicateIds.findings(claims)
        return Outcome(findings: findings, files: files.count, usedRotations: rotations)
    }
}
