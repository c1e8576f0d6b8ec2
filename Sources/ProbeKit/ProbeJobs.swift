import RunbookKit

/// One thing to probe for one step.
enum ProbeJob: Sendable {
    case link(step: Int, url: String, breakGlass: Bool)
    case scope(step: Step, scope: String, breakGlass: Bool)
    case tool(step: Step, name: String)
    case command(step: Int, argv: [String])
}

/// What a runbook asks to be probed: each step's http(s) links, scopes, tools and
/// declared command checks, plus its break-glass URL (as a link) and break-glass scope
/// (as a scope). Links that are not http(s) (mailto:, relative) are not probed.
enum ProbeJobs {
    static func jobs(of runbook: Runbook) -> [ProbeJob] {
        var jobs: [ProbeJob] = []
        for step in runbook.steps {
            var seenURLs = Set<String>()
            for link in step.links where URLParts(link.url) != nil && seenURLs.insert(link.url).inserted {
                jobs.append(.link(step: step.index, url: link.url, breakGlass: false))
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
                if let url = breakGlass.url, URLParts(url) != nil {
                    jobs.append(.link(step: step.index, url: url, breakGlass: true))
                }
                if let scope = breakGlass.scope {
                    jobs.append(.scope(step: step, scope: scope.name, breakGlass: true))
                }
            }
        }
        return jobs
    }

    fileprivate static func keys(of runbook: Runbook) -> [String: Int] {
        var rank: [String: Int] = [:]
        for (i, job) in jobs(of: runbook).enumerated() {
            rank[key(job)] = rank[key(job)] ?? i
        }
        return rank
    }

    fileprivate static func key(_ job: ProbeJob) -> String {
        switch job {
        case .link(let step, let url, let bg): return "\(step)|link|\(bg)|\(url)"
        case .scope(let step, let scope, let bg): return "\(step.index)|scope|\(bg)|\(scope)"
        case .tool(let step, let name): return "\(step.index)|tool|false|\(name)"
        case .command(let step, let argv): return "\(step)|command|false|\(argv.joined(separator: "\u{0}"))"
        }
    }

    fileprivate static func key(_ result: ProbeResult) -> String {
        let bg = result.breakGlass ?? false
        switch result.kind {
        case .link: return "\(result.step)|link|\(bg)|\(result.url ?? "")"
        case .scope: return "\(result.step)|scope|\(bg)|\(result.scope ?? "")"
        case .tool: return "\(result.step)|tool|false|\(result.tool ?? "")"
        case .command: return "\(result.step)|command|false|\((result.argv ?? []).joined(separator: "\u{0}"))"
        }
    }
}

/// Results in reading order: by step, then links, scopes, tools, commands, each as
/// declared (break-glass last), so tables and JSON read the same on every run even
/// though probes finish in any order.
public enum ProbeOrder {
    public static func ordered(_ results: [ProbeResult], in runbook: Runbook) -> [ProbeResult] {
        let rank = ProbeJobs.keys(of: runbook)
        let keyed = results.enumerated().map { (offset: $0.offset, rank: rank[ProbeJobs.key($0.element)] ?? Int.max, result: $0.element) }
        return keyed.sorted { a, b in
            if a.result.step != b.result.step { return a.result.step < b.result.step }
            if a.rank != b.rank { return a.rank < b.rank }
            return a.offset < b.offset
        }.map(\.result)
    }
}
