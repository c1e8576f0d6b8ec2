import RunbookKit

/// What a run still owes when it stops early (a dry-run's deadline, SIGTERM): one
/// `timeout` result for every probe that never answered, so an unfinished check is never
/// mistaken for a passing one.
public enum ProbePlan {
    /// How many results probing `runbook` yields: one per link, scope, tool and command
    /// check of each step, each counted once per step.
    public static func count(of runbook: Runbook) -> Int { ProbeJobs.jobs(of: runbook).count }

    public static func unfinished(_ runbook: Runbook, received: [ProbeResult], reason: String) -> [ProbeResult] {
        let answered = Set(received.map(ProbeJobs.key))
        var seen = Set<ProbeKey>()
        return ProbeJobs.jobs(of: runbook).compactMap { job in
            let key = ProbeJobs.key(job)
            guard !answered.contains(key), seen.insert(key).inserted else { return nil }
            switch job {
            case .link(let step, let url, _, let breakGlass):
                return ProbeResult(kind: .link, step: step, outcome: .timeout, url: url, statusChain: [], reason: reason, breakGlass: breakGlass ? true : nil)
            case .localLink(let step, let link, let breakGlass):
                return ProbeResult(kind: .link, step: step, outcome: .timeout, url: link.url, reason: reason, breakGlass: breakGlass ? true : nil)
            case .scope(let step, let scope, let breakGlass):
                return ProbeResult(kind: .scope, step: step.index, outcome: .timeout, scope: scope, reason: reason, breakGlass: breakGlass ? true : nil)
            case .tool(let step, let name):
                return ProbeResult(kind: .tool, step: step.index, outcome: .timeout, tool: name, reason: reason)
            case .command(let step, let argv):
                return ProbeResult(kind: .command, step: step, outcome: .timeout, argv: argv, reason: reason)
            }
        }
    }
}
