import Foundation
import Jobs
import ReportKit
import Testing

/// `ReportRebuild`, `RunbookShow` and `ProjectInit` in-process: the report, the runbook
/// as read and the starter files a user gets, and the exit codes beside them.
@Suite("Jobs: report, show and init")
struct ReportAndShowTests {
    @Test func anUncleanRunRebuildsWithExitOneAndACleanOneWithZero() throws {
        let project = try ProjectFolder(examples: true)
        try project.addRun("20260101T000000Z", at: "2026-01-01T00:00:00Z", clean: true)
        try project.addRun("20260102T000000Z", at: "2026-01-02T00:00:00Z", clean: false)
        let directory = try project.directory()
        let latest = try ReportRebuild(runID: "latest", format: .md).run(directory: directory)
        #expect(latest.runId == "20260102T000000Z")
        #expect(latest.exitCode == 1)
        #expect(latest.text.contains("which cluster?"))
        let clean = try ReportRebuild(runID: "20260101", format: .json).run(directory: directory)
        #expect(clean.exitCode == 0)
        #expect(clean.text.contains("\"clean\""))
    }

    @Test func anUnknownRunNamesTheRunsFolderWithAHint() async throws {
        let project = try ProjectFolder(examples: true)
        let directory = try project.directory()
        let thrown = await failure { _ = try ReportRebuild(runID: "nope", format: .md).run(directory: directory) }
        #expect(thrown?.exitCode == 2)
        let line = try #require(thrown?.lines.first)
        #expect(line.contains("Drills/runs:1:1: error: expected a run id") && line.contains("hint: no runs yet"))
    }

    @Test func showReadsEachStepAndRefusesARunbookThatDoesNotLoad() async throws {
        let project = try ProjectFolder(examples: true)
        let directory = try project.directory()
        let text = try RunbookShow(paths: [project.path("Runbooks/agent-wrong-answers.md")], format: .text).run(directory: directory)
        #expect(text.contains("  rotation: sre-primary") && text.contains("  steps: "))
        let json = try RunbookShow(paths: [project.path("Runbooks")], format: .json).run(directory: directory)
        #expect(json.hasPrefix("{") && json.contains("\"version\""))
        try project.write("Runbooks/bad.md", "---\nbudget: [\n---\n# Bad\n")
        let thrown = await failure { _ = try RunbookShow(paths: [project.path("Runbooks/bad.md")], format: .text).run(directory: directory) }
        #expect(thrown?.exitCode == 2)
        #expect(thrown?.lines.first?.contains("bad.md:3:1: error:") == true)
    }

    /// `init` in a repository that already has runbooks points lint at them, not only
    /// at the example; hidden folders and the example itself are not counted.
    @Test func initInAFolderWithRunbooksNamesTheFolderThatHoldsThem() throws {
        let project = try ProjectFolder()
        try project.write("docs/runbooks/db/failover.md", "# Failover\n\n## Steps\n\n1. Promote the replica.\n")
        try project.write("docs/runbooks/web/restart.md", "# Restart\n\n## Steps\n\n1. Restart it.\n")
        try project.write(".github/PULL_REQUEST_TEMPLATE.md", "# Checklist\n")
        try project.write("README.md", "# Our services\n")
        let next = try ProjectInit(folder: project.root).run { _ in }
        #expect(next == "next: coldread lint Runbooks/ for the example, and coldread lint docs/runbooks for the 2 runbooks already here")
        let empty = try ProjectFolder()
        #expect(try ProjectInit(folder: empty.root + "/").run { _ in } == "next: coldread lint Runbooks/")
    }

    @Test func initWritesTheStarterFilesOnceAndNeverOverwrites() async throws {
        let project = try ProjectFolder()
        var written: [String] = []
        try ProjectInit(folder: project.root).run { written.append($0) }
        #expect(written.count == StarterFiles.all.count)
        #expect(project.read("coldread.yaml") != nil)
        let directory = try project.directory()
        #expect(try await LintRun(paths: [], strict: false, offline: true).run(directory: directory).files >= 1)
        let again = await failure { try ProjectInit(folder: project.root).run { _ in Issue.record("wrote a file twice") } }
        #expect(again?.exitCode == 2)
        #expect(again?.lines.first?.contains("already exists; nothing was written") == true)
    }
}
