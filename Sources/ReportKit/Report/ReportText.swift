import DrillKit
import RunbookKit

/// Words and numbers every renderer shares, so the formats say the same thing: the
/// reports, and the terminal's review of a run.
public enum ReportText {
    public static func duration(ms: Int) -> String { formatDuration(seconds: (ms + 500) / 1000) }

    public static func status(_ status: StepStatus) -> String {
        switch status {
        case .done: return "done"
        case .blocked: return "blocked"
        case .skipped: return "skipped"
        case .inProgress: return "in progress"
        case .notReached: return "not reached"
        }
    }

    static func title(_ report: RunReport) -> String {
        let what = report.kind == .drill ? "Drill report" : "Dry-run report"
        let name = report.runbookTitle ?? report.runbook?.id ?? (report.runbooks.isEmpty ? report.runId : "\(report.runbooks.count) runbooks")
        return "\(what): \(name)"
    }

    static func result(_ report: RunReport) -> String {
        let blocked = report.blockedCount
        let state = report.finished ? "" : " (run not finished)"
        if report.clean { return "clean\(state)" }
        return "not clean: \(blocked) blocked step\(blocked == 1 ? "" : "s")\(state)"
    }

    static func time(_ report: RunReport) -> String {
        let spent = duration(ms: report.elapsedMs)
        guard let budget = report.budgetMs else { return "\(spent) (no budget)" }
        let verdict = report.overBudget ? "over budget by \(duration(ms: report.elapsedMs - budget))" : "within budget"
        return "\(spent) of \(duration(ms: budget)) budget (\(verdict))"
    }

    static func cold(_ report: RunReport) -> String {
        switch report.cold {
        case true?: return "cold read"
        case false?: return "not a cold read (reader is on the owner team)"
        case nil: return "not recorded"
        }
    }


    static func stepLabel(_ step: Int, runbookId: String?) -> String {
        runbookId.map { "\($0) step \(step)" } ?? "Step \(step)"
    }

    /// One line of evidence per probe: outcome plus what shows it.
    public static func evidence(_ probe: ProbeResult) -> String {
        var parts = ["\(probe.kind.rawValue) \(probe.subject): \(probe.outcome.rawValue)"]
        if let chain = probe.statusChain, !chain.isEmpty { parts.append("status " + chain.map(String.init).joined(separator: " → ")) }
        if let final = probe.finalURL, final != probe.url { parts.append("ended at \(final)") }
        if let ms = probe.ms { parts.append("\(ms) ms") }
        if let missing = probe.missingMembers, !missing.isEmpty { parts.append("lacking: " + missing.joined(separator: ", ")) }
        if let path = probe.path { parts.append(path) }
        if let code = probe.exitCode { parts.append("exit \(code)") }
        if let tail = probe.stderrTail, !tail.isEmpty { parts.append("stderr: " + tail) }
        if let reason = probe.reason, !reason.isEmpty { parts.append(reason) }
        return parts.joined(separator: "; ")
    }
}
