import Dispatch
import RunbookKit
import Synchronization

/// One thing to probe for one step.
enum ProbeJob: Sendable {
    /// `target` is the URL as the run probes it, worked out once when the job is made.
    case link(step: Int, url: String, target: WebTarget, breakGlass: Bool)
    /// A link checked without the network: in the repository, in the page, or a
    /// site-relative one with no `docs_base_url` (`RepositoryLinkCheck`).
    case localLink(step: Int, link: Link, breakGlass: Bool)
    case scope(step: Step, scope: String, breakGlass: Bool)
    case tool(step: Step, name: String)
    case command(step: Int, argv: [String])
}

/// What a runbook asks to be probed: the briefing's links (as step 0), each step's
/// links, scopes, tools and declared command checks, plus its break-glass URL (as a link) and break-glass scope (as a
/// scope). http(s) links, and site-relative ones when `docs_base_url` is set, go over
/// HTTP; relative and in-page links are checked in the repository; other schemes
/// (mailto:) are not probed.
///
/// Jobs are listed in reading order (by step, then links, scopes, tools, commands, each
/// as declared, break-glass last): the order `ProbeOrder` gives results, so a result put
/// at its job's place needs no sort.
enum ProbeJobs {
    /// The jobs of each runbook, built on every core: a run of thousands of links waits
    /// for them before its first request.
    static func jobs(ofAll runbooks: [Runbook], docsBase: String? = nil) -> [[ProbeJob]] {
        guard runbooks.count > 1 else { return runbooks.map { jobs(of: $0, docsBase: docsBase) } }
        let built = Mutex([[ProbeJob]](repeating: [], count: runbooks.count))
        DispatchQueue.concurrentPerform(iterations: runbooks.count) { i in
            let list = jobs(of: runbooks[i], docsBase: docsBase)
            built.withLock { $0[i] = list }
        }
        return built.withLock { $0 }
    }

    /// The same job list whatever `docsBase` is (it only decides whether a site-relative
    /// link goes over HTTP), so counts and orders need not know it.
    static func jobs(of runbook: Runbook, docsBase: String? = nil) -> [ProbeJob] {
        var jobs: [ProbeJob] = []
        jobs.reserveCapacity(runbook.steps.count)
        // The briefing's links (step 0) are read before the first step: each once.
        var briefingURLs = Set<String>()
        for link in runbook.briefing.flatMap(\.links) where briefingURLs.insert(link.url).inserted {
            if let job = linkJob(link, step: ProbeResult.briefingStep, breakGlass: false, docsBase: docsBase) { jobs.append(job) }
        }
        for step in runbook.steps {
            // A step that names one URL, scope or tool twice has it probed (and shown) once.
            let links = step.links
            var seenURLs = Set<String>()
            for i in links.indices where isFirst(links, at: i, seen: &seenURLs, key: \.url) {
                if let job = linkJob(links[i], step: step.index, breakGlass: false, docsBase: docsBase) { jobs.append(job) }
            }
            let scopes = step.scopes
            var seenScopes = Set<String>()
            for i in scopes.indices where isFirst(scopes, at: i, seen: &seenScopes, key: \.name) {
                jobs.append(.scope(step: step, scope: scopes[i].name, breakGlass: false))
            }
            let tools = step.tools
            var seenTools = Set<String>()
            for i in tools.indices where isFirst(tools, at: i, seen: &seenTools, key: \.name) {
                jobs.append(.tool(step: step, name: tools[i].name))
            }
            for probe in step.probes {
                jobs.append(.command(step: step.index, argv: probe.argv))
            }
            if let breakGlass = step.breakGlass {
                // A break-glass URL the step already links to is probed (and shown) once.
                if let url = breakGlass.url, !links.contains(where: { $0.url == url }),
                   let job = linkJob(Link(title: url, url: url, location: breakGlass.location), step: step.index, breakGlass: true, docsBase: docsBase) {
                    jobs.append(job)
                }
                if let scope = breakGlass.scope {
                    jobs.append(.scope(step: step, scope: scope.name, breakGlass: true))
                }
            }
        }
        return jobs
    }

