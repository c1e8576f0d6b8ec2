import DrillKit
import Foundation
import ReportKit
import Telemetry
import Testing

@Suite struct RunMetricsTests {
    func value(_ points: [MetricPoint], _ name: String, _ labels: [String: String] = [:]) -> Double? {
        points.first { point in point.name == name && labels.allSatisfy { key, value in point.labels[key] == value } }?.value
    }

    @Test func stepsByOutcomeBlockedByReasonAndDurationAgainstBudget() throws {
        let report = try TelemetryFixtures.mixedDrill()
        let points = RunMetrics.points(of: report, drills: [], now: Date())
        let blocked = report.steps.filter { $0.status == .blocked }.count
        #expect(value(points, "coldread.run.steps", ["coldread.step.outcome": "fail"]) == Double(blocked))
        let reasons = BlockedReason.allCases.compactMap { value(points, "coldread.run.blocked_steps", ["coldread.blocked.reason": $0.rawValue]) }
        #expect(reasons.reduce(0, +) == Double(blocked))
        #expect(value(points, "coldread.run.duration") == Double(report.elapsedMs) / 1000)
        #expect(value(points, "coldread.run.budget") == report.budgetMs.map { Double($0) / 1000 })
        #expect(value(points, "coldread.run.clean") == 0)
    }

    @Test func timeSinceTheLastCleanDrillCountsOnlyCleanDrillsOfThatRunbook() throws {
        let report = try TelemetryFixtures.mixedDrill()
        let id = try #require(report.runbook?.id)
        let now = Date(timeIntervalSince1970: 2_000_000)
        let drills = [
            DrillRecord(runId: "1", runbookId: id, kind: .drill, date: Date(timeIntervalSince1970: 1_000_000), clean: true),
            DrillRecord(runId: "2", runbookId: id, kind: .drill, date: Date(timeIntervalSince1970: 1_900_000), clean: false),
            DrillRecord(runId: "3", runbookId: id, kind: .dryRun, date: Date(timeIntervalSince1970: 1_950_000), clean: true),
            DrillRecord(runId: "4", runbookId: "other", kind: .drill, date: Date(timeIntervalSince1970: 1_990_000), clean: true),
        ]
        let points = RunMetrics.points(of: report, drills: drills, now: now)
        #expect(value(points, "coldread.runbook.time_since_clean_drill", ["coldread.runbook.id": id]) == 1_000_000)
        #expect(RunMetrics.points(of: report, drills: [], now: now).allSatisfy { $0.name != "coldread.runbook.time_since_clean_drill" })
    }
}
