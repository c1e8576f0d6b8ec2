import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import RunbookKit
import Synchronization

/// One run's probes: every step's links, scopes, tools and command checks, checked as the
/// reader. A session owns the HTTP client, the concurrency bounds and, when the scenario
/// has one, the sandbox server; every URL and every command is probed once per session
/// and all steps that need it share the answer.
///
/// Call `start()` before probing (it starts the sandbox), and `shutdown()` at the end.
public actor ProbeSession {
    private let access: any AccessOracle
    private let options: ProbeOptions
    private let credentials: Credentials
    private let client: HTTPClient
    private let gate: ConcurrencyGate
    private let detector: SSOWallDetector
    private let tools: ToolProber
    private let sandboxServer: SandboxServer?
    /// Hosts the sandbox answers for: never sent to the world, even before it runs.
    private let sandboxHosts: Set<String>
    /// Sandbox hosts that open for some people only (`opens_for`): they are asked as the
    /// reader (the person cookie), and their answers are kept per person.
    private let personalHosts: Set<String>
    private var routes: [String: HostRoute]
    /// The one start-up of this session; later callers wait for the same one.
    private var startup: Task<Void, any Error>?
    private var isShutDown = false
    private let links = OnceCache<String, LinkEvidence>(answerStands: StalledBodies.answerStands)
    private let habits = HostHabits()
    private let resolver = HostResolver()
    private let refusedPorts = RefusedPorts()
    private let stalledBodies = StalledBodies()
    private let commands = OnceCache<[String], ProbeResult>()
    private let repositoryLinks = RepositoryLinkCheck()
    /// `docs_base_url`: where site-relative links are probed.
    let docsBase: String?

    /// - Parameters:
    ///   - access: who holds what (the directory, or live providers over it).
    ///   - directory: the access directory, for the SSO login hosts.
    ///   - sandbox: the scenario's sandbox, served on loopback by `start()`; nil for real drills.
    ///   - credentials: the reader's own credentials, each sent only to its own host.
    ///   - routes: extra hostname → loopback address routes (tests, benchmarks). Nothing
    ///     but these and the sandbox's hosts is ever routed.
    public init(access: any AccessOracle, directory: Directory, sandbox: Sandbox?, credentials: Credentials,
                options: ProbeOptions = ProbeOptions(), routes: [String: HostRoute] = [:]) {
        self.access = access
        self.options = options
        self.credentials = credentials
        docsBase = directory.docsBaseURL
        self.routes = Dictionary(routes.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        detector = SSOWallDetector(loginHosts: directory.ssoLoginHosts)
        gate = ConcurrencyGate(maxConcurrency: options.maxConcurrency, hostConcurrency: options.hostConcurrency)
        tools = ToolProber(searchPath: options.searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                           workspaceRoot: URL(fileURLWithPath: directory.path).deletingLastPathComponent().path)
        if let sandbox, !sandbox.services.isEmpty {
            let people = sandbox.peopleLetIn(groups: directory.groups)
            sandboxServer = SandboxServer(
                services: sandbox.services,
                loginHost: directory.ssoLoginHosts.first ?? "login.sandbox.invalid",
                slowDelay: options.requestTimeout + .seconds(2), opensFor: people)
            sandboxHosts = Set(sandbox.services.keys.map { $0.lowercased() })
            personalHosts = Set(people.keys)
        } else {
            sandboxServer = nil
            sandboxHosts = []
            personalHosts = []
        }
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        // No read timeout: its timer per request cost a tenth of a run's CPU. The request's
        // deadline bounds the wait for the head, and `StalledBodies` the body.
        configuration.timeout = .init(connect: TimeAmount(options.requestTimeout), read: nil)
        configuration.connectionPool = .init(idleTimeout: .seconds(60),
                                             concurrentHTTP1ConnectionsPerHostSoftLimit: options.hostConcurrency)
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.decompression = .disabled
        // No tracing spans: a probe run is not a traced service, and a span per request
        // costs more than the loopback request itself.
        configuration.tracing.tracer = nil
        client = HTTPClient(eventLoopGroupProvider: .shared(MultiThreadedEventLoopGroup.singleton), configuration: configuration)
    }

    /// Starts the sandbox server when there is one and routes its hostnames to it.
    public func start() async throws {
        if let startup { return try await startup.value }
        let task = Task { try await self.startSandbox() }
        startup = task
        try await task.value
    }

    private func startSandbox() async throws {
        if let sandboxServer {
            routes.merge(try await sandboxServer.startRouting(sandboxHosts)) { _, sandbox in sandbox }
        }
    }

    /// Stops the sandbox and the HTTP client. The session cannot probe afterwards.
    public func shutdown() async {
        guard !isShutDown else { return }
        isShutDown = true
        await sandboxServer?.stop()
        try? await client.shutdown()
        await resolver.shutdown()
    }

    /// Probes every step of `runbooks` as `audience`: the one way in for `probe`, the drill
    /// and the dry-run. One crew and one bound for the whole run, whatever the runbook
    /// boundaries (see `ProbeOptions`); each runbook's results stream in its reading order
    /// (`ProbeRunEvent`). URLs and commands already answered in this session are not asked
    /// again. Cancelling the reader's task (or dropping the stream) ends the run.
    public nonisolated func run(_ runbooks: [Runbook], as audience: ProbeAudience) -> AsyncStream<ProbeRunEvent> {
        let (stream, continuation) = AsyncStream<ProbeRunEvent>.makeStream()
        let task = Task {
            let jobs = ProbeJobs.jobs(ofAll: runbooks, docsBase: self.docsBase)
            let release = ReadingOrderRelease(jobCounts: jobs.map(\.count), continuation: continuation)
            await self.run(runbooks, jobs: jobs, audience) { place, result in release.put(result, at: place) }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Probes one step of `runbook` again (a drill's `r`): that step's URLs (and their
    /// hosts' name lookups) and commands are forgotten first, so they are asked of the world
    /// anew, and its scopes and tools are asked again as every run asks them; every other
    /// answer of the session is kept. Streams as `run` does, with the runbook as index 0.
    public nonisolated func reprobe(step: Int, of runbook: Runbook, as audience: ProbeAudience) -> AsyncStream<ProbeRunEvent> {
        var single = runbook
        single.steps = runbook.steps.filter { $0.index == step }
        if step != ProbeResult.briefingStep { single.briefing = [] }
        for job in ProbeJobs.jobs(of: single, docsBase: docsBase) {
            switch job {
            case .link(_, _, let target, _):
                links.remove(linkKeys(for: audience).key(target))
                for person in askedAs(target, step: step, of: runbook, audience: audience) {
                    links.remove(LinkKeys(person: person, personalHosts: personalHosts).key(target))
                }
                resolver.forget(target.parts.host)
                refusedPorts.forget(host: target.parts.host)
            case .command(_, let argv):
                commands.remove(argv)
            case .scope, .tool, .localLink:
                continue
            }
        }
        return run([single], as: audience)
    }

    /// Scopes, tools and repository links are answered at once; links and commands wait
    /// on the network or a child process, so the run's crew takes them in turn: the gate
    /// would hold any more in flight anyway, and a task per link cost memory and
    /// task-group bookkeeping for every link.
    private func answerAtOnce(_ runbooks: [Runbook], jobs: [[ProbeJob]], _ audience: ProbeAudience,
                              _ sink: (JobPlace, ProbeResult) -> Void) {
        let scopes = ScopeProber(access: access)
        for (index, runbook) in runbooks.enumerated() {
            for (jobIndex, job) in jobs[index].enumerated() {
                let place = JobPlace(runbook: index, job: jobIndex)
                switch job {
                case .link, .command:
                    continue
                case .scope(let step, let scope, let breakGlass):
                    var result = scopes.probe(scope: scope, step: step, runbook: runbook, audience: audience)
                    result.breakGlass = breakGlass ? true : nil
                    sink(place, result)
                case .tool(let step, let name):
                    sink(place, tools.probe(tool: name, step: step.index, runbookPath: runbook.path))
                case .localLink(let step, let link, let breakGlass):
                    var result = repositoryLinks.check(link, step: step)
                        ?? ProbeResult(kind: .link, step: step, outcome: .unchecked, url: link.url)
                    result.breakGlass = breakGlass ? true : nil
                    sink(place, result)
                }
            }
        }
    }

    /// Probes `runbooks` (whose jobs are `jobs`), handing each result to `sink` with its
    /// job's place, in the order they complete.
    func run(_ runbooks: [Runbook], jobs: [[ProbeJob]], _ audience: ProbeAudience,
                     _ sink: @escaping @Sendable (JobPlace, ProbeResult) -> Void) async {
        // A sandbox that cannot start leaves its hosts unreachable, never routed to the world.
        try? await start()
        let keys = linkKeys(for: audience)
        let asked = keys.person.map { credentials.actingAs($0, onSandboxHosts: personalHosts) } ?? credentials
        let prober = linkProber(credentials: asked)
        let readers = RotationReaders(runbooks: runbooks, audience: audience, personalHosts: personalHosts, access: access,
                                      prober: linkProber, credentials: credentials)
        let network = NetworkProbes(links: prober, commands: CommandProber(options: options, tools: tools),
                                    linkCache: links, linkKeys: keys, commandCache: commands, rotationReaders: readers)
        answerAtOnce(runbooks, jobs: jobs, audience, sink)
        // A fixed crew of workers, each taking the next job until none is left (or the run
        // is cancelled): no task is created, or woken for, per link. Its size serves the
        // one bound (`ProbeOptions.maxConcurrency`), never sets another: see `crewSize`.
        let queue = JobQueue(jobs, order: ProbeJobs.workOrder(jobs))
        links.reserveCapacity(queue.count)
        let workers = min(options.crewSize, queue.count)
        let stalledBodies = stalledBodies
        await withTaskGroup(of: Void.self) { group in
            func addWorker() { group.addTask { await stalledBodies.crewMember { await network.work(through: queue, sink) } } }
            for _ in 0..<workers { addWorker() }
            // A worker leaves early only when `StalledBodies` cancelled it to end a stalled
            // read; another takes its place while jobs are left and the run goes on.
            for await _ in group where !Task.isCancelled && !queue.isEmpty { addWorker() }
        }
    }
}

extension ProbeSession {
    /// The members a run as a rotation asks `target` as (`RotationReaders`); none otherwise.
    private nonisolated func askedAs(_ target: WebTarget, step: Int, of runbook: Runbook, audience: ProbeAudience) -> [String] {
        guard case .rotation(let named) = audience, personalHosts.contains(target.parts.host) else { return [] }
        let stepRotation = runbook.steps.first { $0.index == step }?.rotation
        return (try? RotationReaders.members(stepRotation: stepRotation, of: runbook, named: named, access: access).get()) ?? []
    }

    /// A prober of this session's links that sends `credentials`.
    private func linkProber(credentials: Credentials) -> LinkProber {
        LinkProber(client: client, options: options, credentials: credentials, detector: detector, gate: gate,
                   routes: routes, sandboxHosts: sandboxHosts, habits: habits, resolver: resolver, refusedPorts: refusedPorts)
    }

    private nonisolated func linkKeys(for audience: ProbeAudience) -> LinkKeys {
        LinkKeys(person: personalHosts.isEmpty ? nil : audience.sandboxPerson, personalHosts: personalHosts)
    }
}

/// A link's key in the session's cache: its address, and for a sandbox host that opens
/// for some people only, the person asked too, so one reader's answer is never served
/// to another.
struct LinkKeys: Sendable {
    let person: String?
    let personalHosts: Set<String>

    func key(_ target: WebTarget) -> String {
        guard personalHosts.contains(target.parts.host) else { return target.key }
        return (person ?? "") + "\u{1F}" + target.key
    }
}

/// The jobs that wait on the network or a child process, answered once each per session:
/// a link or argv met again is served from the session's caches.
private struct NetworkProbes: Sendable {
    let links: LinkProber
    let commands: CommandProber
    let linkCache: OnceCache<String, LinkEvidence>
    let linkKeys: LinkKeys
    let commandCache: OnceCache<[String], ProbeResult>
    /// Set for a run as a rotation whose sandbox opens some hosts for some people only.
    let rotationReaders: RotationReaders?

    /// One worker of the crew: takes the next job until none is left or the run is cancelled.
    func work(through queue: JobQueue, _ sink: @Sendable (JobPlace, ProbeResult) -> Void) async {
        while !Task.isCancelled, let (place, job) = queue.next() {
            if let result = await answer(job, runbook: place.runbook) { sink(place, result) }
        }
    }

    /// The job's result, or nil for a job answered at once (scopes, tools, local links).
    /// `runbook` is the index of the job's runbook in the run.
    func answer(_ job: ProbeJob, runbook: Int) async -> ProbeResult? {
        switch job {
        case .link(let step, let url, let target, let breakGlass):
            let evidence: LinkEvidence
            if let readers = rotationReaders, let people = readers.askedAs(target, runbook: runbook, step: step) {
                evidence = await readers.evidence(target, as: people, cache: linkCache)
            } else {
                evidence = await linkCache.value(for: linkKeys.key(target)) { await links.probe(target.address, target: target.parts) }
            }
            var result = evidence.result(step: step, url: url)
            result.breakGlass = breakGlass ? true : nil
            return result
        case .command(let step, let argv):
            var result = await commandCache.value(for: argv) { await commands.probe(argv: argv, step: step) }
            result.step = step
            return result
        case .scope, .tool, .localLink:
            return nil
        }
    }
}

/// The jobs of a run, handed out one at a time, in `order`, to whichever worker asks.
final class JobQueue: Sendable {
    private let jobs: [[ProbeJob]]
    private let order: [JobPlace]
    private let nextIndex = Mutex(0)

    init(_ jobs: [[ProbeJob]], order: [JobPlace]) {
        self.jobs = jobs
        self.order = order
    }

    var count: Int { order.count }

    var isEmpty: Bool { nextIndex.withLock { $0 >= order.count } }

    func next() -> (place: JobPlace, job: ProbeJob)? {
        let index = nextIndex.withLock { next -> Int in
            defer { next += 1 }
            return next
        }
        guard index < order.count else { return nil }
        let place = order[index]
        return (place, jobs[place.runbook][place.job])
    }
}
