import DrillKit
import Foundation
import ReportKit
import RunbookKit

/// One span of a run's trace: the run, a runbook, or a step.
public struct TraceSpan: Hashable, Sendable {
    public var name: String
    /// Index of the parent span in the trace; nil for the run.
    public var parent: Int?
    public var start: Date
    public var end: Date
    public var attributes: TelemetryAttributes
    /// A span whose run, runbook or step did not pass.
    public var failed: Bool
    /// One event per probe, at the step's start.
    public var events: [TraceEvent]
}

/// A point inside a span: here, a probe's answer.
public struct TraceEvent: Hashable, Sendable {
    public var name: String
    public var attributes: TelemetryAttributes
}

/// A run as a trace: a span for the run (`cicd.pipeline.*`), one per runbook
/// (`test.suite.*`) and one per step (`test.case.*`), timed from the journal's
/// timestamps: the run starts at its `started` event's wall clock, and each step sits
/// at its place on the run's active clock (paused spans taken out), as the report has it.
public enum RunTrace {
    public static func spans(of report: RunReport) -> [TraceSpan] {
        let start = report.startedAt.flatMap(RFC3339.date) ?? Date(timeIntervalSince1970: 0)
        let end = max(report.finishedAt.flatMap(RFC3339.date) ?? start.addingTimeInterval(Double(report.elapsedMs) / 1000), start)
        var spans = [runSpan(report, start: start, end: end)]
        for (runbookId, ref) in runbooks(of: report) {
            let steps = report.steps.filter { report.kind == .drill || $0.runbookId == runbookId }
            let stepSpans = steps.map { stepSpan($0, kind: report.kind, runStart: start, runEnd: end, parent: spans.count) }
            let suiteStart = stepSpans.map(\.start).min() ?? start
            let suiteEnd = max(stepSpans.map(\.end).max() ?? end, suiteStart)
            spans.append(suiteSpan(runbookId, ref: ref, steps: steps, report: report, start: suiteStart, end: suiteEnd))
            spans += stepSpans
        }
        return spans
    }

    /// The runbooks of a run in order: the drilled one, or every one a dry-run covered
    /// (with any that only its steps name).
    static func runbooks(of report: RunReport) -> [(String, RunbookRef?)] {
        if report.kind == .drill { return [(report.runbook?.id ?? report.runId, report.runbook)] }
        var order: [(String, RunbookRef?)] = report.runbooks.map { ($0.id, $0) }
        for id in report.steps.compactMap(\.runbookId) where !order.contains(where: { $0.0 == id }) {
            order.append((id, nil))
        }
        return order
    }

    private static func runSpan(_ report: RunReport, start: Date, end: Date) -> TraceSpan {
        let pipeline = "coldread \(report.kind.rawValue)"
        var attributes: TelemetryAttributes = [
            "cicd.pipeline.name": .string(pipeline),
            "cicd.pipeline.run.id": .string(report.runId),
            "cicd.pipeline.result": .string(pipelineResult(report)),
            "coldread.run.kind": .string(report.kind.rawValue),
            "coldread.run.clean": .bool(report.clean),
            "coldread.run.finished": .bool(report.finished),
            "coldread.run.elapsed_ms": .int(report.elapsedMs),
            "coldread.run.blocked_steps": .int(report.blockedCount),
        ]
        if let budget = report.budgetMs {
            attributes["coldread.run.budget_ms"] = .int(budget)
            attributes["coldread.run.over_budget"] = .bool(report.overBudget)
        }
        if let reader = report.reader { attributes["coldread.reader"] = .string(reader) }
        if let cold = report.cold { attributes["coldread.cold"] = .bool(cold) }
        if let scenario = report.scenario { attributes["coldread.scenario.id"] = .string(scenario.id) }
        let name = report.kind == .drill ? "\(pipeline) \(report.runbook?.id ?? report.runId)" : pipeline
        return TraceSpan(name: name, parent: nil, start: start, end: end, attributes: attributes, failed: !report.clean, events: [])
    }

