import Foundation
import Testing

@Suite("coldread schedule")
struct ScheduleCommandTests {
    static func project() throws -> FacilitatorProject {
        try FacilitatorProject(runs: [
            "20260217T011700Z-ana": try FacilitatorProject.mixedDrill(),
            "20260301T020000Z": FacilitatorProject.journal(runId: "20260301T020000Z", kind: "dry-run", runbook: "checkout-latency", at: "2026-03-01T02:00:00Z", clean: true),
        ])
    }

    @Test func jsonListsOverdueFirstWithTheCadenceFields() async throws {
        let project = try Self.project()
        defer { project.remove() }
        let result = try await project.run("schedule", "--as-of", "2026-03-04", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        let rows = try #require(json["runbooks"] as? [[String: Any]])
        // checkout-latency declares no id: its id is its path (issue #13).
        #expect(rows.map { $0["id"] as? String } == ["Runbooks/checkout-latency", "agent-wrong-answers"])
        // checkout-latency only had a dry-run: never drilled, so overdue.
        #expect(rows[0]["overdue"] as? Bool == true)
        #expect(rows[0]["last_drill"] is NSNull)
        // The mixed drill of 2026-02-17 was not clean: monthly, due the Tuesday after a month.
        #expect(rows[1]["mode"] as? String == "monthly")
        #expect(rows[1]["last_clean"] as? Bool == false)
        #expect(rows[1]["clean_streak"] as? Int == 0)
        #expect(rows[1]["next_due"] as? String == "2026-03-17T14:00:00+01:00")
        #expect(rows[1]["overdue"] as? Bool == false)
    }

    @Test func textAndICS() async throws {
        let project = try Self.project()
        defer { project.remove() }
        let result = try await project.run("schedule", "--as-of", "2026-03-04", "--ics", "drills.ics")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Drill slot: Tuesday 14:00 Europe/Berlin"))
        #expect(result.stdout.contains("OVERDUE (never drilled)"))
        let ics = try #require(project.read("drills.ics"))
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(ics.contains("UID:agent-wrong-answers-20260317@coldread\r\n"))
        #expect(ics.contains("DTSTAMP:20260303T230000Z\r\n"))
    }

    @Test func anIncidentMovesARunbookToMonthly() async throws {
        let project = try FacilitatorProject(runs: [
            "r1": FacilitatorProject.journal(runId: "r1", runbook: "checkout-latency", at: "2026-01-06T13:00:00Z", clean: true),
        ])
        defer { project.remove() }
        let before = try await project.run("schedule", "--as-of", "2026-01-20", "--format", "json")
        #expect(before.stdout.contains("\"mode\" : \"quarterly\""))
        let recorded = try await project.run("incident", "checkout-latency", "--note", "runbook missed the cache tier", "--date", "2026-01-19")
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let after = try await project.run("schedule", "--as-of", "2026-01-20", "--format", "json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        let row = try #require((json["runbooks"] as? [[String: Any]])?.first { $0["id"] as? String == "Runbooks/checkout-latency" })
        #expect(row["mode"] as? String == "monthly")
        #expect(row["last_incident"] as? String == "2026-01-19")
    }

    @Test func aBadAsOfIsAUsageError() async throws {
        let project = try FacilitatorProject()
        defer { project.remove() }
        let result = try await project.run("schedule", "--as-of", "next tuesday")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--as-of expected a date"))
    }
}
