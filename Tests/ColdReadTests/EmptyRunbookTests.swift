import Foundation
import Testing

/// Nothing empty is clean: a runbook with no steps is a `no-steps` error in every lint
/// format and in a dry-run, and a drill refuses it before taking the terminal.
@Suite struct EmptyRunbookTests {
    static let empties: [(name: String, text: String)] = [
        ("zero.md", ""),
        ("title-only.md", "# Only a title\n"),
        ("no-steps.yaml", "id: no-steps\ntitle: Nothing to do\nsteps: []\n"),
    ]

    func project() throws -> String {
        let dir = try CLI.scratch()
        try CLI.write(dir + "/coldread.yaml", "rotations: {sre: {members: [ana]}}\ngroups: {sre: [ana]}\ngrants: {\"dash:read\": [sre]}\n")
        for empty in Self.empties { try CLI.write(dir + "/Runbooks/" + empty.name, empty.text) }
        return dir
    }

    @Test func lintReportsNoStepsAsAnErrorInEveryFormat() async throws {
        let dir = try project()
        let text = try await CLI.run(["lint", "Runbooks"], in: dir)
        #expect(text.status == 1)
        for empty in Self.empties {
            #expect(text.stdout.contains("Runbooks/\(empty.name):1:1: error: ") && text.stdout.contains("[no-steps]"), "\(text.stdout)")
        }
        let json = try await CLI.run(["lint", "Runbooks", "--format", "json"], in: dir)
        let findings = try #require((JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]])
        #expect(findings.filter { $0["rule_id"] as? String == "no-steps" && $0["severity"] as? String == "error" }.count == 3)
        let sarif = try await CLI.run(["lint", "Runbooks", "--format", "sarif"], in: dir)
        let run = try #require(((JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.contains { $0["id"] as? String == "no-steps" })
        #expect((run["results"] as? [[String: Any]])?.filter { $0["ruleId"] as? String == "no-steps" }.count == 3)
        let github = try await CLI.run(["lint", "Runbooks", "--format", "github"], in: dir)
        #expect(github.stdout.split(separator: "\n").filter { $0.hasPrefix("::error file=Runbooks/") && $0.contains("no-steps") }.count == 3)
    }

    @Test func aDryRunOfAnEmptyRunbookIsNotCleanAndNorIsItsRebuiltReport() async throws {
        let dir = try project()
        let run = try await CLI.run(["dry-run", "Runbooks/title-only.md", "--format", "json"], in: dir)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let doc = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(doc["clean"] as? Bool == false)
        #expect(run.stdout.contains("no-steps"))
        let report = try await CLI.run(["report", "latest", "--format", "json"], in: dir)
        #expect(report.status == 1)
        let rebuilt = try #require(JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        #expect(rebuilt["clean"] as? Bool == false)
        #expect(report.stderr.isEmpty, "the stored verdict agrees with the steps: \(report.stderr)")
    }

    @Test(arguments: EmptyRunbookTests.empties.map(\.name))
    func aDrillRefusesAnEmptyRunbookWithOneLineNamingTheFile(_ name: String) async throws {
        let dir = try project()
        let run = try await CLI.run(["drill", "Runbooks/" + name], in: dir)
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(lines.first?.hasPrefix("Runbooks/\(name):1:1: error: expected a runbook with at least one step, found none") == true)
        #expect(!FileManager.default.fileExists(atPath: dir + "/Drills/runs"), "no run was started")
    }
}
