import ArgumentParser
import Jobs
import ReportKit

/// `coldread lint`: the pre-merge permission contract.
struct Lint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check runbooks' declared scopes, links and rollbacks against the on-call rotation.",
        discussion: "Rules: " + LintRule.allCases.map(\.rawValue).joined(separator: ", ")
            + ". Exit 0 when clean, 1 with error findings, 2 on usage or config errors.")

    @OptionGroup var project: ProjectRunbooks

    @Option(help: "Output format: text, json, sarif or github.")
    var format: String = "text"

    @Flag(help: "Treat warnings (undeclared scopes, non-federated links) as errors.")
    var strict = false

    @OptionGroup var access: OfflineFlag

    func run() async throws {
        guard let format = FindingFormat(rawValue: format) else {
            throw CommandFailure.input("coldread lint: unknown --format '\(format)' (hint: use one of \(FindingFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let directory = try project.configOptions.loadDirectory()
        let outcome = try await LintRun(paths: project.paths, strict: strict, offline: access.offline).run(directory: directory)
        StandardOutput.write(format.render(outcome.findings, filesChecked: outcome.files, toolVersion: ColdRead.configuration.version) + "\n")
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
