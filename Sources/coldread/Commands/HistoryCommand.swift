import ArgumentParser
import Jobs

/// `coldread history [RUNBOOK]`: every run, newest first; for one runbook, its trend
/// across drills too (HistoryJob).
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List drills and dry-runs, newest first."
    )

    @Argument(help: "Only runs of this runbook (an id or a path).")
    var runbook: String?

    @OptionGroup var listingFormat: ListingFormatOption

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let format = try listingFormat.read(HistoryTable.Format.self, command: "history", hint: "--format json gives the same rows for scripts")
        let directory = try configOptions.loadDirectory()
        let result = try HistoryJob(runbook: runbook).run(directory: directory)
        StandardOutput.write(HistoryTable.render(result, format: format))
    }
}
