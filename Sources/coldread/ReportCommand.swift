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

    @Option(name: .long, help: "Instead of one run: this runbook's trend across drills (with --format html).")
    var history: String?

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        guard let format = ReportFormat(rawValue: format) else {
            throw CommandFailure.input("coldread report: --format expected one of md, json, html, junit, found '\(format)' (hint: --format html writes one self-contained file)")
        }
        let directory = try configOptions.loadDirectory()
        _ = try Outbound.loadCredentials()
        if let history {
            guard format == .html else {
                throw CommandFailure.input("coldread report: --history renders html only, found --format \(format.rawValue) (hint: `coldread history RUNBOOK --format json` for scripts)")
            }
            let trend = try HistoryCommand.job(runbook: history, directory: directory, options: configOptions).run().trend
            return try deliver(trend.map(HistoryHTML.render) ?? "")
        }
        let runs = RunFolders(directory: directory, options: configOptions)
        let loaded = try runs.load(runID)
        try deliver(format.render(loaded.report))
        if !loaded.report.clean { throw ExitCode(1) }
    }

    /// Writes the text to `--output` (atomically, redacted) or stdout.
    private func deliver(_ text: String) throws(CommandFailure) {
        if let output {
            do {
                try Outbound.write(text, toFile: output)
            } catch {
                throw CommandFailure.input("\(output):1:1: error: expected a writable file, found \(error.localizedDescription) (hint: check the folder exists)")
            }
        } else {
            StandardOutput.write(text)
        }
    }
}
