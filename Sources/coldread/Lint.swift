import ArgumentParser
import Foundation
import Jobs
import Synchronization
import ProbeKit
import ReportKit
import RunbookKit

/// `coldread lint`: the pre-merge permission contract.
struct Lint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check runbooks' declared scopes, links and rollbacks against the on-call rotation.",
        discussion: "Rules: " + LintRule.allCases.map(\.rawValue).joined(separator: ", ")
            + ". Exit 0 when clean, 1 with error findings, 2 on usage or config errors.")

    @OptionGroup var configOptions: ConfigOptions

    @Argument(help: "Runbook files or folders (default: Runbooks/ beside coldread.yaml).")
    var paths: [String] = []

    @Option(help: "Output format: text, json, sarif or github.")
    var format: String = "text"

    @Flag(help: "Treat warnings (undeclared scopes, non-federated links) as errors.")
    var strict = false

    @Flag(help: "Use only the access directory in coldread.yaml, not the live providers configured under providers:.")
    var offline = false

    func run() async throws {
        guard let format = FindingFormat(rawValue: format) else {
            throw CommandFailure.input("coldread lint: unknown --format '\(format)' (hint: use one of \(FindingFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let directory = try configOptions.loadDirectory()
        _ = try Outbound.loadCredentials()
        let root = configOptions.projectRoot(of: directory)
        let live = await AccessSetup.liveOracle(directory: directory, offline: offline, runbookPaths: LintRun.targets(paths: paths, root: root))
        var run = try LintRun.run(paths: paths, directory: directory, root: root, access: live, strict: strict)
        if let live {
            run.findings += AccessSetup.unmatchedMemberFindings(live, directory: directory, usedRotations: run.usedRotations)
        }
        StandardOutput.write(format.render(run.findings, filesChecked: run.files, toolVersion: ColdRead.configuration.version) + "\n")
        if run.findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}

/// Loads and lints a set of runbooks; a runbook that fails to load becomes
/// `load-error` findings and the others are still checked.
enum LintRun {
    struct Outcome {
        var findings: [Finding]
        var files: Int
        /// The rotations the loaded runbooks and their steps name.
        var usedRotations: Set<String>
    }

    /// The paths given, or `Runbooks/` beside coldread.yaml.
    static func targets(paths: [String], root: String) -> [String] {
        paths.isEmpty ? [root == "." ? "Runbooks" : root + "/Runbooks"] : paths
    }

    static func run(paths: [String], directory: Directory, root: String, access: (any AccessOracle)? = nil, strict: Bool) throws(CommandFailure) -> Outcome {
        let files = try RunbookPaths.files(targets(paths: paths, root: root))
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
