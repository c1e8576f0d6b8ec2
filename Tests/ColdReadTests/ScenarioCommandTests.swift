import Foundation
import Testing

/// `coldread scenario new` through the real binary: the printed draft names the runbook
/// from Drills/, a written draft probes as it is, and an existing file is never replaced.
@Suite struct ScenarioCommandTests {
    @Test func aDraftIsPrintedWrittenAndProbed() async throws {
        let project = try DrillProject()
        defer { project.remove() }
        let root = URL(fileURLWithPath: project.root)
        let printed = try await BinaryRunner.run(["scenario", "new", "Runbooks/agent-wrong-answers.md"], in: root)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.contains("runbook: \"../Runbooks/agent-wrong-answers.md\""))
        #expect(printed.stdout.contains("    traces.ai-platform.corp.example: ok"))
        #expect(printed.stdout.contains("budget: 30m"))

        let written = try await BinaryRunner.run(["scenario", "new", "Runbooks/agent-wrong-answers.md", "--output", "Drills/draft.yaml"], in: root)
        #expect(written.status == 0, "\(written.stderr)")
        let probe = try await BinaryRunner.run(["probe", "--scenario", "Drills/draft.yaml", "--format", "json"], in: root)
        #expect(probe.status == 0 || probe.status == 1, "\(probe.stderr)")
        #expect(probe.stdout.contains("\"outcome\" : \"ok\"") || probe.stdout.contains("\"outcome\":\"ok\""))

        let again = try await BinaryRunner.run(["scenario", "new", "Runbooks/agent-wrong-answers.md", "--output", "Drills/draft.yaml"], in: root)
        #expect(again.status == 2)
        #expect(again.stderr.contains("Drills/draft.yaml:1:1: error: expected a new file"))
    }
}