    /// The job that checks `link`: over HTTP for a web link (or a site-relative one with
    /// a docs base), in the repository otherwise; nil for what no probe opens (mailto:).
    private static func linkJob(_ link: Link, step: Int, breakGlass: Bool, docsBase: String?) -> ProbeJob? {
        let reference = LinkReference(link.url)
        // The reference already split a web link's address; it is the one probed when the
        // link's text has no white space around it (else the address is split as written).
        if case .web(let parts) = reference, link.url.trimmingWhitespace().utf8.count == link.url.utf8.count {
            let address = link.url.hasPrefix("//") ? "https:" + link.url : link.url
            return .link(step: step, url: link.url, target: WebTarget(address: address, parts: parts), breakGlass: breakGlass)
        }
        if let address = LinkReference.webAddress(link.url, docsBase: docsBase), let parts = URLParts(address) {
            return .link(step: step, url: link.url, target: WebTarget(address: address, parts: parts), breakGlass: breakGlass)
        }
        if case .other = reference { return nil }
        return .localLink(step: step, link: link, breakGlass: breakGlass)
    }

    /// Whether `items[i]` is the first with its key: a look back over the handful of items
    /// a step holds, a Set (kept in `seen`) once there are many, as a generated step can
    /// have; either way no Set is built for the common step.
    private static func isFirst<T>(_ items: [T], at i: Int, seen: inout Set<String>, key: (T) -> String) -> Bool {
        guard items.count > 16 else {
            let wanted = key(items[i])
            return !items[..<i].contains { key($0) == wanted }
        }
        return seen.insert(key(items[i])).inserted
    }

    /// The places of the jobs that wait (links and commands) in the order workers take
    /// them: commands first, then links one host at a time in turn (each host's in the
    /// order given), so a runbook whose first hundred links share one dashboard keeps
    /// every host busy instead of queueing behind that dashboard's per-host limit.
    /// Places, not jobs: ten thousand links are ordered without copying one.
    static func workOrder(_ jobs: [[ProbeJob]]) -> [JobPlace] {
        var order: [JobPlace] = []
        var hostIndex: [String: Int] = [:]
        var byHost: [[JobPlace]] = []
        for (runbook, list) in jobs.enumerated() {
            for index in list.indices {
                switch list[index] {
                case .command:
                    order.append(JobPlace(runbook: runbook, job: index))
                case .link(_, _, let target, _):
                    let slot: Int
                    if let known = hostIndex[target.parts.host] {
                        slot = known
                    } else {
                        slot = byHost.count
                        hostIndex[target.parts.host] = slot
                        byHost.append([])
                    }
                    byHost[slot].append(JobPlace(runbook: runbook, job: index))
                case .scope, .tool, .localLink:
                    continue
                }
            }
        }
        let total = order.count + byHost.reduce(0) { $0 + $1.count }
        order.reserveCapacity(total)
        var round = 0
        while order.count < total {
            for host in byHost.indices where round < byHost[host].count {
                order.append(byHost[host][round])
            }
            round += 1
        }
        return order
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
        case .localLink(let step, let link, let bg): ProbeKey(step: step, kind: .link, breakGlass: bg, subject: [link.url])
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

/// A web link as a run probes it, worked out once per job: reading each link's reference
/// again when a worker took its job was 4% of a 10,000-link run's own (non-HTTP) work.
struct WebTarget: Sendable {
    /// The absolute http(s) address probed (a site-relative link under `docs_base_url`).
    let address: String
    /// The key under which one run probes the address once (`LinkProber.dedupKey`).
    let key: String
    /// `address` split: its host is what the per-host bound counts.
    let parts: URLParts

    init(address: String, parts: URLParts) {
        self.address = address
        self.parts = parts
        key = LinkProber.dedupKey(address)
    }
}

/// Where a job is: its runbook and its index among that runbook's jobs, which is also
/// where its result goes.
struct JobPlace: Sendable {
    var runbook: Int
    var job: Int
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
