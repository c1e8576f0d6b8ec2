import RunbookKit

/// One thing to probe for one step.
enum ProbeJob: Sendable {
    /// `target` is the URL already split: its host is what the per-host bound counts.
    case link(step: Int, url: String, target: URLParts, breakGlass: Bool)
    case scope(step: Step, scope: String, breakGlass: Bool)
    case tool(step: Step, name: String)
    case command(step: Int, argv: [String])
}

/// What a runbook asks to be probed: each step's http(s) links, scopes, tools and
/// declared command checks, plus its break-glass URL (as a link) and break-glass scope
/// (as a scope). Links that are not http(s) (mailto:, relative) are not probed.
///
/// Jobs are listed in reading order (by step, then links, scopes, tools, commands, each
/// as declared, break-glass last): the order `ProbeOrder` gives results, so a result put
/// at its job's place needs no sort.
enum ProbeJobs {
    static func jobs(of runbook: Runbook) -> [ProbeJob] {
        var jobs: [ProbeJob] = []
        for step in runbook.steps {
            var seenURLs = Set<String>()
            for link in step.links {
                guard let parts = URLParts(link.url), seenURLs.insert(link.url).inserted else { continue }
                jobs.append(.link(step: step.index, url: link.url, target: parts, breakGlass: false))
            }
            var seenScopes = Set<String>()
            for scope in step.scopes where seenScopes.insert(scope.name).inserted {
                jobs.append(.scope(step: step, scope: scope.name, breakGlass: false))
            }
            var seenTools = Set<String>()
            for tool in step.tools where seenTools.insert(tool.name).inserted {
                jobs.append(.tool(step: step, name: tool.name))
            }
            for probe in step.probes {
                jobs.append(.command(step: step.index, argv: probe.argv))
            }
            if let breakGlass = step.breakGlass {
                // A break-glass URL the step already links to is probed (and shown) once.
                if let url = breakGlass.url, let parts = URLParts(url), !seenURLs.contains(url) {
                    jobs.append(.link(step: step.index, url: url, target: parts, breakGlass: true))
                }
                if let scope = breakGlass.scope {
                    jobs.append(.scope(step: step, scope: scope.name, breakGlass: true))
                }
            }
        }
        return jobs
    }

    /// Link jobs taken one host at a time in turn (each host's in the order given),
    /// commands first: a runbook whose first hundred links share one dashboard then keeps
    /// every host busy instead of queueing behind that dashboard's per-host limit.
    static func interleavedByHost<Tag>(_ jobs: [(Tag, ProbeJob)]) -> [(Tag, ProbeJob)] {
        var ordered: [(Tag, ProbeJob)] = []
        ordered.reserveCapacity(jobs.count)
        var hostOrder: [String] = []
        var byHost: [String: [(Tag, ProbeJob)]] = [:]
        for entry in jobs {
            guard case .link(_, _, let target, _) = entry.1 else {
                ordered.append(entry)
                continue
            }
            let host = target.host
            if byHost[host] == nil { hostOrder.append(host) }
            byHost[host, default: []].append(entry)
        }
        var round = 0
        while ordered.count < jobs.count {
            for host in hostOrder where round < byHost[host]!.count {
                ordered.append(byHost[host]![round])
            }
            round += 1
        }
        return ordered
    }

    fileprivate static func keys(of jobs: [ProbeJob]) -> [ProbeKey: Int] {
        var rank: [ProbeKey: Int] = [:]
        for (i, job) in jobs.enumerated() where rank[key(job)] == nil {
            rank[key(job)] = i
        }
        return rank
    }

    static func key(_ job: ProbeJob) -> ProbeKey {
        switch job {
        case .link(let step, let url, _, let bg): ProbeKey(step: step, kind: .link, breakGlass: bg, subject: [url])
        case .scope(let step, let scope, let bg): ProbeKey(step: step.index, kind: .scope, breakGlass: bg, subject: [scope])
        case .tool(let step, let name): ProbeKey(step: step.index, kind: .tool, breakGlass: false, subject: [name])
        case .command(let step, let argv): ProbeKey(step: step, kind: .command, breakGlass: false, subject: argv)
        }
    }

    static func key(_ result: ProbeResult) -> ProbeKey {
        let bg = result.breakGlass ?? false
        return switch result.kind {
        case .link: ProbeKey(step: result.step, kind: .link, breakGlass: bg, subject: [result.url ?? ""])
        case .scope: ProbeKey(step: result.step, kind: .scope, breakGlass: bg, subject: [result.scope ?? ""])
        case .tool: ProbeKey(step: result.step, kind: .tool, breakGlass: false, subject: [result.tool ?? ""])
        case .command: ProbeKey(step: result.step, kind: .command, breakGlass: false, subject: result.argv ?? [])
        }
    }
}

/// What one probe is about: a job and its result share a key, so results can be put back
/// in the order their jobs were declared.
struct ProbeKey: Hashable {
    var step: Int
    var kind: ProbeKind
    var breakGlass: Bool
    var subject: [String]
}

/// Results in reading order: by step, then links, scopes, tools, commands, each as
/// declared (break-glass last), so tables and JSON read the same on every run even
/// though probes finish in any order.
public enum ProbeOrder {
    public static func ordered(_ results: [ProbeResult], in runbook: Runbook) -> [ProbeResult] {
        ordered(results, jobs: ProbeJobs.jobs(of: runbook))
    }

    /// The same, for a caller that already has the runbook's jobs.
    static func ordered(_ results: [ProbeResult], jobs: [ProbeJob]) -> [ProbeResult] {
        let rank = ProbeJobs.keys(of: jobs)
        let keyed = results.enumerated().map { (offset: $0.offset, rank: rank[ProbeJobs.key($0.element)] ?? Int.max, result: $0.element) }
        return keyed.sorted { a, b in
            if a.result.step != b.result.step { return a.result.step < b.result.step }
            if a.rank != b.rank { return a.rank < b.rank }
            return a.offset < b.offset
        }.map(\.result)
    }
}
