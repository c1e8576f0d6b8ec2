import Foundation
import Jobs
import Testing

/// What `schedule` and `report` pass over without failing is told to the job's sink (the
/// command passes stderr), and the rest of the result stands.
@Suite("Jobs: warnings told to the sink")
struct JobWarningTests {
    @Test func theScheduleTellsABrokenRunbookAndABadJournalAndStillListsEveryRunbook() throws {
        let project = try ProjectFolder(examples: true)
        try project.write("Runbooks/broken.md", "---\nowner: [sre\n---\n# Broken\n\n## Steps\n\n1. Do it.\n")
        try project.write("Drills/runs/20260301T000000Z/journal.jsonl", "not json\n{\"version\":1}\n")
        let warnings = WarningCollector()
        let schedule = try ScheduleListing(asOf: "2026-03-04", warn: warnings.sink).run(directory: try project.directory())
        #expect(schedule.rows.contains { $0.status.runbookId == "Runbooks/broken" }, "a broken runbook is due all the more")
        #expect(warnings.lines.contains { $0.contains("Runbooks/broken.md:3:1: error: expected valid YAML") }, "\(warnings.lines)")
        #expect(warnings.lines.contains { $0.contains("20260301T000000Z/journal.jsonl:1:1: error: expected a journal event") }, "\(warnings.lines)")
    }

    @Test func aReportRebuiltFromATornJournalTellsTheTornLine() throws {
        let project = try ProjectFolder(examples: true)
        try project.addRun("20260101T000000Z", at: "2026-01-01T00:00:00Z", clean: true)
        let handle = try #require(FileHandle(forWritingAtPath: project.path("Drills/runs/20260101T000000Z/journal.jsonl")))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"version":1,"#.utf8))
        try handle.close()
        let warnings = WarningCollector()
        let rebuilt = try ReportRebuild(runID: "latest", format: .md, warn: warnings.sink).run(directory: try project.directory())
        #expect(rebuilt.exitCode == 0)
        #expect(warnings.lines.count == 1)
        #expect(warnings.lines.first?.contains("journal.jsonl:5:1: warning: skipped a torn last line") == true, "\(warnings.lines)")
    }

    @Test func aYAMLFileWithoutStepsIsToldOnceByLintAndShow() async throws {
        let project = try ProjectFolder(examples: true)
        try project.write("Runbooks/values.yaml", "replicas: 3\n")
        let directory = try project.directory()
        let lint = WarningCollector()
        let linted = try await LintRun(paths: [], strict: false, offline: true, warn: lint.sink).run(directory: directory)
        #expect(linted.files == 2, "the YAML file is passed over, not linted")
        let show = WarningCollector()
        _ = try RunbookShow(paths: [project.path("Runbooks")], format: .text, warn: show.sink).run(directory: directory)
        for collected in [lint, show] {
            #expect(collected.lines.count == 1, "\(collected.lines)")
            #expect(collected.lines.first?.hasPrefix("coldread: skipped 1 YAML file without steps: under ") == true, "\(collected.lines)")
            #expect(collected.lines.first?.contains("Runbooks/ (hint: a YAML runbook has a top-level steps: list") == true, "\(collected.lines)")
        }
    }
}
