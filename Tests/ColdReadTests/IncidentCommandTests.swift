import Foundation
import Testing

@Suite("coldread incident")
struct IncidentCommandTests {
    @Test func appendsToIncidentsYAMLCreatingIt() async throws {
        let project = try FacilitatorProject()
        defer { project.remove() }
        let first = try await project.run("incident", "agent-wrong-answers", "--note", "SRE had no trace access: \"again\"", "--date", "2026-02-20")
        #expect(first.status == 0, "\(first.stderr)")
        let second = try await project.run("incident", "Runbooks/checkout-latency.md", "--note", "stale dashboard link", "--date", "2026-02-21")
        #expect(second.status == 0, "\(second.stderr)")
        let text = try #require(project.read("Drills/incidents.yaml"))
        #expect(text.contains("""
          - runbook: "agent-wrong-answers"
            date: "2026-02-20"
            note: "SRE had no trace access: \\"again\\""
          - runbook: "Runbooks/checkout-latency"
        """))
    }

    @Test func appendingKeepsTheFilesLeadingComments() async throws {
        let project = try FacilitatorProject()
        defer { project.remove() }
        let before = "# Incidents the SRE team found.\nincidents:\n  - runbook: \"agent-wrong-answers\"\n    date: \"2026-01-05\"\n    note: \"first\"\n"
        try Data(before.utf8).write(to: URL(fileURLWithPath: project.path("Drills/incidents.yaml")))
        let result = try await project.run("incident", "agent-wrong-answers", "--note", "second", "--date", "2026-02-20")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try #require(project.read("Drills/incidents.yaml"))
        #expect(text.hasPrefix("# Incidents the SRE team found.\nincidents:\n"))
        #expect(text.contains("note: \"first\"") && text.contains("note: \"second\""))
    }

    @Test(arguments: [
        (["incident", "no-such-runbook", "--note", "x"], "expected a runbook id or path"),
        (["incident", "agent-wrong-answers", "--note", "x", "--date", "20.2.2026"], "--date expected a date"),
        (["incident", "agent-wrong-answers", "--note", "  "], "--note expected"),
    ])
    func badInputIsAnInputError(arguments: [String], message: String) async throws {
        let project = try FacilitatorProject()
        defer { project.remove() }
        let result = try await project.runArguments(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message))
        #expect(project.read("Drills/incidents.yaml") == nil)
    }

    @Test func aBrokenIncidentsFileIsReportedWithItsLocation() async throws {
        let project = try FacilitatorProject()
        defer { project.remove() }
        try Data("incidents:\n  - runbook: agent-wrong-answers\n    date: yesterday\n".utf8).write(to: URL(fileURLWithPath: project.path("Drills/incidents.yaml")))
        let result = try await project.run("incident", "agent-wrong-answers", "--note", "x", "--date", "2026-02-20")
        #expect(result.status == 2)
        #expect(result.stderr.contains("Drills/incidents.yaml:3:11"))
    }
}
