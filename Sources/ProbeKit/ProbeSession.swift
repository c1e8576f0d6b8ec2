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
    private var routes: [String: HostRoute]
    /// The one start-up of this session; later callers wait for the same one.
    private var startup: Task<Void, any Error>?
    private var isShutDown = false
    private let links = OnceCache<String, LinkEvidence>()
    private let habits = HostHabits()
    private let resolver = HostResolver()
    private let commands = OnceCache<[String], ProbeResult>()
    private let repositoryLinks = RepositoryLinkCheck()
    /// `docs_base_url`: where site-relative links are probed.
    private let docsBase: String?

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
            sandboxServer = SandboxServer(
                services: sandbox.services,
                loginHost: directory.ssoLoginHosts.first ?? "login.sandbox.invalid",
                slowDelay: options.requestTimeout + .seconds(2))
            sandboxHosts = Set(sandbox.services.keys.map { $0.lowercased() })
        } else {
            sandboxServer = nil
            sandboxHosts = []
        }
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        // The read timeout bounds every wait for bytes, so a body that stalls mid-way
        // ends within a request timeout.
        configuration.timeout = .init(connect: TimeAmount(options.requestTimeout), read: TimeAmount(options.requestTimeout))
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
            let port = try await sandboxServer.start()
            let downPort = await sandboxServer.downPort
            for host in sandboxHosts {
                let down = sandboxServer.services[host] == .down && downPort > 0
                routes[host] = HostRoute(address: "127.0.0.1", port: down ? downPort : port)
            }
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

    /// Forgets every answer, so the next `probe` asks the world again (a drill's re-probe).
    public func forgetResults() async {
        links.removeAll()
        commands.removeAll()
    }

    /// Probes every step of `runbook` as `audience`. Results arrive as they complete, in
    /// no fixed order; the stream ends when all are in.
    public nonisolated func probe(_ runbook: Runbook, as audience: ProbeAudience) -> AsyncStream<ProbeResult> {
        let (stream, continuation) = AsyncStream<ProbeResult>.makeStream()
        let task = Task {
            await self.run([runbook], jobs: [ProbeJobs.jobs(of: runbook, docsBase: self.docsBase)], audience) { _, result in continuation.yield(result) }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Every result of `probe`, ordered by step and then as declared.
    public func probeAll(_ runbook: Runbook, as audience: ProbeAudience) async -> [ProbeResult] {
        await probeAll([runbook], as: audience)[0]
    }

    /// Every result for each of `runbooks`, each runbook's ordered by step and then as
    /// declared. One run for all of them, so the session's bounds, not the runbook
    /// boundaries, pace it; and collected without a stream, since nobody watches the
    /// results arrive.
    /// `answered` is told how many results are in after each one (for a progress line).
    public func probeAll(_ runbooks: [Runbook], as audience: ProbeAudience,
                         answered: (@Sendable (Int) -> Void)? = nil) async -> [[ProbeResult]] {
        let jobs = ProbeJobs.jobs(ofAll: runbooks, docsBase: docsBase)
        // Each result goes to its job's place: jobs are listed in reading order, so the
        // filled places are the ordered results, with no sort after the run.
        let all = Mutex<(results: [[ProbeResult?]], count: Int)>((jobs.map { Array(repeating: nil, count: $0.count) }, 0))
        await run(runbooks, jobs: jobs, audience) { place, result in
            let count = all.withLock { all in
                all.results[place.runbook][place.job] = result
                all.count += 1
                return all.count
            }
            answered?(count)
        }
        return all.withLock { $0.results }.map { $0.compactMap { $0 } }
    }

    /// Probes `runbooks` (whose jobs are `jobs`), handing each result to `sink` with its
    /// job's place.
    private func run(_ runbooks: [Runbook], jobs: [[ProbeJob]], _ audience: ProbeAudience,
                     _ sink: @escaping @Sendable (JobPlace, ProbeResult) -> Void) async {
        // A sandbox that cannot start leaves its hosts unreachable, never routed to the world.
        try? await start()
        let prober = LinkProber(client: client, options: options, credentials: credentials, detector: detector, gate: gate,
                                routes: routes, sandboxHosts: sandboxHosts, habits: habits, resolver: resolver)
        let scopes = ScopeProber(access: access)
        let commandProber = CommandProber(options: options, tools: tools)
        let tools = self.tools
        let repositoryLinks = self.repositoryLinks
        let docsBase = self.docsBase
        let links = self.links
        let commands = self.commands
        // Scopes and tools are answered at once; links and commands wait on the network
        // or a child process, so a crew of worker tasks takes them in turn (below): the
        // gate would hold any more in flight anyway, and a task per link cost memory and
        // task-group bookkeeping for every link.
        for (index, runbook) in runbooks.enumerated() {
            let list = jobs[index]
            for jobIndex in list.indices {
                let place = JobPlace(runbook: index, job: jobIndex)
                switch list[jobIndex] {
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
        // A fixed crew of workers, each taking the next job until none is left (or the run
        // is cancelled): no task is created, or woken for, per link.
        let queue = JobQueue(jobs, order: ProbeJobs.workOrder(jobs))
        let workers = min(options.maxConcurrency + options.hostConcurrency, queue.count)
        await withDiscardingTaskGroup { group in
            for _ in 0..<workers {
                group.addTask {
                    while !Task.isCancelled, let (place, job) = queue.next() {
                        switch job {
                        case .link(let step, let url, let target, let breakGlass):
                            let address = LinkReference.webAddress(url, docsBase: docsBase) ?? url
                            let evidence = await links.value(for: LinkProber.dedupKey(address)) { await prober.probe(address, target: target) }
                            var result = evidence.result(step: step, url: url)
                            result.breakGlass = breakGlass ? true : nil
                            sink(place, result)
                        case .command(let step, let argv):
                            var result = await commands.value(for: argv) { await commandProber.probe(argv: argv, step: step) }
                            result.step = step
                            sink(place, result)
                        case .scope, .tool, .localLink:
                            break
                        }
                    }
                }
            }
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