    /// `cicd.pipeline.result`: success when clean, failure when not, cancellation for a
    /// run that never finished (paused or killed).
    static func pipelineResult(_ report: RunReport) -> String {
        if !report.finished { return "cancellation" }
        return report.clean ? "success" : "failure"
    }

    private static func suiteSpan(_ id: String, ref: RunbookRef?, steps: [StepReport], report: RunReport,
                                  start: Date, end: Date) -> TraceSpan {
        let verdicts = steps.map { StepVerdict($0, kind: report.kind) }
        let failed = verdicts.contains(.fail)
        let status = failed ? "failure" : !report.finished ? "in_progress" : verdicts.contains(.unknown) ? "skipped" : "success"
        var attributes: TelemetryAttributes = [
            "test.suite.name": .string(id),
            "test.suite.run.status": .string(status),
            "coldread.runbook.id": .string(id),
            "coldread.runbook.steps": .int(steps.count),
        ]
        if let ref {
            attributes["coldread.runbook.path"] = .string(ref.path)
            attributes["coldread.runbook.sha256"] = .string(ref.sha256)
        }
        return TraceSpan(name: "runbook \(id)", parent: 0, start: start, end: end, attributes: attributes, failed: failed, events: [])
    }

    private static func stepSpan(_ step: StepReport, kind: RunKind, runStart: Date, runEnd: Date, parent: Int) -> TraceSpan {
        let start = min(runStart.addingTimeInterval(Double(step.startMs ?? 0) / 1000), runEnd)
        let end = max(start.addingTimeInterval(Double(step.timeMs) / 1000), start)
        let verdict = StepVerdict(step, kind: kind)
        var attributes: TelemetryAttributes = [
            "test.case.name": .string("step \(step.index): \(step.title)"),
            "coldread.step.index": .int(step.index),
            "coldread.step.title": .string(step.title),
            "coldread.step.status": .string(step.status.rawValue),
            "coldread.step.outcome": .string(verdict.rawValue),
        ]
        // The semantic conventions know only pass and fail; unknown is never a pass, so a
        // step that concluded nothing carries no result status, only its outcome.
        if verdict == .pass || verdict == .fail { attributes["test.case.result.status"] = .string(verdict.rawValue) }
        if let runbookId = step.runbookId { attributes["coldread.runbook.id"] = .string(runbookId) }
        if let reason = step.blockedReason { attributes["coldread.blocked.reason"] = .string(reason.rawValue) }
        if let note = step.blockedNote { attributes["coldread.blocked.note"] = .string(note) }
        let outcomes = step.probes.map(\.outcome.rawValue)
        if !outcomes.isEmpty { attributes["coldread.probe.outcomes"] = .strings(outcomes) }
        return TraceSpan(name: "step \(step.index): \(step.title)", parent: parent, start: start, end: end,
                         attributes: attributes, failed: verdict == .fail, events: step.probes.map(probeEvent))
    }

    private static func probeEvent(_ probe: ProbeResult) -> TraceEvent {
        var attributes: TelemetryAttributes = [
            "coldread.probe.kind": .string(probe.kind.rawValue),
            "coldread.probe.outcome": .string(probe.outcome.rawValue),
            "coldread.probe.subject": .string(probe.subject),
        ]
        if let url = probe.url { attributes["url.full"] = .string(url) }
        if let scope = probe.scope { attributes["coldread.scope"] = .string(scope) }
        if let missing = probe.missingMembers, !missing.isEmpty { attributes["coldread.scope.missing_members"] = .strings(missing) }
        if let chain = probe.statusChain, let last = chain.last { attributes["http.response.status_code"] = .int(last) }
        if let ms = probe.ms { attributes["coldread.probe.ms"] = .int(ms) }
        return TraceEvent(name: "probe \(probe.kind.rawValue)", attributes: attributes)
    }
}
