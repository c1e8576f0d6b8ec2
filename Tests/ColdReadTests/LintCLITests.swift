import ChildProcess
import Foundation
import ReportKit
import Testing

/// `coldread lint` as CI runs it: the built binary, its exit codes and its machine output.
@Suite struct LintCLITests {
    @Test func theExamplesShowTheRealGapsAndExitOne() async throws {
        let run = try await CLI.run(["lint", "Runbooks/"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("Runbooks/agent-wrong-answers.md:28:13: error: step 1"))
        #expect(run.stdout.contains("[scope-not-held]"))
        #expect(run.stdout.contains("ana, ben, chidi"))
        #expect(run.stdout.contains("traces.ai-platform.corp.example") && run.stdout.contains("[non-federated-link]"))
        // Step 3's rollback scope is covered by a break-glass path the rotation holds.
        #expect(!run.stdout.split(separator: "\n").contains { $0.contains("agent-wrong-answers.md") && $0.contains("step 3") })
    }

    @Test func jsonParsesBackWithVersionAndRuleIds() async throws {
        let run = try await CLI.run(["lint", "Runbooks/agent-wrong-answers.md", "--format", "json"])
        #expect(run.status == 1)
        let doc = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(doc["version"] as? Int == 1)
        let findings = try #require(doc["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["rule_id"] as? String }.filter { $0 == "scope-not-held" }.count == 2)
        #expect(findings.allSatisfy { ($0["line"] as? Int ?? 0) > 0 && $0["file"] is String })
    }

    @Test func sarifHasTheSchemaRequiredFields() async throws {
        let run = try await CLI.run(["lint", "Runbooks/", "--format", "sarif"])
        let log = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "coldread")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == LintRule.allCases.map(\.rawValue))
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results {
            let ruleId = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == ruleId)
            #expect((result["message"] as? [String: Any])?["text"] is String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] is String)
            #expect(((location["region"] as? [String: Any])?["startLine"] as? Int ?? 0) >= 1)
        }
    }

    @Test func githubFormatIsWorkflowCommands() async throws {
        let run = try await CLI.run(["lint", "Runbooks/", "--format", "github"])
        let lines = run.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("::error file=") || $0.hasPrefix("::warning file=") })
    }

    @Test func aCleanRunbookExitsZero() async throws {
        let dir = try CLI.scratch()
        try CLI.write(dir + "/coldread.yaml", "rotations: {sre: {members: [a]}}\ngroups: {sre: [a]}\ngrants: {\"grafana:read\": [sre]}\n")
        try CLI.write(dir + "/Runbooks/ok.md", "---\nrotation: sre\n---\n# OK\n## Steps\n1. Look. <!-- coldread scopes: [grafana:read] -->\n")
        let run = try await CLI.run(["lint"], in: dir)
        #expect(run.status == 0)
        #expect(run.stdout.contains("1 runbook checked: 0 errors, 0 warnings"))
    }

    @Test func aMalformedRunbookIsALoadErrorAndTheOthersAreStillChecked() async throws {
        let dir = try CLI.scratch()
        try CLI.write(dir + "/coldread.yaml", "rotations: {sre: {members: [a]}}\ngroups: {sre: [a]}\ngrants: {\"x:y\": [sre]}\n")
        try CLI.write(dir + "/Runbooks/a-bad.md", "---\nbudget: [\n---\n# Bad\n")
        try CLI.write(dir + "/Runbooks/b-gap.md", "---\nrotation: sre\n---\n# Gap\n## S\n1. Do. <!-- coldread scopes: [z:z] -->\n")
        let run = try await CLI.run(["lint"], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.contains("Runbooks/a-bad.md:3:1: error: expected valid YAML"))
        #expect(run.stdout.contains("[load-error]"))
        #expect(run.stdout.contains("Runbooks/b-gap.md:6:31: error:") && run.stdout.contains("[unknown-scope]"))
    }

    @Test func missingConfigIsExitTwoWithAHint() async throws {
        let dir = try CLI.scratch()
        let run = try await CLI.run(["lint"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("no coldread.yaml") && run.stderr.contains("coldread init"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func usageErrorsExitTwo() async throws {
        #expect(try await CLI.run(["lint", "--format", "xml"]).status == 2)
        #expect(try await CLI.run(["lint", "--no-such-flag"]).status == 2)
        #expect(try await CLI.run(["lint", "Runbooks/missing.md"]).status == 2)
    }

    @Test func aBrokenDirectoryIsExitTwoNamingTheLine() async throws {
        let dir = try CLI.scratch()
        try CLI.write(dir + "/coldread.yaml", "rotations: {sre: {members: [a]}}\ngrants:\n  x: {a: b}\n")
        let run = try await CLI.run(["lint"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("coldread.yaml:3:6: error: expected a list of groups or members, found a mapping"))
    }

    @Test func initWritesAStarterThatLintsAndRefusesToOverwrite() async throws {
        let dir = try CLI.scratch()
        let first = try await CLI.run(["init"], in: dir)
        #expect(first.status == 0)
        for file in ["coldread.yaml", "Runbooks/payments-errors.md", "Drills/payments-errors.yaml"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/" + file))
        }
        let lint = try await CLI.run(["lint"], in: dir)
        #expect(lint.status == 0)
        #expect(lint.stdout.contains("1 runbook checked: 0 errors"))
        let again = try await CLI.run(["init"], in: dir)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
    }
}

/// Paths and scratch folders for CLI tests; running the binary is `BinaryRunner`'s job.
enum CLI {
    typealias Result = BinaryRunner.Outcome

    static var packageRoot: String { BinaryRunner.packageRoot.path }

    static var binary: String { BinaryRunner.binary.path }

    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) async throws -> Result {
        try await BinaryRunner.run(arguments, in: URL(fileURLWithPath: directory ?? packageRoot), environment: environment)
    }

    /// Runs another program (git, …) quietly and returns its exit status.
    static func runTool(_ path: String, _ arguments: [String], in directory: String) async throws -> Int32 {
        try await ChildProcess.run(path, arguments, in: directory).status
    }

    /// A new empty folder, removed when the test process exits (`ScratchFolders`).
    static func scratch() throws -> String {
        try ScratchFolders.make("coldread-cli")
    }

    static func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
