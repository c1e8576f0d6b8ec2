import DrillKit
import Foundation
import ReportKit
import RunbookKit

/// How a dry-run prints on stdout: a readable summary, or JSON for pipelines.
public enum DryRunFormat: String, Sendable {
    case text, json

    public func render(_ outcome: DryRunResult) -> String {
        switch self {
        case .text: return DryRunText.render(outcome)
        case .json: return DryRunJSON.render(outcome)
        }
    }
}

enum DryRunText {
    static func render(_ outcome: DryRunResult) -> String {
        var lines: [String] = []
        for rb in outcome.summary.runbooks {
            if !rb.loadErrors.isEmpty {
                lines.append("FAIL \(rb.id) (\(rb.path)): does not load [load-error]")
                lines += rb.loadErrors.map { "  " + OneLine.escaped($0.description) }
                continue
            }
            let blocked = rb.blockedSteps
            let lintErrors = rb.lintErrors
            let open = rb.steps.flatMap(\.inconclusive)
            if rb.isClean {
                let unsure = open.isEmpty ? "" : "; \(open.count) not concluded (?)"
                lines.append("ok   \(rb.id) (\(rb.path)): \(rb.steps.count) steps, nothing blocked\(unsure)")
                lines += open.map { "  ? " + DryRunJUnit.describe($0) }
                continue
            }
            var parts: [String] = []
            if !blocked.isEmpty { parts.append("\(blocked.count) blocked step\(blocked.count == 1 ? "" : "s")") }
            if !lintErrors.isEmpty { parts.append("\(lintErrors.count) lint error\(lintErrors.count == 1 ? "" : "s")") }
            lines.append("FAIL \(rb.id) (\(rb.path)): " + parts.joined(separator: ", "))
            for step in blocked {
                lines.append("  step \(step.index) \"\(step.title)\" (\(step.location)):")
                lines += step.blocking.map { "    " + DryRunJUnit.describe($0).replacingOccurrences(of: "step \($0.step) ", with: "") }
            }
            lines += lintErrors.map { "  \($0.location): \(OneLine.escaped($0.message)) [\($0.rule.rawValue)]" }
            lines += open.map { "  ? " + OneLine.escaped(DryRunJUnit.describe($0)) }
        }
        let runbooks = outcome.summary.runbooks
        let failed = runbooks.filter { !$0.isClean }.count
        if let cut = outcome.summary.cutShort { lines.append("stopped early: \(cut); unfinished probes are reported as timeout") }
        lines.append("\(runbooks.count) runbook\(runbooks.count == 1 ? "" : "s") dry-run, \(failed) with rot; journal \(outcome.journalPath)")
        return lines.joined(separator: "\n")
    }
}

enum DryRunJSON {
    struct Document: Encodable {
        var version = 1
        var run_id: String
        var kind = "dry-run"
        var started_at: String
        var clean: Bool
        var stopped_early: String?
        var journal: String
        var reports: [String]
        var runbooks: [RunbookEntry]
    }

    struct RunbookEntry: Encodable {
        var id: String
        var path: String
        var clean: Bool
        var load_errors: [String]
        /// Folded from the journal, which keeps no runbook or step: those members stay out.
        var findings: [FindingJSONEntry]
        var steps: [StepEntry]
    }

    struct StepEntry: Encodable {
        var step: Int
        var title: String
        var line: Int
        var blocked: Bool
        var results: [ProbeResult]
    }

    static func render(_ outcome: DryRunResult) -> String {
        let summary = outcome.summary
        let doc = Document(
            run_id: summary.runId, started_at: summary.startedAt, clean: summary.isClean, stopped_early: summary.cutShort,
            journal: outcome.journalPath, reports: outcome.reportPaths,
            runbooks: summary.runbooks.map { rb in
                RunbookEntry(
                    id: rb.id, path: rb.path, clean: rb.isClean, load_errors: rb.loadErrors.map(\.description),
                    findings: rb.findings.map(FindingJSONEntry.init),
                    steps: rb.steps.map { StepEntry(step: $0.index, title: $0.title, line: $0.location.line, blocked: $0.isBlocked, results: $0.results) })
            })
        return JSONDocument.text(doc) ?? "{}"
    }
}

/// `report.md` and `report.json` beside the dry-run's journal: what `coldread report`
/// rebuilds, byte for byte, from the journal alone.
enum DryRunReportFiles {
    static let names = ["report.md", "report.json"]

    static func paths(in folder: String) -> [String] { names.map { folder + "/" + $0 } }

    static func markdown(_ outcome: DryRunResult) -> String {
        "# ColdRead dry-run \(outcome.summary.runId)\n\n```\n" + DryRunText.render(outcome) + "\n```\n"
    }

    /// Writes both; a file that cannot be written is left out (the journal stays whole,
    /// and `coldread report` rebuilds it).
    static func write(_ outcome: DryRunResult, into folder: String) {
        for (path, text) in zip(paths(in: folder), [markdown(outcome), DryRunJSON.render(outcome) + "\n"]) {
            try? Outbound.write(text, toFile: path)
        }
    }
}
