import DrillKit
import Foundation
@testable import RunbookKit
import Testing

/// Hand-made drill histories and incidents, with the cadence they must produce.
/// The slot is the default (Tuesday 14:00) in Europe/Berlin unless a test says otherwise.
@Suite("Drill cadence rules")
struct CadenceTests {
    static let berlin = CadencePolicy(slotTimeZone: "Europe/Berlin")

    static func at(_ text: String) -> Date { RFC3339.date(text)! }

    static func drill(_ date: String, clean: Bool, kind: RunKind = .drill, runbook: String = "rb") -> DrillRecord {
        DrillRecord(runId: "\(kind.rawValue)-\(date)", runbookId: runbook, kind: kind, date: at(date), clean: clean)
    }

    static func incident(_ date: String, runbook: String = "rb") -> Incident {
        Incident(runbook: runbook, date: date, note: "gap", location: SourceLocation(file: "Drills/incidents.yaml", line: 1))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var drills: [DrillRecord]
        var incidents: [Incident] = []
        var asOf = "2026-06-01T00:00:00Z"
        var mode: CadencePolicy.Mode
        var streak: Int
        var nextDue: String
        var overdue: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a clean drill keeps the quarterly start",
             drills: [drill("2026-01-06T13:00:00Z", clean: true)], asOf: "2026-02-01T00:00:00Z",
             mode: .quarterly, streak: 1, nextDue: "2026-04-07T12:00:00Z", overdue: false),
        Case(name: "an incident flips it to monthly",
             drills: [drill("2026-01-06T13:00:00Z", clean: true)], incidents: [incident("2026-01-20")], asOf: "2026-01-25T00:00:00Z",
             mode: .monthly, streak: 0, nextDue: "2026-02-10T13:00:00Z", overdue: false),
        Case(name: "an unclean drill flips it to monthly",
             drills: [drill("2026-01-06T13:00:00Z", clean: false)], asOf: "2026-01-07T00:00:00Z",
             mode: .monthly, streak: 0, nextDue: "2026-02-10T13:00:00Z", overdue: false),
        Case(name: "one clean drill after a gap is not yet enough",
             drills: [drill("2026-01-06T13:00:00Z", clean: false), drill("2026-02-10T13:00:00Z", clean: true)],
             asOf: "2026-02-11T00:00:00Z", mode: .monthly, streak: 1, nextDue: "2026-03-10T13:00:00Z", overdue: false),
        Case(name: "two clean drills in a row return it to quarterly",
             drills: [drill("2026-01-06T13:00:00Z", clean: false), drill("2026-02-10T13:00:00Z", clean: true),
                      drill("2026-03-10T13:00:00Z", clean: true)],
             asOf: "2026-03-11T00:00:00Z", mode: .quarterly, streak: 2, nextDue: "2026-06-16T12:00:00Z", overdue: false),
        Case(name: "an unclean drill in between resets the streak",
             drills: [drill("2026-01-06T13:00:00Z", clean: false), drill("2026-02-10T13:00:00Z", clean: true),
                      drill("2026-03-10T13:00:00Z", clean: false), drill("2026-04-14T12:00:00Z", clean: true)],
             asOf: "2026-04-15T00:00:00Z", mode: .monthly, streak: 1, nextDue: "2026-05-19T12:00:00Z", overdue: false),
        Case(name: "an incident on the day of a clean drill counts after it",
             drills: [drill("2026-01-06T13:00:00Z", clean: false), drill("2026-02-10T13:00:00Z", clean: true),
                      drill("2026-03-10T13:00:00Z", clean: true)],
             incidents: [incident("2026-03-10")], asOf: "2026-03-12T00:00:00Z",
             mode: .monthly, streak: 0, nextDue: "2026-04-14T12:00:00Z", overdue: false),
        Case(name: "dry-runs never count as drills",
             drills: [drill("2026-01-06T13:00:00Z", clean: false), drill("2026-01-13T13:00:00Z", clean: true, kind: .dryRun),
                      drill("2026-01-20T13:00:00Z", clean: true, kind: .dryRun)],
             asOf: "2026-01-21T00:00:00Z", mode: .monthly, streak: 0, nextDue: "2026-02-10T13:00:00Z", overdue: false),
        Case(name: "a drill past its due date is overdue",
             drills: [drill("2026-01-06T13:00:00Z", clean: false)], asOf: "2026-03-01T00:00:00Z",
             mode: .monthly, streak: 0, nextDue: "2026-02-10T13:00:00Z", overdue: true),
        Case(name: "a runbook never drilled is due now, at the next slot",
             drills: [drill("2026-01-06T13:00:00Z", clean: true, runbook: "other")], asOf: "2026-03-04T09:00:00Z",
             mode: .quarterly, streak: 0, nextDue: "2026-03-10T13:00:00Z", overdue: true),
        Case(name: "drills after the as-of date are ignored",
             drills: [drill("2026-01-06T13:00:00Z", clean: true), drill("2026-05-05T12:00:00Z", clean: false)],
             asOf: "2026-02-01T00:00:00Z", mode: .quarterly, streak: 1, nextDue: "2026-04-07T12:00:00Z", overdue: false),
    ]

    @Test(arguments: cases)
    func cadence(_ c: Case) {
        let status = Cadence.status(runbookId: "rb", drills: c.drills, incidents: c.incidents, policy: Self.berlin, asOf: Self.at(c.asOf))
        #expect(status.mode == c.mode)
        #expect(status.cleanStreak == c.streak)
        #expect(RFC3339.string(status.nextDue) == c.nextDue)
        #expect(status.overdue == c.overdue)
    }

    @Test func overdueRunbooksComeFirstMostOverdueFirst() {
        let drills = [
            Self.drill("2026-01-06T13:00:00Z", clean: false, runbook: "late-a-little"),
            Self.drill("2025-09-02T12:00:00Z", clean: true, runbook: "late-a-lot"),
            Self.drill("2026-03-03T13:00:00Z", clean: true, runbook: "fresh"),
        ]
        let schedule = Cadence.schedule(
            runbookIds: ["fresh", "never", "late-a-little", "late-a-lot"], drills: drills, incidents: [],
            policy: Self.berlin, asOf: Self.at("2026-03-04T09:00:00Z"))
        #expect(schedule.map(\.runbookId) == ["late-a-lot", "late-a-little", "never", "fresh"])
        #expect(schedule.map(\.overdue) == [true, true, true, false])
    }
}

