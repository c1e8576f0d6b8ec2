import ArgumentParser
import DrillKit
import Foundation
import Jobs
import ReportKit
import RunbookKit

/// `coldread report RUN_ID|latest`: rebuilds a run's report from its journal.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild a drill or dry-run report from its journal.",
        discussion: "Reads Drills/runs/<run-id>/journal.jsonl beside coldread.yaml. Exit 0 when the run was clean, 1 when a step was blocked."
    )

    @Argument(help: "A run id, a unique prefix of one, or `latest`.")
    var runID: String = "latest"

    @Option(name: .long, help: "md, json, html or junit.")
    var format: String = "md"

    @Option(name: .long, help: "Write the report to FILE instead of stdout.")
    var output: String?

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        guard let format = ReportFormat(rawValue: format) else {
            throw CommandFailure.input("coldread report: --format expected one of md, json, html, junit, found '\(format)' (hint: --format html writes one self-contained file)")
        }
        let directory = try configOptions.loadDirectory()
        _ = try Outbound.loadCredentials()
        let runs = RunFolders(directory: directory, options: configOptions)
        let loaded = try runs.load(runID)
        // A dry-run's journal holds the whole run: rebuilt as the run itself wrote it.
        let dryRun = DryRunResult.report(loaded.events, as: format, store: runs.store)
        let text = dryRun?.text ?? format.render(loaded.report)
        try ReportDestination.write(text, to: output)
        if !(dryRun?.clean ?? loaded.report.clean) { throw ExitCode(1) }
    }
}
