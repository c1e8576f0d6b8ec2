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

    @Option(name: .long, help: "text or json.")
    var format: String = "text"

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        guard let format = HistoryTable.Format(rawValue: format) else {
            throw CommandFailure.input("coldread history: --format expected text or json, found '\(format)' (hint: --format json gives the same rows for scripts)")
        }
        let directory = try configOptions.loadDirectory()
        let result = try HistoryJob(runbook: runbook).run(directory: directory)
        StandardOutput.write(HistoryTable.render(result, format: format))
    }
}