/// The slot stays at the same wall-clock time across daylight saving switches.
@Suite("Drill slot across time zones and DST")
struct DrillSlotTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var policy: CadencePolicy
        var lastDrill: String
        var months: Int
        var expected: String
        var testDescription: String { name }
    }

    static let berlin = CadencePolicy(slotTimeZone: "Europe/Berlin")

    static let cases: [Case] = [
        Case(name: "Berlin winter: 14:00 CET is 13:00Z", policy: berlin, lastDrill: "2026-02-24T13:00:00Z", months: 1,
             expected: "2026-03-24T13:00:00Z"),
        Case(name: "Berlin after the late-March switch: 14:00 CEST is 12:00Z", policy: berlin, lastDrill: "2025-12-30T13:00:00Z",
             months: 3, expected: "2026-03-31T12:00:00Z"),
        Case(name: "Berlin before the late-October switch: still CEST", policy: berlin, lastDrill: "2026-09-15T12:00:00Z",
             months: 1, expected: "2026-10-20T12:00:00Z"),
        Case(name: "Berlin after the late-October switch: back to CET", policy: berlin, lastDrill: "2026-09-27T12:00:00Z",
             months: 1, expected: "2026-10-27T13:00:00Z"),
        Case(name: "the day is counted in the slot's time zone, not UTC",
             policy: CadencePolicy(slotWeekday: 1, slotTimeZone: "Europe/Berlin"), lastDrill: "2026-01-05T23:30:00Z",
             months: 3, expected: "2026-04-12T12:00:00Z"),
        Case(name: "a slot in the skipped hour moves past the gap",
             policy: CadencePolicy(slotWeekday: 1, slotHour: 2, slotMinute: 30, slotTimeZone: "Europe/Berlin"),
             lastDrill: "2026-02-28T12:00:00Z", months: 1, expected: "2026-03-29T01:30:00Z"),
        Case(name: "a slot in the repeated hour takes its first occurrence",
             policy: CadencePolicy(slotWeekday: 1, slotHour: 2, slotMinute: 30, slotTimeZone: "Europe/Berlin"),
             lastDrill: "2026-09-25T12:00:00Z", months: 1, expected: "2026-10-25T00:30:00Z"),
        Case(name: "New York before its March switch: 14:00 EST", policy: CadencePolicy(slotTimeZone: "America/New_York"),
             lastDrill: "2026-02-03T19:00:00Z", months: 1, expected: "2026-03-03T19:00:00Z"),
        Case(name: "New York after its March switch: 14:00 EDT", policy: CadencePolicy(slotTimeZone: "America/New_York"),
             lastDrill: "2026-02-10T19:00:00Z", months: 1, expected: "2026-03-10T18:00:00Z"),
    ]

    @Test(arguments: cases)
    func slot(_ c: Case) {
        let slot = DrillSlot(policy: c.policy)
        let due = slot.slot(months: c.months, after: RFC3339.date(c.lastDrill)!)
        #expect(RFC3339.string(due) == c.expected)
    }
}
