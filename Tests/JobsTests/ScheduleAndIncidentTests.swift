import Foundation
import Jobs
import Testing

/// `ScheduleListing` and `IncidentRecording` in-process: the rows `coldread schedule`
/// prints and the incident that moves a runbook to monthly drills.
@Suite("Jobs: schedule and incident")
struct ScheduleAndIncidentTests {
    @Test func overdueRunbooksComeFirstAndAnUncleanDrillIsMonthly() throws {
        let project = try ProjectFolder(examples: true)
        try project.addRun("20260217T011700Z-ana", at: "2026-02-17T13:00:00Z", clean: false)
        let schedule = try ScheduleListing(asOf: "2026-03-04").run(directory: try project.directory())
        #expect(schedule.rows.map(\.status.runbookId) == ["Runbooks/checkout-latency", "agent-wrong-answers"])
        #expect(schedule.rows[0].status.overdue && schedule.rows[0].status.neverDrilled)
        #expect(schedule.rows[1].status.mode.rawValue == "monthly")
        #expect(schedule.render(.text).contains("OVERDUE (never drilled)"))
    }

    @Test func withoutAsOfTheInjectedClockIsNow() throws {
        let project = try ProjectFolder(examples: true)
        let noon = Date(timeIntervalSince1970: 1_772_625_600)  // 2026-03-04T12:00:00Z
        let schedule = try ScheduleListing(asOf: nil, now: { noon }).run(directory: try project.directory())
        #expect(schedule.asOf == noon)
        #expect(schedule.render(.text).contains("as of 2026-03-04 13:00"))
    }

    @Test func aBadAsOfIsAnInputError() async throws {
        let project = try ProjectFolder(examples: true)
        let directory = try project.directory()
        let thrown = await failure { _ = try ScheduleListing(asOf: "next tuesday").run(directory: directory) }
        #expect(thrown?.exitCode == 2)
        #expect(thrown?.lines.first?.contains("--as-of expected a date") == true)
    }

    /// The calendar would roll a day it does not have into the next month (`2026-13-01`
    /// was read as 2027-01-01): such a day is refused, where a real leap day is read.
    @Test(arguments: ["2026-13-01", "2026-02-30", "2025-02-29", "2026-04-31"])
    func aDayTheCalendarDoesNotHaveIsRefused(day: String) async throws {
        let project = try ProjectFolder(examples: true)
        let directory = try project.directory()
        let thrown = await failure { _ = try ScheduleListing(asOf: day).run(directory: directory) }
        #expect(thrown?.exitCode == 2)
        #expect(thrown?.lines.first?.contains("found '\(day)'") == true, "\(thrown?.lines ?? [])")
        let incident = await failure { _ = try IncidentRecording(runbook: "checkout-latency", note: "n", date: day).run(directory: directory) }
        #expect(incident?.exitCode == 2)
        #expect(project.read("Drills/incidents.yaml") == nil)
        let time = await failure { _ = try ScheduleListing(asOf: day + "T09:00:00Z").run(directory: directory) }
        #expect(time?.exitCode == 2)
        #expect(try ScheduleListing(asOf: "2028-02-29").run(directory: directory).render(.text).contains("as of 2028-02-29 00:00"))
    }

    @Test func anIncidentPutsTheRunbookOnMonthlyDrills() throws {
        let project = try ProjectFolder(examples: true)
        try project.addRun("r1", runbook: "checkout-latency", at: "2026-01-06T13:00:00Z", clean: true)
        let directory = try project.directory()
        let recorded = try IncidentRecording(runbook: "checkout-latency", note: "missed the cache tier", date: "2026-01-19").run(directory: directory)
        #expect(recorded.runbookId == "Runbooks/checkout-latency")
        #expect(recorded.summary.hasPrefix("Recorded an incident for Runbooks/checkout-latency on 2026-01-19"))
        #expect(project.read("Drills/incidents.yaml")?.contains("missed the cache tier") == true)
        let schedule = try ScheduleListing(asOf: "2026-01-20").run(directory: directory)
        let row = try #require(schedule.rows.first { $0.status.runbookId == "Runbooks/checkout-latency" })
        #expect(row.status.mode.rawValue == "monthly")
        #expect(row.status.lastIncident == "2026-01-19")
    }

    @Test func anUnknownRunbookOrAnEmptyNoteWritesNothing() async throws {
        let project = try ProjectFolder(examples: true)
        let directory = try project.directory()
        let unknown = await failure { _ = try IncidentRecording(runbook: "no-such", note: "x", date: "2026-01-19").run(directory: directory) }
        #expect(unknown?.exitCode == 2)
        #expect(unknown?.lines.first?.contains("expected a runbook id or path, found 'no-such'") == true)
        let empty = await failure { _ = try IncidentRecording(runbook: "agent-wrong-answers", note: "  ", date: nil).run(directory: directory) }
        #expect(empty?.exitCode == 2)
        #expect(project.read("Drills/incidents.yaml") == nil)
    }
}
