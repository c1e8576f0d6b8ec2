import ArgumentParser
import Jobs

/// `coldread incident RUNBOOK --note TEXT`: records a real incident that showed the
/// runbook to have a gap, which puts it on monthly drills.
struct IncidentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "Record a real incident that revealed a gap in a runbook (it moves to monthly drills).",
        discussion: "Appends to Drills/incidents.yaml beside coldread.yaml, creating it when missing."
    )

    @Argument(help: "The runbook's id or path.")
    var runbook: String

    @Option(name: .long, help: "What the incident showed to be missing.")
    var note: String

    @Option(name: .long, help: "The incident's date, YYYY-MM-DD (default: today in the drill slot's time zone).")
    var date: String?

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let directory = try configOptions.loadDirectory()
        let recorded = try IncidentRecording(runbook: runbook, note: note, date: date).run(directory: directory)
        StandardOutput.write(recorded.summary)
    }
}
