import DrillKit
import Foundation
import RunbookKit

/// The minimal drill report written when a drill finishes: `report.md` for people and
/// `report.json` for tools, beside the journal. Both come from the journal's fold, so
/// `coldread report` can rebuild them (richer) from the same journal later.
enum DrillReportFiles {
    struct Document: Encodable {
        var version = 1
        var runId: String
        var runbook: RunbookRef
        var scenario: ScenarioRef?
        var reader: String
        var cold: Bool
        var clean: Bool
        var blocked: Int
        var elapsedMs: Int
        var budgetMs: Int?
        var overBudgetMs: Int
        var steps: [StepEntry]

        enum CodingKeys: String, CodingKey {
            case version, runbook, scenario, reader, cold, clean, blocked, steps
            case runId = "run_id", elapsedMs = "elapsed_ms", budgetMs = "budget_ms", overBudgetMs = "over_budget_ms"
        }
    }

    struct StepEntry: Encodable {
        var step: Int
        var title: String
        var status: String
        var ms: Int?
        var reason: BlockedReason?
        var note: String?
        var notes: [String]
        var probeResults: [ProbeResult]

        enum CodingKeys: String, CodingKey {
            case step, title, status, ms, reason, note, notes
            case probeResults = "probe_results"
        }
    }

    static func document(_ state: DrillState) -> Document {
        let context = state.context
        let progress = state.progress
        let steps = context.runbook.steps.map { step -> StepEntry in
            var entry = StepEntry(step: step.index, title: step.title, status: "pending",
                                  ms: progress.stepMs(step.index, now: state.nowMs),
                                  notes: progress.notes.filter { $0.step == step.index }.map(\.text),
                                  probeResults: progress.results(forStep: step.index))
            switch progress.steps[step.index - 1].outcome {
            case .pending: entry.status = "pending"
            case .done: entry.status = "done"
            case .skipped: entry.status = "skipped"
            case .blocked(let reason, let note):
                entry.status = "blocked"
                entry.reason = reason
                entry.note = note
            }
            return entry
        }
        return Document(
            runId: context.runId,
            runbook: RunbookRef(id: context.runbook.id, path: context.runbook.path, sha256: context.runbook.sha256),
            scenario: context.scenario.map { ScenarioRef(id: $0.id, path: $0.path) },
            reader: context.reader, cold: context.cold, clean: progress.isClean, blocked: progress.blockedSteps.count,
            elapsedMs: state.elapsedMs, budgetMs: context.budgetMs, overBudgetMs: state.overBudgetMs, steps: steps)
    }

    static func markdown(_ document: Document) -> String {
        func time(_ ms: Int?) -> String { ms.map { formatDuration(seconds: $0 / 1000) } ?? "-" }
        var lines = ["# Drill \(document.runId)", ""]
        lines.append("- Runbook: \(document.runbook.id) (`\(document.runbook.path)`)")
        if let scenario = document.scenario { lines.append("- Scenario: \(scenario.id) (`\(scenario.path)`)") }
        lines.append("- Reader: \(document.reader)" + (document.cold ? " (cold read)" : " (not a cold read: in the owner team)"))
        lines.append("- Result: " + (document.clean ? "clean" : "not clean, \(document.blocked) blocked"))
        var total = "- Total: \(time(document.elapsedMs))"
        if let budget = document.budgetMs {
            total += " against a budget of \(time(budget))"
            if document.overBudgetMs > 0 { total += ", over by \(time(document.overBudgetMs))" }
        }
        lines += [total, "", "| step | title | status | time | reason | note |", "|---|---|---|---|---|---|"]
        for step in document.steps {
            let cells = [String(step.step), step.title, step.status, time(step.ms), step.reason?.label ?? "", step.note ?? ""]
            lines.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
        }
        let probes = document.steps.flatMap(\.probeResults).filter { $0.outcome.blocks }
        if !probes.isEmpty {
            lines += ["", "## Probe findings", ""]
            for result in probes { lines.append("- Step \(result.step): \(result.kind.rawValue) `\(result.subject)`: \(result.outcome.rawValue)") }
        }
        let notes = document.steps.flatMap { step in step.notes.map { "- Step \(step.step): \($0)" } }
        if !notes.isEmpty { lines += ["", "## Notes", ""] + notes }
        return lines.joined(separator: "\n") + "\n"
    }

    static func write(_ state: DrillState) throws {
        let document = document(state)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let json = try encoder.encode(document)
        try FileManager.default.createDirectory(atPath: state.context.runFolder, withIntermediateDirectories: true)
        try Data(markdown(document).utf8).write(to: URL(fileURLWithPath: state.context.reportMarkdownPath), options: .atomic)
        try (json + Data("\n".utf8)).write(to: URL(fileURLWithPath: state.context.reportJSONPath), options: .atomic)
    }
}
