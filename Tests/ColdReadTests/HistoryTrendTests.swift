import DrillKit
import Foundation
import Jobs
import RunbookKit
import Testing

/// `coldread history RUNBOOK` as a trend (issue #18, deliverable 3), over hand-made
/// journals: clean, not clean, clean, clean. The cadence goes quarterly → monthly →
/// monthly → quarterly (two clean drills in a row bring it back).
@Suite struct HistoryTrendTests {
    static let dates = ["2026-01-06T13:00:00Z", "2026-02-03T13:00:00Z", "2026-03-03T13:00:00Z", "2026-04-07T13:00:00Z"]
    static let cleanness = [true, false, true, true]

    static func runs() -> [String: String] {
        var runs: [String: String] = [:]
        for (date, clean) in zip(dates, cleanness) {
            let runId = date.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            runs[runId] = FacilitatorProject.journal(runId: runId, at: date, clean: clean)
        }
        runs["20260210T020000Z"] = FacilitatorProject.journal(runId: "20260210T020000Z", kind: "dry-run", at: "2026-02-10T02:00:00Z", clean: false)
        return runs
    }

    static func journals() throws -> [[JournalEvent]] {
        try runs().values.map { try JournalReader.decode(Data($0.utf8), path: "journal.jsonl").events }
    }

    static let policy = try! DirectoryLoader.parse("rotations: {}\n", file: "coldread.yaml").cadence

    @Test func theTrendShowsBlockedStepsTimeAndTheModeAfterEachDrill() throws {
        let result = HistoryJob.fold(journals: try Self.journals(), runbookId: "agent-wrong-answers", policy: Self.policy)
        let trend = try #require(result.trend)
        #expect(trend.drills.map(\.blockedCount) == [0, 1, 0, 0], "dry-runs are not drills")
        #expect(trend.drills.map(\.modeAfter) == [.quarterly, .monthly, .monthly, .quarterly])
        #expect(trend.drills[1].blockedSteps == [1])
        #expect(trend.drills.allSatisfy { $0.budgetMs == 600_000 && $0.reader == "ben" && $0.cold == true })
        #expect(result.rows.map(\.runId).first == "20260407T130000Z", "rows are newest first")
        let text = HistoryTable.render(result, format: .text)
        #expect(text.contains("blocked  ▁█▁▁  0 1 0 0"))
        #expect(text.contains("mode     quarterly → monthly → monthly → quarterly"))
        #expect(text.contains("1m01s / 10m00s"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(HistoryTable.render(result, format: .json).utf8)) as? [String: Any])
        let jsonTrend = try #require(json["trend"] as? [String: Any])
        #expect(jsonTrend["mode_after"] as? [String] == ["quarterly", "monthly", "monthly", "quarterly"])
        #expect(jsonTrend["blocked"] as? [Int] == [0, 1, 0, 0])
    }

    @Test func theCommandAndTheHTMLReportShowTheSameTrend() async throws {
        let project = try FacilitatorProject(runs: Self.runs())
        defer { project.remove() }
        let text = try await project.run("history", "Runbooks/agent-wrong-answers.md")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("mode     quarterly → monthly → monthly → quarterly"))
        #expect(text.stdout.contains("BLOCKED STEPS"))
        let html = try await project.run("report", "--history", "Runbooks/agent-wrong-answers.md", "--format", "html")
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("<svg"))
        #expect(html.stdout.components(separatedBy: "<rect class=\"blocked\"").count - 1 == 4)
        #expect(html.stdout.components(separatedBy: "<td class=\"blocked\"").count - 1 == 1, "one step blocked in one drill")
        #expect(html.stdout.contains("Mode now: <strong>quarterly</strong>"))
        let refused = try await project.run("report", "--history", "Runbooks/agent-wrong-answers.md", "--format", "md")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--history renders html only"))
    }
}
