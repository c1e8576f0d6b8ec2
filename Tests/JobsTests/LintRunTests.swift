import Jobs
import ReportKit
import Testing

/// `LintRun` in-process: the findings and exit code `coldread lint` prints.
@Suite("Jobs: lint run")
struct LintRunTests {
    @Test func theExamplesShowTheirScopeGapsAndExitOne() async throws {
        let project = try ProjectFolder(examples: true)
        let outcome = try await LintRun(paths: [], strict: false, offline: true).run(directory: try project.directory())
        #expect(outcome.files == 2)
        #expect(outcome.exitCode == 1)
        let gaps = outcome.findings.filter { $0.rule == .scopeNotHeld }
        #expect(gaps.contains { $0.location.file.hasSuffix("Runbooks/agent-wrong-answers.md") && $0.location.line == 28 })
        #expect(outcome.usedRotations.contains("sre-primary"))
    }

    @Test func aRunbookThatDoesNotLoadIsAFindingAndTheOthersAreStillChecked() async throws {
        let project = try ProjectFolder()
        try project.write("coldread.yaml", "rotations: {sre: {members: [a]}}\ngroups: {sre: [a]}\ngrants: {\"x:y\": [sre]}\n")
        try project.write("Runbooks/a-bad.md", "---\nbudget: [\n---\n# Bad\n")
        try project.write("Runbooks/b-gap.md", "---\nrotation: sre\n---\n# Gap\n## S\n1. Do. <!-- coldread scopes: [z:z] -->\n")
        let outcome = try await LintRun(paths: [], strict: false, offline: true).run(directory: try project.directory())
        let load = try #require(outcome.findings.first { $0.rule == .loadError })
        #expect(load.location.file.hasSuffix("Runbooks/a-bad.md") && load.location.line == 3)
        let unknown = try #require(outcome.findings.first { $0.rule == .unknownScope })
        #expect(unknown.location.line == 6 && unknown.location.column == 31)
        #expect(outcome.exitCode == 1)
    }

    @Test func aCleanRunbookExitsZero() async throws {
        let project = try ProjectFolder()
        try project.write("coldread.yaml", "rotations: {sre: {members: [a]}}\ngroups: {sre: [a]}\ngrants: {\"grafana:read\": [sre]}\n")
        try project.write("Runbooks/ok.md", "---\nrotation: sre\n---\n# OK\n## Steps\n1. Look. <!-- coldread scopes: [grafana:read] -->\n")
        let outcome = try await LintRun(paths: [], strict: false, offline: true).run(directory: try project.directory())
        #expect(outcome.findings.isEmpty)
        #expect(outcome.exitCode == 0)
    }

    @Test func aMissingPathIsAnInputErrorWithExitTwo() async throws {
        let project = try ProjectFolder(examples: true)
        let directory = try project.directory()
        let thrown = await failure { _ = try await LintRun(paths: [project.path("Runbooks/missing.md")], strict: false, offline: true).run(directory: directory) }
        #expect(thrown?.exitCode == 2)
        #expect(thrown?.lines.count == 1)
    }

    /// A folder with no runbook in it (a wrong path in CI) is not a clean lint: nothing
    /// would have been checked.
    @Test func aFolderWithNoRunbookIsAnInputErrorNotAPass() async throws {
        let project = try ProjectFolder(examples: true)
        try project.write("docs/notes.txt", "not a runbook\n")
        let directory = try project.directory()
        let thrown = await failure { _ = try await LintRun(paths: [project.path("docs")], strict: false, offline: true).run(directory: directory) }
        #expect(thrown?.exitCode == 2)
        #expect(thrown?.lines == ["coldread lint: no runbooks found in \(project.path("docs")) (hint: runbooks are .md files, or .yaml files with steps:)"])
    }
}
