import DrillKit
import Foundation
import RunbookKit

/// The report as JSON (`"version": 1`, snake_case), for other tools. Keys are sorted so
/// the output is stable and diffs stay small.
public enum JSONReport {
    public static func render(_ report: RunReport) -> String {
        (JSONDocument.text(Document(report: report), snakeCaseKeys: true) ?? "{\"version\":1}") + "\n"
    }

    private struct Document: Encodable {
        var report: RunReport

        enum CodingKeys: String, CodingKey {
            case version, runId, kind, runbook, runbookTitle, runbooks, scenario, reader, cold, startedAt, finishedAt
            case finished, clean, blockedCount, elapsedMs, budgetMs, overBudget, steps, injects, roadmap
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(1, forKey: .version)
            try c.encode(report.runId, forKey: .runId)
            try c.encode(report.kind, forKey: .kind)
            try c.encode(report.runbook, forKey: .runbook)
            try c.encode(report.runbookTitle, forKey: .runbookTitle)
            try c.encode(report.runbooks, forKey: .runbooks)
            try c.encode(report.scenario, forKey: .scenario)
            try c.encode(report.reader, forKey: .reader)
            try c.encode(report.cold, forKey: .cold)
            try c.encode(report.startedAt, forKey: .startedAt)
            try c.encode(report.finishedAt, forKey: .finishedAt)
            try c.encode(report.finished, forKey: .finished)
            try c.encode(report.clean, forKey: .clean)
            try c.encode(report.blockedCount, forKey: .blockedCount)
            try c.encode(report.elapsedMs, forKey: .elapsedMs)
            try c.encode(report.budgetMs, forKey: .budgetMs)
            try c.encode(report.overBudget, forKey: .overBudget)
            try c.encode(report.steps, forKey: .steps)
            try c.encode(report.injects, forKey: .injects)
            try c.encode(report.roadmap, forKey: .roadmap)
        }
    }
}
