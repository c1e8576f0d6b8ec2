import ArgumentParser
import DrillKit
import Foundation
import Jobs
import ReportKit
import RunbookKit

/// `coldread history [RUNBOOK]`: every run, newest first.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List drills and dry-runs, newest first."
    )

    @Argument(help: "Only runs of this runbook (an id or a path).")
    var runbook: String?

    @Option(name: .long, help: "text or json.")
    var format: String = "text"

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        guard let format = HistoryTable.Format(rawValue: format) else {
            throw CommandFailure.input("coldread history: --format expected text or json, found '\(format)' (hint: --format json gives the same rows for scripts)")
        }
        let directory = try configOptions.loadDirectory()
        let runs = RunFolders(directory: directory, options: configOptions)
        let catalog = RunbookCatalog(directory: directory, options: configOptions)
        // Older journals name a runbook by its file stem: matched to the runbook, by path first.
        let entries = runbook.map { _ in catalog.entries() }
        let filter = try runbook.map { try catalog.id(of: $0, requireKnown: false, among: entries) }
        let known = entries.map(catalog.known)
        let rows = runs.allRuns().reversed().map { RunReport(events: $0.events) }
            .filter { report in
                guard let filter, let known else { return true }
                let refs = report.runbook.map { [$0] } ?? report.runbooks
                return refs.contains { known.canonical($0.id, path: $0.path) == filter }
            }
            .map { HistoryTable.Row(report: $0) }
        StandardOutput.write(HistoryTable.render(rows, format: format))
    }
}
