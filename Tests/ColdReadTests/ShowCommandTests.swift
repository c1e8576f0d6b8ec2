import Foundation
import Testing

/// `coldread show` as an author runs it: what it prints for the bundled examples, and
/// one line per load error with exit 2.
@Suite struct ShowCommandTests {
    @Test func textShowsDeclarationsBriefingAndEachStepWithItsLines() async throws {
        let run = try await CLI.run(["show", "Runbooks/agent-wrong-answers.md"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Runbooks/agent-wrong-answers.md:11: agent-wrong-answers: Answerbot is serving wrong answers")
        #expect(lines.contains("  rotation: sre-primary"))
        #expect(lines.contains("  budget: 30m"))
        #expect(lines.contains("  bundle: prompt, tools, policy, memory, permissions"))
        #expect(lines.contains("    Meaning") && lines.contains("    Impact"))
        #expect(lines.contains { $0.hasPrefix("  3. Runbooks/agent-wrong-answers.md:38:1 [Steps] Roll back to the previous prompt version") })
        #expect(lines.contains("      tool promptctl (line 41)"))
        #expect(lines.contains { $0.hasPrefix("      break-glass scope break-glass:prompt-rollback, https://deploy.corp.example/break-glass/prompt (line ") })
        #expect(lines.contains("      restores prompt, tools, policy, memory, permissions"))
    }

    @Test func jsonIsVersionedAndSnakeCase() async throws {
        let run = try await CLI.run(["show", "--format", "json", "Runbooks/"])
        #expect(run.status == 0, "\(run.stderr)")
        let doc = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(doc["version"] as? Int == 1)
        let runbooks = try #require(doc["runbooks"] as? [[String: Any]])
        #expect(runbooks.compactMap { $0["path"] as? String } == ["Runbooks/agent-wrong-answers.md", "Runbooks/checkout-latency.md"])
        let agent = runbooks[0]
        #expect(agent["budget_seconds"] as? Int == 1800)
        let step = try #require((agent["steps"] as? [[String: Any]])?[2])
        #expect(step["scopes_declared"] as? Bool == true)
        #expect((step["break_glass"] as? [String: Any])?["scope"] as? String == "break-glass:prompt-rollback")
        #expect((step["tools"] as? [[String: Any]])?.first?["name"] as? String == "promptctl")
    }

    @Test func loadErrorsAreOneLineEachAndExitTwo() async throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try CLI.write(dir + "/coldread.yaml", "{}\n")
        try CLI.write(dir + "/bad.md", "---\nbudget: soon\nbundle: {a: b}\n---\n# T\n")
        try CLI.write(dir + "/good.md", "# T\n## Fix\nDo it.\n")
        let run = try await CLI.run(["show", "bad.md", "good.md"], in: dir)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("bad.md:") })
        #expect(lines.first?.hasPrefix("bad.md:2:9: ") == true)
    }

    @Test func aMissingPathIsAnErrorNamingIt() async throws {
        let run = try await CLI.run(["show", "Runbooks/nope.md"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Runbooks/nope.md:1:1"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }
}
