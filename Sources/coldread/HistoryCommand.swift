import ArgumentParser
import DrillKit
import Foundation
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
        let filter = try runbook.map { try RunbookCatalog(directory: directory, options: configOptions).id(of: $0, requireKnown: false) }
        let rows = runs.allRuns().reversed().map { HistoryTable.Row(report: RunReport(events: $0.events)) }
            .filter { row in filter.map { row.runbookIds.contains($0) } ?? true }
        StandardOutput.write(HistoryTable.render(rows, format: format))
    }
}
