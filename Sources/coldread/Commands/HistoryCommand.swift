import ArgumentParser
import DrillKit
import Foundation
import Jobs
import ReportKit
import RunbookKit

/// `coldread history [RUNBOOK]`: every run, newest first; for one runbook, its trend
/// across drills too (HistoryJob).
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
        let result = try Self.job(runbook: runbook, directory: directory).run()
        StandardOutput.write(HistoryTable.render(result, format: format))
    }

    /// The history job over this project's journals: every run, or (with a runbook) the
    /// runs and incidents of that runbook, matched to it by path first. Shared with
    /// `report --history`.
    static func job(runbook: String?, directory: Directory) throws -> HistoryJob {
        let runs = RunFolders(directory: directory)
        let catalog = RunbookCatalog(directory: directory)
        // Older journals name a runbook by its file stem: matched to the runbook, by path first.
        let entries = runbook.map { _ in catalog.entries() }
        let filter = try runbook.map { try catalog.id(of: $0, requireKnown: false, among: entries) }
        let known = entries.map(catalog.known)
        let journals = runs.allRuns().map(\.events).filter { events in
            guard let filter, let known else { return true }
            let report = RunReport(events: events)
            let refs = report.runbook.map { [$0] } ?? report.runbooks
            return refs.contains { known.canonical($0.id, path: $0.path) == filter }
        }
        var incidents: [Incident] = []
        if let filter {
            do {
                incidents = try IncidentsLoader.load(RunFolders.path("Drills/incidents.yaml", under: runs.root))
                    .filter { known?.canonical($0.runbook) == filter }
            } catch {
                throw CommandFailure.input(error)
            }
        }
        return HistoryJob(journals: journals, runbookId: filter, policy: directory.cadence, incidents: incidents)
    }
}
