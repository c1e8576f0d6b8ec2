import DrillKit
import Foundation
import ReportKit
import RunbookKit

/// `coldread schedule`: each runbook's drill cadence, overdue first.
public struct ScheduleListing: Sendable {
    /// Evaluate the cadence as of this date (`YYYY-MM-DD` or RFC 3339); nil is now.
    public var asOf: String?
    /// The clock that says what "now" is when `asOf` is nil.
    public var now: @Sendable () -> Date
    /// Told what the listing passed over: a torn journal line, a runbook that does not load.
    public var warn: WarningSink

    public init(asOf: String?, now: @escaping @Sendable () -> Date = Date.init, warn: @escaping WarningSink = StandardError.write) {
        (self.asOf, self.now, self.warn) = (asOf, now, warn)
    }

    /// The schedule's rows in their order, and what the table and calendar need to print them.
    public struct Outcome: Sendable {
        public var rows: [ScheduleTable.Row]
        public var slot: DrillSlot
        public var asOf: Date

        public func render(_ format: ScheduleTable.Format) -> String {
            ScheduleTable.render(rows, format: format, slot: slot, asOf: asOf)
        }

        /// Writes the schedule as an iCalendar file (RFC 5545), redacted.
        public func writeCalendar(to path: String) throws(CommandFailure) {
            let text = DrillCalendar.render(rows.map { $0.calendarEntry(slot: slot, asOf: asOf) }, stamp: asOf)
            try OutputFile.write(text, to: path)
        }
    }

    public func run(directory: Directory) throws(CommandFailure) -> Outcome {
        let slot = DrillSlot(policy: directory.cadence)
        let now = try asOf.map { text throws(CommandFailure) in
            guard let date = ScheduleDates.parse(text, slot: slot) else {
                throw .input("coldread schedule: --as-of expected a date such as 2026-03-14 or 2026-03-14T09:00:00Z, found '\(text)'")
            }
            return date
        } ?? self.now()
        let catalog = RunbookCatalog(directory: directory, warn: warn)
        let runs = RunFolders(directory: directory, warn: warn)
        let recordedIncidents: [Incident]
        do {
            recordedIncidents = try IncidentsLoader.load(RunFolders.path("Drills/incidents.yaml", under: runs.root))
        } catch {
            throw CommandFailure.input(error)
        }
        let journals = runs.drillsAndLatestDryRuns()
        let entries = catalog.entries()
        let rows = Self.rows(entries: entries, known: catalog.known(entries), journals: journals,
                             incidents: recordedIncidents, policy: directory.cadence, asOf: now)
        return Outcome(rows: rows, slot: slot, asOf: now)
    }

    /// Journals and incidents name runbooks by the id they had then (older ones by the
    /// file stem): each is matched to its runbook here, by path first.
    static func rows(entries: [RunbookCatalog.Entry], known: KnownRunbooks, journals: [[JournalEvent]],
                     incidents recordedIncidents: [Incident], policy: CadencePolicy, asOf now: Date) -> [ScheduleTable.Row] {
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
        let statuses = Cadence.schedule(runbookIds: entries.map(\.id), drills: drills, incidents: incidents, policy: policy, asOf: now)
        return ScheduleTable.ordered(statuses.compactMap { status in
            entries.first { $0.id == status.runbookId }.map {
                ScheduleTable.Row(status: status, title: $0.title, path: $0.path, dryRun: dryRuns[status.runbookId])
            }
        })
    }
}

/// Dates on the schedule's command line and in its output.
public enum ScheduleDates {
    /// `YYYY-MM-DD` (the start of that day in the slot's time zone) or an RFC 3339 time.
    public static func parse(_ text: String, slot: DrillSlot) -> Date? {
        if text.count == 10 { return slot.startOfDay(text) }
        // ISO8601DateFormatter rolls `2026-02-30T…` into March: the day must be one the calendar has.
        return IncidentsLoader.isCalendarDate(String(text.prefix(10))) ? RFC3339.date(text) : nil
    }

    /// RFC 3339 in the slot's time zone, e.g. `2026-03-10T14:00:00+01:00`.
    public static func local(_ date: Date, slot: DrillSlot) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = slot.calendar.timeZone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// `2026-03-10 14:00`, in the slot's time zone, for the text table.
    public static func short(_ date: Date, slot: DrillSlot) -> String {
        let p = slot.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0)
    }
}
