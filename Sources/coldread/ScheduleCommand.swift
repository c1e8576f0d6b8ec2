import ArgumentParser
import DrillKit
import Foundation
import Jobs
import ReportKit
import RunbookKit

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

    @Option(name: .long, help: "text or json.")
    var format: String = "text"

    @Option(name: .long, help: "Also write the schedule as an iCalendar file (RFC 5545).")
    var ics: String?

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        guard let format = ScheduleTable.Format(rawValue: format) else {
            throw CommandFailure.input("coldread schedule: --format expected text or json, found '\(format)' (hint: --format json for scripts)")
        }
        let directory = try configOptions.loadDirectory()
        let slot = DrillSlot(policy: directory.cadence)
        let now = try asOf.map { text throws(CommandFailure) in
            guard let date = ScheduleDates.parse(text, slot: slot) else {
                throw .input("coldread schedule: --as-of expected a date such as 2026-03-14 or 2026-03-14T09:00:00Z, found '\(text)'")
            }
            return date
        } ?? Date()
        let catalog = RunbookCatalog(directory: directory, options: configOptions)
        let runs = RunFolders(directory: directory, options: configOptions)
        let recordedIncidents: [Incident]
        do {
            recordedIncidents = try IncidentsLoader.load(RunFolders.path("Drills/incidents.yaml", under: runs.root))
        } catch {
            throw CommandFailure.input(error)
        }
        let journals = runs.allRuns().map(\.events)
        let entries = catalog.entries()
        // Journals and incidents name runbooks by the id they had then (older ones by the
        // file stem): each is matched to its runbook here, by path first.
        let known = catalog.known(entries)
        let drills = journals.compactMap { DrillRecord(events: $0) }.map { record in
            var matched = record
            matched.runbookId = known.canonical(record.runbookId, path: record.runbookPath)
            return matched
        }
        let incidents = recordedIncidents.map { incident in
            var matched = incident
            matched.runbook = known.canonical(incident.runbook)
            return matched
        }
        let dryRuns = Dictionary(DryRunHealth.latest(from: journals).map { (known.canonical($0.key), $0.value) }) { a, b in a.date >= b.date ? a : b }
        let statuses = Cadence.schedule(runbookIds: entries.map(\.id), drills: drills, incidents: incidents, policy: directory.cadence, asOf: now)
        let rows = ScheduleTable.ordered(statuses.compactMap { status in
            entries.first { $0.id == status.runbookId }.map {
                ScheduleTable.Row(status: status, title: $0.title, path: $0.path, dryRun: dryRuns[status.runbookId])
            }
        })
        StandardOutput.write(ScheduleTable.render(rows, format: format, slot: slot, asOf: now))
        if let ics {
            let text = DrillCalendar.render(rows.map { $0.calendarEntry(slot: slot, asOf: now) }, stamp: now)
            do {
                try Outbound.write(text, toFile: ics)
            } catch {
                throw CommandFailure.input("\(ics):1:1: error: expected a writable file, found \(error.localizedDescription) (hint: check the folder exists)")
            }
        }
    }
}

/// Dates on the schedule's command line and in its output.
enum ScheduleDates {
    /// `YYYY-MM-DD` (the start of that day in the slot's time zone) or an RFC 3339 time.
    static func parse(_ text: String, slot: DrillSlot) -> Date? {
        if text.count == 10 { return slot.startOfDay(text) }
        return RFC3339.date(text)
    }

    /// RFC 3339 in the slot's time zone, e.g. `2026-03-10T14:00:00+01:00`.
    static func local(_ date: Date, slot: DrillSlot) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = slot.calendar.timeZone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// `2026-03-10 14:00`, in the slot's time zone, for the text table.
    static func short(_ date: Date, slot: DrillSlot) -> String {
        let p = slot.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0)
    }
}
