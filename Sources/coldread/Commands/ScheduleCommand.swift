import ArgumentParser
import Jobs

/// `coldread schedule`: each runbook's drill cadence, overdue first.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Show when each runbook is next due for a cold drill, overdue first.",
        discussion: """
        Quarterly by default; an incident (coldread incident) or an unclean drill puts a runbook on monthly, and \
        two clean drills in a row bring it back. Dry-runs never count. A runbook never drilled is overdue.
        """
    )

    @Option(name: .long, help: "Evaluate the cadence as of DATE (YYYY-MM-DD, or an RFC 3339 time). Default: now.")
    var asOf: String?

    @OptionGroup var listingFormat: ListingFormatOption

    @Option(name: .long, help: "Also write the schedule as an iCalendar file (RFC 5545).")
    var ics: String?

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let format = try listingFormat.read(ScheduleTable.Format.self, command: "schedule", hint: "--format json for scripts")
        let directory = try configOptions.loadDirectory()
        let schedule = try ScheduleListing(asOf: asOf).run(directory: directory)
        StandardOutput.write(schedule.render(format))
        if let ics { try schedule.writeCalendar(to: ics) }
    }
}
