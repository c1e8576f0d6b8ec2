import DrillKit
import Foundation
import ReportKit
import RunbookKit

/// The schedule listing, as a text table or JSON (`"version": 1`).
public enum ScheduleTable {
    public enum Format: String, Sendable { case text, json }

    public struct Row: Sendable {
        public var status: CadenceStatus
        public var title: String
        public var path: String
        /// The latest dry-run's result for this runbook, if any dry-run covered it.
        public var dryRun: DryRunHealth? = nil

        /// The calendar event: at the due slot, or for an overdue runbook at the first slot
        /// from now, so the calendar offers a time that can still be kept.
        public func calendarEntry(slot: DrillSlot, asOf: Date) -> DrillCalendar.Entry {
            let due = status.overdue ? max(status.nextDue, slot.slot(atOrAfter: asOf)) : status.nextDue
            var detail = ["Runbook: \(path)", "Mode: \(status.mode.rawValue)", "Clean streak: \(status.cleanStreak)"]
            if let last = status.lastDrill {
                detail.append("Last drill: \(slot.day(of: last)) (\(status.lastClean == true ? "clean" : "not clean"))")
            } else {
                detail.append("Never drilled")
            }
            if let incident = status.lastIncident { detail.append("Last incident: \(incident)") }
            detail.append("Run: coldread drill \(path) --scenario Drills/…")
            return DrillCalendar.Entry(runbookId: status.runbookId, title: title, due: due, overdue: status.overdue, detail: detail.joined(separator: "\n"))
        }
    }

    /// A column of the text table.
    struct Column: Sendable {
        var header: String
        var value: @Sendable (Row, DrillSlot) -> String
    }

    /// The cadence's own columns. Other sources that describe a runbook's health (such as
    /// the latest dry-run's findings) add their columns as a group after these.
    static let cadenceColumns: [Column] = [
        Column(header: "RUNBOOK") { row, _ in row.status.runbookId },
        Column(header: "MODE") { row, _ in row.status.mode.rawValue },
        Column(header: "LAST DRILL") { row, slot in
            guard let last = row.status.lastDrill else { return "never" }
            return slot.day(of: last) + (row.status.lastClean == true ? " clean" : " not clean")
        },
        Column(header: "STREAK") { row, _ in String(row.status.cleanStreak) },
        Column(header: "NEXT DUE") { row, slot in ScheduleDates.short(row.status.nextDue, slot: slot) },
        Column(header: "STATUS") { row, _ in row.status.overdue ? (row.status.neverDrilled ? "OVERDUE (never drilled)" : "OVERDUE") : "ok" },
    ]

    /// The latest dry-run beside the cadence: rot it found between drills.
    static let dryRunColumns: [Column] = [
        Column(header: "LAST DRY-RUN") { row, slot in
            guard let health = row.dryRun else { return "never" }
            let day = slot.day(of: health.date)
            if health.loadFailed { return day + " rot found (does not load)" }
            if health.blockedSteps > 0 { return day + " rot found (\(health.blockedSteps) blocked)" }
            if health.lintFailed { return day + " rot found (lint errors)" }
            return day + (health.cutShort ? " cut short" : " clean")
        },
    ]

    /// Overdue runbooks first; among the rest, those where a dry-run found rot; then the
    /// cadence's own order (due date, id). Rot never flips the cadence to monthly: only a
    /// human drill does that.
    public static func ordered(_ rows: [Row]) -> [Row] {
        rows.enumerated().sorted { a, b in
            if a.element.status.overdue != b.element.status.overdue { return a.element.status.overdue }
            let rotA = a.element.dryRun?.rotFound == true, rotB = b.element.dryRun?.rotFound == true
            if !a.element.status.overdue, rotA != rotB { return rotA }
            return a.offset < b.offset
        }.map(\.element)
    }

    public static func render(_ rows: [Row], format: Format, slot: DrillSlot, asOf: Date) -> String {
        switch format {
        case .text:
            let policy = slot.policy
            let weekday = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][(policy.slotWeekday + 6) % 7]
            let time = String(format: "%02d:%02d", policy.slotHour, policy.slotMinute)
            let heading = "Drill slot: \(weekday) \(time) \(slot.calendar.timeZone.identifier) · as of \(ScheduleDates.short(asOf, slot: slot))\n\n"
            if rows.isEmpty { return heading + "No runbooks under Runbooks/.\n" }
            return heading + TextTable.render(
                header: (cadenceColumns + dryRunColumns).map(\.header),
                rows: rows.map { row in (cadenceColumns + dryRunColumns).map { $0.value(row, slot) } })
        case .json:
            let document = Document(
                asOf: ScheduleDates.local(asOf, slot: slot), timezone: slot.calendar.timeZone.identifier,
                runbooks: rows.map { JSONRow(row: $0, slot: slot) })
            return (JSONDocument.text(document) ?? "") + "\n"
        }
    }

    private struct Document: Encodable {
        var version = 1
        var asOf: String
        var timezone: String
        var runbooks: [JSONRow]
        enum CodingKeys: String, CodingKey { case version, asOf = "as_of", timezone, runbooks }
    }

    /// One runbook in the JSON interface (DESIGN.md): absent values are `null`, not missing.
    private struct JSONRow: Encodable {
        var row: Row
        var slot: DrillSlot

        enum CodingKeys: String, CodingKey {
            case id, title, path, mode, overdue
            case lastDrill = "last_drill", lastDrillRun = "last_drill_run", lastClean = "last_clean"
            case cleanStreak = "clean_streak", lastIncident = "last_incident", nextDue = "next_due"
            case neverDrilled = "never_drilled"
            case lastDryRun = "last_dry_run", lastDryRunRun = "last_dry_run_run", dryRunBlocked = "dry_run_blocked"
            case rotFound = "rot_found"
        }

        func encode(to encoder: any Encoder) throws {
            let s = row.status
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(s.runbookId, forKey: .id)
            try c.encode(row.title, forKey: .title)
            try c.encode(row.path, forKey: .path)
            try c.encode(s.mode.rawValue, forKey: .mode)
            try c.encode(s.lastDrill.map { ScheduleDates.local($0, slot: slot) }, forKey: .lastDrill)
            try c.encode(s.lastDrillRunId, forKey: .lastDrillRun)
            try c.encode(s.lastClean, forKey: .lastClean)
            try c.encode(s.cleanStreak, forKey: .cleanStreak)
            try c.encode(s.lastIncident, forKey: .lastIncident)
            try c.encode(ScheduleDates.local(s.nextDue, slot: slot), forKey: .nextDue)
            try c.encode(s.overdue, forKey: .overdue)
            try c.encode(s.neverDrilled, forKey: .neverDrilled)
            try c.encode(row.dryRun.map { ScheduleDates.local($0.date, slot: slot) }, forKey: .lastDryRun)
            try c.encode(row.dryRun?.runId, forKey: .lastDryRunRun)
            try c.encode(row.dryRun?.blockedSteps, forKey: .dryRunBlocked)
            try c.encode(row.dryRun?.rotFound ?? false, forKey: .rotFound)
        }
    }
}
