import Foundation
import Testing

/// Bad numbers, bad flags and bad files fed to the real binary: each is one error line
/// (plus at most a hint line) naming what and where, exit 2, never a trap or a usage dump.
@Suite struct InputLimitTests {
    /// A project with one clean runbook and a scenario for it; `scenario` replaces the
    /// scenario's extra lines.
    func project(runbook: String = Self.runbook, scenario: String = "") throws -> String {
        let dir = try CLI.scratch()
        try CLI.write(dir + "/coldread.yaml", "rotations: {sre: {members: [ana]}}\ngroups: {sre: [ana]}\ngrants: {\"dash:read\": [sre]}\n")
        try CLI.write(dir + "/Runbooks/rb.md", runbook)
        try CLI.write(dir + "/Drills/s.yaml", "id: s\nrunbook: ../Runbooks/rb.md\n" + scenario)
        return dir
    }

    static let runbook = "---\nrotation: sre\n---\n# RB\n\n## Steps\n\n1. Look. <!-- coldread scopes: [dash:read] -->\n2. Look again. <!-- coldread scopes: [dash:read] -->\n"

    /// The error lines of a run: one line, or one line and a `hint:` line.
    func expectOneLineError(_ run: CLI.Result, _ needle: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = run.stderr.split(separator: "\n")
        #expect(run.status == 2, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(lines.count == 1 || (lines.count == 2 && lines[1].hasPrefix("hint: ")), "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.contains(needle) == true, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(!run.stderr.contains("Usage:") && !run.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ["dry-run", "--timeout", "1e20"], ["dry-run", "--timeout", "inf"], ["dry-run", "--timeout", "nan"],
        ["dry-run", "--timeout", "-1"], ["dry-run", "--timeout", "0"], ["probe", "Runbooks/rb.md", "--timeout", "1e20"],
        ["dry-run", "--max-concurrency", "9223372036854775807"], ["probe", "Runbooks/rb.md", "--host-concurrency", "0"],
    ])
    func anOutOfRangeProbeFlagIsAUsageError(_ arguments: [String]) async throws {
        let run = try await CLI.run(arguments, in: try project())
        expectOneLineError(run, "coldread \(arguments[0]): error: ")
        #expect(run.stderr.contains(arguments[arguments.count - 2].dropFirst(2)))
        #expect(run.stderr.contains("hint: see `coldread \(arguments[0]) --help`"))
    }

    @Test(arguments: ["99999999999999999999d", "9999999999999h", "31d"])
    func aDeadlineOverThirtyDaysIsRefused(_ deadline: String) async throws {
        let run = try await CLI.run(["dry-run", "--deadline", deadline], in: try project())
        expectOneLineError(run, "--deadline \(deadline) is over the limit of 30 days")
    }

    @Test func aHugeBudgetIsALoadErrorInLintAndDryRunNotATrap() async throws {
        let dir = try project(runbook: Self.runbook.replacingOccurrences(of: "rotation: sre", with: "rotation: sre\nbudget: 9999999999999h"))
        let lint = try await CLI.run(["lint", "Runbooks/rb.md"], in: dir)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("Runbooks/rb.md:3:9: error:"))
        #expect(lint.stdout.contains("budget 9999999999999h is over the limit of 30 days"))
        let dryRun = try await CLI.run(["dry-run", "Runbooks/rb.md"], in: dir)
        #expect(dryRun.status == 1)
        #expect(dryRun.stdout.contains("over the limit of 30 days"))
    }

    @Test func aHugeScenarioBudgetOrInjectTimeStopsTheDrillWithOneLinePerError() async throws {
        let dir = try project(scenario: "budget: 9999999999999h\ninjects:\n  - {at: 99999999999999999999m, text: hi}\n")
        let run = try await CLI.run(["drill", "Runbooks/rb.md", "--scenario", "Drills/s.yaml"], in: dir)
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 2, "\(run.stderr)")
        #expect(lines.first?.hasPrefix("Drills/s.yaml:3:9: error:") == true)
        #expect(lines.last?.contains("inject time 99999999999999999999m is over the limit of 30 days") == true)
    }

    @Test(arguments: [
        ("injects:\n  - {at_step: 999, text: hi}\n", "Drills/s.yaml:4:15: error: expected at_step: a step from 1 to 2"),
        ("expect: {resolved_by_step: 999}\n", "Drills/s.yaml:3:28: error: expected resolved_by_step: a step from 1 to 2"),
        ("clock: \"25:99\"\n", "Drills/s.yaml:3:8: error: expected a simulated clock such as \"02:17\""),
        ("injects:\n  - {at_step: 0, text: hi}\n", "Drills/s.yaml:4:15: error: expected at_step from 1"),
    ])
    func aScenarioNamingStepsOrTimesThatCannotBeIsRefused(_ lines: String, _ error: String) async throws {
        let run = try await CLI.run(["drill", "Runbooks/rb.md", "--scenario", "Drills/s.yaml"], in: try project(scenario: lines))
        expectOneLineError(run, error)
    }

    @Test func aDuplicateYAMLKeyIsOneLineAtTheRepeatedKey() async throws {
        let dir = try project(runbook: "---\nrotation: sre\nowner: a\nowner: b\n---\n# RB\n\n## Steps\n\n1. Look.\n")
        let lint = try await CLI.run(["lint", "Runbooks/rb.md"], in: dir)
        #expect(lint.status == 1)
        let findings = lint.stdout.split(separator: "\n").filter { $0.contains("[load-error]") }
        #expect(findings == ["Runbooks/rb.md:4:1: error: expected each key once in a mapping, found 'owner' a second time (hint: remove the repeated key or merge the two values) [load-error]"])
        let scenario = try await CLI.run(["drill", "Runbooks/rb.md", "--scenario", "Drills/s.yaml"], in: try project(scenario: "budget: 5m\nbudget: 6m\n"))
        expectOneLineError(scenario, "Drills/s.yaml:4:1: error: expected each key once in a mapping, found 'budget' a second time")
    }

    @Test func aMissingConfigFileNamesTheFlagNotScenarios() async throws {
        let run = try await CLI.run(["lint", "--config", "/nonexistent-coldread.yaml"], in: try project())
        expectOneLineError(run, "/nonexistent-coldread.yaml:1:1: error: expected a readable file at /nonexistent-coldread.yaml, found no such file")
        #expect(run.stderr.contains("--config"))
        #expect(!run.stderr.contains("scenario"))
    }

    @Test func aSymlinkLoopInALintFolderIsNamedAsOne() async throws {
        let dir = try project()
        #expect(symlink("loop.md", dir + "/Runbooks/loop.md") == 0)
        let run = try await CLI.run(["lint", "Runbooks"], in: dir)
        #expect(run.status == 1)
        let line = try #require(run.stdout.split(separator: "\n").first { $0.contains("loop.md") })
        #expect(line.contains("a symlink loop"))
        #expect(!run.stdout.contains("scenario"))
    }

    @Test(arguments: [["drill"], ["lint", "--format"], ["dry-run", "--no-such-flag"], ["report", "a", "b"]])
    func anArgumentErrorIsOneLineAndAHint(_ arguments: [String]) async throws {
        let run = try await CLI.run(arguments, in: try project())
        let lines = run.stderr.split(separator: "\n")
        #expect(run.status == 2)
        #expect(lines.count == 2, "\(run.stderr)")
        #expect(lines.first?.hasPrefix("coldread \(arguments[0]): error: ") == true)
        #expect(lines.last == "hint: see `coldread \(arguments[0]) --help`")
    }

    @Test func aScopeWithANewlineCannotForgeALintFinding() async throws {
        let forged = "Runbooks/other.md:1:1: error: forged finding [scope-not-held]"
        let runbook = "---\nrotation: sre\n---\n# RB\n\n## Steps\n\n1. Look.\n   <!-- coldread\n   scopes: [\"x\\n\(forged)\\u001B[2J\"]\n   -->\n"
        let run = try await CLI.run(["lint", "Runbooks/rb.md"], in: try project(runbook: runbook))
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("Runbooks/other.md") })
        #expect(!run.stdout.contains("\u{1B}"))
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("Runbooks/rb.md:") })
        #expect(run.stdout.contains("x\\n" + forged + "\\u{1B}[2J"))
    }
}
