import Foundation
import Jobs
import ReportKit
import Testing

/// `HistoryJob` in-process: the runs `coldread history` lists, one runbook's runs matched
/// by path or id, and what it passed over, told to the injected sink instead of stderr.
@Suite("Jobs: history")
struct HistoryJobTests {
    static func project() throws -> ProjectFolder {
        let project = try ProjectFolder(examples: true)
        try project.addRun("20260106T130000Z", at: "2026-01-06T13:00:00Z", clean: false)
        try project.addRun("20260210T130000Z", runbook: "checkout-latency", at: "2026-02-10T13:00:00Z", clean: true)
        try project.addRun("20260211T020000Z", kind: .dryRun, at: "2026-02-11T02:00:00Z", clean: true)
        return project
    }

    @Test func everyRunNewestFirstWithoutARunbook() throws {
        let project = try Self.project()
        let result = try HistoryJob(runbook: nil).run(directory: try project.directory())
        #expect(result.rows.map(\.runId) == ["20260211T020000Z", "20260210T130000Z", "20260106T130000Z"])
        #expect(result.trend == nil)
        #expect(HistoryTable.render(result, format: .text).hasPrefix("DATE"))
    }

    @Test(arguments: ["Runbooks/agent-wrong-answers.md", "agent-wrong-answers"])
    func oneRunbooksRunsAndItsTrend(argument: String) throws {
        let project = try Self.project()
        let result = try HistoryJob(runbook: argument).run(directory: try project.directory())
        #expect(result.rows.map(\.runId) == ["20260211T020000Z", "20260106T130000Z"], "the dry-run checked it too")
        let trend = try #require(result.trend)
        #expect(trend.runbookId == "agent-wrong-answers")
        #expect(trend.drills.map(\.blockedCount) == [1], "dry-runs are not drills")
        #expect(trend.drills.map(\.modeAfter.rawValue) == ["monthly"])
    }

    @Test func aTornLineAndAnUnreadableJournalAreToldToTheSinkAndTheOthersListed() throws {
        let project = try Self.project()
        let torn = project.path("Drills/runs/20260106T130000Z/journal.jsonl")
        let handle = try #require(FileHandle(forWritingAtPath: torn))
        try handle.seekToEnd()
        let tornLine = #"{"version":1,"seq":5,"#
        try handle.write(contentsOf: Data(tornLine.utf8))
        try handle.close()
        try project.write("Drills/runs/20260301T000000Z/journal.jsonl", "not json\n{\"version\":1}\n")
        let warnings = WarningCollector()
        let result = try HistoryJob(runbook: nil, warn: warnings.sink).run(directory: try project.directory())
        #expect(result.rows.count == 3)
        #expect(warnings.lines.count == 2, "\(warnings.lines)")
        #expect(warnings.lines.contains { $0.hasSuffix("20260106T130000Z/journal.jsonl:5:1: warning: skipped a torn last line (\(tornLine.utf8.count) bytes); the run continues from the event before it") }, "\(warnings.lines)")
        #expect(warnings.lines.contains { $0.contains("20260301T000000Z/journal.jsonl:1:1: error: expected a journal event") })
    }

    /// A runbook with no runs yet says so; a name that is neither a runbook nor in any
    /// run's journal is a typo, refused with the ids there are.
    @Test func aTypoIsRefusedWithTheIdsWhereAKnownRunbookWithoutRunsIsNot() async throws {
        let project = try ProjectFolder(examples: true)
        let directory = try project.directory()
        let quiet = try HistoryJob(runbook: "checkout-latency").run(directory: directory)
        #expect(quiet.rows.isEmpty && quiet.trend?.runbookId == "Runbooks/checkout-latency")
        let thrown = await failure { _ = try HistoryJob(runbook: "agent-wrong-answer").run(directory: directory) }
        #expect(thrown?.exitCode == 2)
        #expect(thrown?.lines.first?.contains("found 'agent-wrong-answer' (hint: runbooks under ") == true, "\(thrown?.lines ?? [])")
        #expect(thrown?.lines.first?.contains("agent-wrong-answers") == true)
        try project.addRun("20260106T130000Z", runbook: "retired-runbook", at: "2026-01-06T13:00:00Z", clean: true)
        #expect(try HistoryJob(runbook: "retired-runbook").run(directory: directory).rows.count == 1, "a deleted runbook keeps its history")
    }

    @Test func aBrokenIncidentsFileIsAnInputErrorNamingIt() async throws {
        let project = try Self.project()
        try project.write("Drills/incidents.yaml", "incidents: [{runbook: agent-wrong-answers, date: yesterday}]\n")
        let directory = try project.directory()
        let thrown = await failure { _ = try HistoryJob(runbook: "agent-wrong-answers").run(directory: directory) }
        #expect(thrown?.exitCode == 2)
        #expect(thrown?.lines.first?.contains("incidents.yaml:1:") == true, "\(thrown?.lines ?? [])")
    }
}

/// `report --history RUNBOOK` in-process: the trend as one HTML page, and only as HTML.
@Suite("Jobs: history page")
struct HistoryPageTests {
    @Test func aRunbooksTrendIsOneHTMLPageAndOtherFormatsAreRefused() async throws {
        let project = try HistoryJobTests.project()
        let directory = try project.directory()
        let page = try HistoryJob(runbook: "agent-wrong-answers").page(directory: directory, format: .html)
        #expect(page.contains("<html") && page.contains("agent-wrong-answers"))
        let refused = await failure { _ = try HistoryJob(runbook: "agent-wrong-answers").page(directory: directory, format: .md) }
        #expect(refused?.exitCode == 2)
        #expect(refused?.lines.first?.hasPrefix("coldread report: --history renders html only, found --format md") == true)
    }
}
