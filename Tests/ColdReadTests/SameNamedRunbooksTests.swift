import Foundation
import Testing

/// Two runbooks that share a file name (`a/README.md`, `b/README.md`) in one workspace:
/// every face keeps them apart, because a runbook's id is its path.
@Suite("same-named runbooks stay apart", .serialized)
struct SameNamedRunbooksTests {
    /// `a/README.md` links to a guide that exists; `b/README.md` to one that does not, so
    /// a merged pair would show one verdict for both.
    static func workspace() throws -> String {
        let dir = try CLI.scratch()
        try CLI.write(dir + "/coldread.yaml", """
            rotations: {sre: {members: [ana]}}
            groups: {sre: [ana]}
            grants: {}
            """)
        for (folder, guide) in [("a", "restart.md#restart-the-api"), ("b", "missing.md")] {
            try CLI.write(dir + "/Runbooks/\(folder)/README.md", """
                ---
                rotation: sre
                ---
                # Restart the API

                ## Steps

                1. Follow [the guide](../../docs/\(guide)).
                   <!-- coldread
                   scopes: []
                   -->
                """)
            try CLI.write(dir + "/Drills/\(folder).yaml", """
                id: drill-\(folder)
                title: "Drill \(folder)"
                runbook: ../Runbooks/\(folder)/README.md
                briefing: The API is down.
                clock: "02:17"
                """)
        }
        try CLI.write(dir + "/docs/restart.md", "# Restart\n\n## Restart the API\n\nkubectl rollout restart\n")
        return dir
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func probeGivesEachItsOwnIdAndVerdict() async throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try await CLI.run(["probe", "Runbooks", "--offline", "--format", "json"], in: dir)
        #expect(run.status == 1, "b's guide is missing: \(run.stdout)\n\(run.stderr)")
        let results = try #require(try Self.json(run.stdout)["results"] as? [[String: Any]])
        let links = results.filter { $0["kind"] as? String == "link" }
        #expect(links.map { $0["runbook"] as? String } == ["Runbooks/a/README", "Runbooks/b/README"])
        #expect(links.map { $0["outcome"] as? String } == ["ok", "not_found"])
        #expect(links.map { $0["url"] as? String } == ["../../docs/restart.md#restart-the-api", "../../docs/missing.md"])
        #expect((links[1]["reason"] as? String)?.contains("Runbooks/b/README.md:8") == true, "\(links[1])")
    }

    @Test func dryRunReportsEachRunbookOnce() async throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try await CLI.run(["dry-run", "--format", "json", "--offline"], in: dir)
        #expect(run.status == 1, "\(run.stdout)\n\(run.stderr)")
        let runbooks = try #require(try Self.json(run.stdout)["runbooks"] as? [[String: Any]])
        #expect(runbooks.map { $0["id"] as? String } == ["Runbooks/a/README", "Runbooks/b/README"])
        #expect(runbooks.map { $0["clean"] as? Bool } == [true, false])
    }

    @Test func drillJournalReportAndScheduleNameTheDrilledOne() async throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let command = "\(CLI.binary) drill Runbooks/a/README.md --scenario Drills/a.yaml --reader ana; echo EXIT=$?"
        let tmux = try await TmuxSession(command: command, directory: dir, environment: DrillProject.terminal)
        try await tmux.waitFor("Press Enter to start the timer")
        try await tmux.send("Enter")
        try await tmux.waitFor("Step 1 of 1")
        try await tmux.send("d")
        try await tmux.waitFor("Drill finished: clean")
        try await tmux.send("x")
        try await tmux.waitFor("EXIT=0")

        let runs = try FileManager.default.contentsOfDirectory(atPath: dir + "/Drills/runs")
        let runId = try #require(runs.first)
        let journal = try String(contentsOfFile: dir + "/Drills/runs/\(runId)/journal.jsonl", encoding: .utf8)
        let started = try Self.json(String(journal.split(separator: "\n")[0]))
        let runbook = try #require(started["runbook"] as? [String: Any])
        #expect(runbook["id"] as? String == "Runbooks/a/README")

        let report = try await CLI.run(["report", "latest", "--format", "json"], in: dir)
        let reportRunbook = try #require(try Self.json(report.stdout)["runbook"] as? [String: Any])
        #expect(reportRunbook["id"] as? String == "Runbooks/a/README")

        let schedule = try await CLI.run(["schedule", "--format", "json"], in: dir)
        #expect(schedule.status == 0, "\(schedule.stderr)")
        let rows = try #require(try Self.json(schedule.stdout)["runbooks"] as? [[String: Any]])
        let byId = Dictionary(rows.map { ($0["id"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byId.count == 2)
        #expect(byId["Runbooks/a/README"]?["last_clean"] as? Bool == true)
        #expect(byId["Runbooks/b/README"]?["last_drill"] is NSNull)
    }
}
