import Foundation
import ReportKit
import RunbookKit
import Testing

/// Code scanning keeps an alert's history through SARIF `partialFingerprints`: they must
/// not move with lines, and must change when the finding is about something else.
@Suite struct SARIFFingerprintTests {
    func sarif(_ markdown: String) throws -> [String: Any] {
        let runbook = try RunbookLoader.parse(markdown, file: "Runbooks/rb.md")
        let findings = Linter(directory: LintRulesTests.directory).lint(runbook)
        let text = FindingFormat.sarif.render(findings, filesChecked: 1, toolVersion: "t")
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func results(_ markdown: String) throws -> [[String: Any]] {
        let runs = try #require(try sarif(markdown)["runs"] as? [[String: Any]])
        return runs.first?["results"] as? [[String: Any]] ?? []
    }

    func fingerprints(_ markdown: String) throws -> [String] {
        try results(markdown).compactMap { ($0["partialFingerprints"] as? [String: String])?["coldreadFinding/v1"] }
    }

    func line(_ result: [String: Any]) -> Int? {
        let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        return (location?["region"] as? [String: Any])?["startLine"] as? Int
    }

    func runbook(intro: String = "", scope: String = "traces:read") -> String {
        "---\nrotation: sre\n---\n# T\n\(intro)## Steps\n1. Read the traces. <!-- coldread scopes: [\(scope)] -->\n2. Open [logs](https://logs.corp.example/q).\n"
    }

    @Test func fingerprintsStayWhenLinesMove() throws {
        let before = try results(runbook())
        let after = try results(runbook(intro: "Some context.\n\nMore context.\n\n"))
        #expect(before.count == 2)
        #expect(before.map(line) != after.map(line))
        #expect(try fingerprints(runbook()) == fingerprints(runbook(intro: "Some context.\n\nMore context.\n\n")))
        #expect(Set(try fingerprints(runbook())).count == 2)
    }

    @Test func theFingerprintChangesWhenTheScopeChanges() throws {
        let first = try fingerprints(runbook(scope: "traces:read"))
        let second = try fingerprints(runbook(scope: "bg:ai-only"))
        try #require(first.count == 2 && second.count == 2)
        #expect(first[0] != second[0])
        #expect(first[1] == second[1])
    }

    @Test func everyRuleHasAHelpURIAndShortHelp() throws {
        let runs = try #require(try sarif(runbook())["runs"] as? [[String: Any]])
        let driver = (runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        let rules = try #require(driver?["rules"] as? [[String: Any]])
        #expect(rules.count == LintRule.allCases.count)
        let docs = try String(contentsOf: URL(fileURLWithPath: #filePath).appendingPathComponent("../../../docs/rules.md").standardized, encoding: .utf8)
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            #expect((rule["helpUri"] as? String)?.hasSuffix("docs/rules.md#\(id)") == true)
            #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect(docs.contains("\n## \(id)\n"), "docs/rules.md has no section for \(id)")
        }
    }
}
