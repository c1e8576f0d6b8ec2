import Foundation
import Testing

@Suite("coldread history")
struct HistoryCommandTests {
    static func project() throws -> FacilitatorProject {
        try FacilitatorProject(runs: [
            "20260106T130000Z": FacilitatorProject.journal(runId: "20260106T130000Z", at: "2026-01-06T13:00:00Z", clean: false),
            "20260210T130000Z": FacilitatorProject.journal(runId: "20260210T130000Z", runbook: "checkout-latency", at: "2026-02-10T13:00:00Z", clean: true),
            "20260211T020000Z": FacilitatorProject.journal(runId: "20260211T020000Z", kind: "dry-run", at: "2026-02-11T02:00:00Z", clean: true),
        ])
    }

    @Test func listsRunsNewestFirst() async throws {
        let project = try Self.project()
        defer { project.remove() }
        let result = try await project.run("history")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("DATE") == true)
        #expect(lines.dropFirst().map { $0.split(separator: " ").last.map(String.init) } == ["20260211T020000Z", "20260210T130000Z", "20260106T130000Z"])
        #expect(lines[1].contains("dry-run"))
        #expect(lines[3].contains("agent-wrong-answers") && lines[3].contains("1m01s"))
    }

    @Test func filtersByRunbookAndSpeaksJSON() async throws {
        let project = try Self.project()
        defer { project.remove() }
        let result = try await project.run("history", "Runbooks/agent-wrong-answers.md", "--format", "json")
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        let runs = try #require(json["runs"] as? [[String: Any]])
        #expect(runs.map { $0["run_id"] as? String } == ["20260211T020000Z", "20260106T130000Z"])
        #expect(runs.map { $0["clean"] as? Bool } == [true, false])
        #expect(runs.map { $0["blocked"] as? Int } == [0, 1])
        #expect(runs.first?["kind"] as? String == "dry-run")
    }

    /// The journal of 2026-02-10 names checkout-latency by its file stem, the id it had
    /// before ids were paths: it is still that runbook's history.
    @Test func aJournalWithTheOldStemIdStillMatchesItsRunbook() async throws {
        let project = try Self.project()
        defer { project.remove() }
        for argument in ["Runbooks/checkout-latency.md", "Runbooks/checkout-latency", "checkout-latency"] {
            let result = try await project.run("history", argument, "--format", "json")
            #expect(result.status == 0, "\(result.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let runs = try #require(json["runs"] as? [[String: Any]])
            #expect(runs.map { $0["run_id"] as? String } == ["20260210T130000Z"], "\(argument)")
        }
    }

    @Test func anEmptyProjectSaysSo() async throws {
        let project = try FacilitatorProject()
        defer { project.remove() }
        let result = try await project.run("history")
        #expect(result.status == 0)
        #expect(result.stdout.contains("No runs yet"))
    }
}
