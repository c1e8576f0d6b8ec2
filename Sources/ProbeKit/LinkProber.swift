import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RunbookKit

/// Probes one URL the way the reader's browser would meet it: redirects followed by hand
/// so every hop is seen and a sign-in is caught before it is followed, the reader's own
/// credentials sent to their own host only, 429 and 5xx retried within the link's
/// deadline, and never more of a body read than a login form needs.
///
/// A class: every link task captures it, and a reference costs one retain where a struct
/// of this many fields cost one per field.
final class LinkProber: Sendable {
    let client: HTTPClient
    let options: ProbeOptions
    let credentials: Credentials
    let detector: SSOWallDetector
    let gate: ConcurrencyGate
    /// Where a routed hostname (sandbox, tests) really lives; other hosts are the world's.
    let routes: [String: HostRoute]
    /// The sandbox's hostnames: probed only through their route, never in the world.
    let sandboxHosts: Set<String>
    /// Which hosts are asked HEAD first and which GET (HTML pages, HEAD refused).
    let habits: HostHabits
    /// Each world host's name lookup, once per run, before any request slot is taken.
    let resolver: HostResolver
    /// Host ports that refused a connection: their other links are not tried again.
    let refusedPorts: RefusedPorts

    init(client: HTTPClient, options: ProbeOptions, credentials: Credentials, detector: SSOWallDetector,
         gate: ConcurrencyGate, routes: [String: HostRoute], sandboxHosts: Set<String>, habits: HostHabits, resolver: HostResolver,
         refusedPorts: RefusedPorts) {
        self.client = client
        self.options = options
        self.credentials = credentials
        self.detector = detector
        self.gate = gate
        self.routes = routes
        self.sandboxHosts = sandboxHosts
        self.habits = habits
        self.resolver = resolver
        self.refusedPorts = refusedPorts
    }

    static let userAgent = "coldread/0.1 (runbook cold-read probe)"

    /// `target` is `url` already split (the job did it once for every step that links it).
    func probe(_ url: String, target: URLParts) async -> LinkEvidence {
        var current = target
        var run = LinkProbeRun(options: options)
        var chain: [Int] = []
        // Filled at the first redirect: most links have none, and need neither the set nor a key.
        var visited: Set<String> = []
        var currentText = url.trimmingWhitespace()
        for hop in 0...options.maxRedirects {
            let ask = habits.ask(current.host)
            let (answer, headWasted) = await run.hop(current, startWithGET: ask == .get) { target, method, linkDeadline in
                await exchange(target, method: method, linkDeadline: linkDeadline)
            }
            if ask != .get { habits.note(current.host, headWasted: headWasted) }
            switch answer {
            case .failed(let outcome, let reason):
                return run.evidence(outcome, chain, currentText, reason: reason)
            case .answered(let status, let headers, let body):
                chain.append(status)
                if (300...399).contains(status) {
                    guard let location = headers.first(name: "location"), !location.isEmpty else {
                        return run.evidence(.serverError, chain, currentText, reason: "HTTP \(status) without a Location")
                    }
                    let (nextText, parts) = Self.resolve(location, against: current)
                    guard let next = parts else {
                        return run.evidence(.unreachable, chain, nextText, reason: "redirected to a location that is not http(s)")
                    }
                    if let wall = detector.redirectWall(from: current, to: next) {
                        return run.evidence(.ssoWall, chain, nextText, reason: wall)
                    }
                    if visited.isEmpty { visited.insert(Self.canonical(current)) }
                    if !visited.insert(Self.canonical(next)).inserted {
                        return run.evidence(.redirectLoop, chain, nextText, reason: "the redirects come back to \(nextText)")
                    }
                    if hop == options.maxRedirects {
                        return run.evidence(.redirectLoop, chain, nextText, reason: "more than \(options.maxRedirects) redirects")
                    }
                    current = next
                    currentText = nextText
                    continue
                }
                var (outcome, reason) = HTTPStatusOutcome.outcome(for: status)
                var scheme: String?
                if status == 401 || status == 407 {
                    let challenge = headers.first(name: status == 401 ? "www-authenticate" : "proxy-authenticate")
                    scheme = challenge.flatMap { $0.split(separator: " ").first.map(String.init) }
                }
                if outcome == .ok, let wall = SSOWallDetector.loginPage(body) {
                    outcome = .ssoWall
                    reason = wall
                }
                var evidence = run.evidence(outcome, chain, currentText, reason: reason)
                evidence.wwwAuthenticate = scheme
                return evidence
            }
        }
        return run.evidence(.redirectLoop, chain, currentText, reason: "more than \(options.maxRedirects) redirects")
    }

    /// One request, holding a slot of the host and of the global pool while it runs. Its
    /// clock starts once it has the slot: time queued behind other probes is not the
    /// server's. A world host is looked up first, outside the slots (`HostResolver`), so
    /// a name that does not resolve never waits for one. Returns the answer and when the
    /// request really started.
    private func exchange(_ target: URLParts, method: HTTPMethod,
                          linkDeadline: ContinuousClock.Instant?) async -> (HopAnswer, ContinuousClock.Instant) {
        if routes[target.host] == nil {
            if sandboxHosts.contains(target.host) {
                return (.failed(.unreachable, "the sandbox server for \(target.host) is not running"), .now)
            }
            if case .unresolvable(let reason) = await resolver.resolve(target.host) {
                return (.failed(.unreachable, reason), .now)
            }
        }
        if let refused = refusal(target) { return (refused, .now) }
        return await gate.withSlot(host: target.host) {
            let start = ContinuousClock.now
            let linkEnd = linkDeadline ?? start + options.linkDeadline
            let deadline = min(start + options.requestTimeout, linkEnd)
            guard start < deadline else { return (.failed(.timeout, "no answer from \(target.host) in time"), start) }
            // Refused while this request waited for its slot: not tried again.
            if let refused = refusal(target) { return (refused, start) }
            var request = HTTPClientRequest(url: "")
            request.method = method
            request.headers.add(name: "User-Agent", value: Self.userAgent)
            request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml,*/*;q=0.8")
            if let routed = routes[target.host] {
                request.url = "http://\(routed.address):\(routed.port)\(target.pathAndQuery)"
                request.headers.add(name: "Host", value: target.port.map { "\(target.host):\($0)" } ?? target.host)
            } else {
                request.url = "\(target.scheme)://\(target.host)\(target.port.map { ":\($0)" } ?? "")\(target.pathAndQuery)"
            }
            if let own = credentials.forHost(target.host, port: target.effectivePort, scheme: target.scheme) {
                for (name, value) in own.headerLines { request.headers.add(name: name, value: value) }
            }
            do {
                let response = try await client.execute(request, deadline: NIODeadline.now() + TimeAmount(deadline - start))
                let status = Int(response.status.code)
                // A HEAD answer has no body to wait for.
                if method == .HEAD { return (.answered(status, response.headers, []), start) }
                let (body, cut) = await StalledBodies.read(response.body, limit: options.bodyLimit, until: deadline)
                // An answer cut short keeps its status, and what came of a page can still
                // show its sign-in form; but a redirect or a retryable status cannot be
                // followed or asked again (this task may no longer ask).
                if cut, (300...399).contains(status) || HTTPStatusOutcome.isRetryable(status) {
                    return (.failed(.timeout, "\(target.host) stopped sending its answer"), start)
                }
                return (.answered(status, response.headers, body), start)
            } catch {
                let (outcome, reason) = NetworkErrorOutcome.classify(error, host: target.host, sent: request.headers)
                if reason == RefusedPorts.reason(target.host) { refusedPorts.note(host: target.host, port: target.effectivePort) }
                return (.failed(outcome, reason), start)
            }
        }
    }

    /// The answer for a host port that already refused a connection in this run.
    private func refusal(_ target: URLParts) -> HopAnswer? {
        guard refusedPorts.contains(host: target.host, port: target.effectivePort) else { return nil }
        return .failed(.unreachable, RefusedPorts.reason(target.host))
    }

    /// The key under which one run probes a URL once: trimmed, without its fragment.
    static func dedupKey(_ url: String) -> String {
        let trimmed = url.trimmingWhitespace()
        // '#' is ASCII, so its first byte is where the fragment starts.
        guard let hash = trimmed.utf8.firstIndex(of: UInt8(ascii: "#")) else { return trimmed }
        return String(trimmed[..<hash])
    }

    /// The key under which a URL counts as already visited in one chain.
    static func canonical(_ url: URLParts) -> String {
        "\(url.scheme)://\(url.host):\(url.effectivePort)\(url.pathAndQuery)"
    }

    /// A Location header made absolute against the URL that sent it, and its parts (nil
    /// when it is not http(s)), split once.
    static func resolve(_ location: String, against base: URLParts) -> (text: String, parts: URLParts?) {
        let location = location.trimmingWhitespace()
        // An absolute http(s) Location (the usual kind) is known by splitting it; only
        // another is searched for "://", which costs several times more.
        if let absolute = URLParts(location) { return (location, absolute) }
        let text = absoluteText(location, against: base)
        return (text, URLParts(text))
    }

    private static func absoluteText(_ location: String, against base: URLParts) -> String {
        let authority = base.host + (base.port.map { ":\($0)" } ?? "")
        if location.utf8.firstRange(of: "://".utf8) != nil { return location }
        if location.hasPrefix("//") { return base.scheme + ":" + location }
        if location.hasPrefix("/") { return "\(base.scheme)://\(authority)\(location)" }
        if location.hasPrefix("?") { return "\(base.scheme)://\(authority)\(base.path)\(location)" }
        let directory = base.path.hasSuffix("/") ? base.path : String(base.path[...(base.path.lastIndex(of: "/") ?? base.path.startIndex)])
        return "\(base.scheme)://\(authority)\(directory)\(location)"
    }
}

/// What one hop (after HEAD/GET fallback and retries) came to.
enum HopAnswer: Sendable {
    case answered(Int, HTTPHeaders, [UInt8])
    case failed(ProbeOutcome, String)
}

/// The clock and retry state of one link probe. The link's deadline starts with its
/// first request, not when it was queued, so a long runbook does not time out links
/// that merely waited their turn.
struct LinkProbeRun {
    let options: ProbeOptions
    private var deadline: ContinuousClock.Instant?
    private var spent: Duration = .zero

    init(options: ProbeOptions) { self.options = options }

    /// Sends one request under the link's deadline (nil before the first request) and
    /// says when it really started.
    typealias Send = (URLParts, HTTPMethod, ContinuousClock.Instant?) async -> (HopAnswer, ContinuousClock.Instant)

    /// HEAD first (unless the host's HEADs are known to be wasted); GET when the server
    /// refuses HEAD (or answers it 403 or 404, as some do), or when a 2xx page is HTML and
    /// only its body can show a sign-in form; 429 and 5xx retried with exponential
    /// back-off that honours Retry-After, as long as the link's deadline allows.
    /// `headWasted` says a HEAD had to be asked again with GET: the host's habit.
    mutating func hop(_ target: URLParts, startWithGET: Bool, send: Send) async -> (answer: HopAnswer, headWasted: Bool) {
        var attempt = 0
        var useGET = startWithGET
        var headWasted = false
        var lastRetryable: HopAnswer?
        while true {
            var answer = await timed(target, useGET ? .GET : .HEAD, send)
            // A retry the deadline cut short still leaves the 429 or 5xx we saw as the answer.
            if let lastRetryable, case .failed(.timeout, _) = answer { return (lastRetryable, headWasted) }
            if !useGET, case .answered(let status, let headers, _) = answer {
                if HTTPStatusOutcome.refusesHead(status) || (200...299).contains(status) && Self.mayBeHTML(headers) {
                    useGET = true
                    headWasted = true
                    answer = await timed(target, .GET, send)
                }
            }
            guard case .answered(let status, let headers, _) = answer, HTTPStatusOutcome.isRetryable(status) else {
                return (answer, headWasted)
            }
            let wait = RetryAfter.delay(headers.first(name: "retry-after")) ?? options.retryBaseDelay * (1 << min(attempt, 10))
            let deadline = linkDeadline
            guard ContinuousClock.now + wait < deadline else { return (answer, headWasted) }
            lastRetryable = answer
            try? await Task.sleep(for: wait)
            spent += wait
            attempt += 1
        }
    }

    private var linkDeadline: ContinuousClock.Instant { deadline ?? ContinuousClock.now + options.linkDeadline }

    private mutating func timed(_ target: URLParts, _ method: HTTPMethod, _ send: Send) async -> HopAnswer {
        let (answer, start) = await send(target, method, deadline)
        if deadline == nil { deadline = start + options.linkDeadline }
        spent += ContinuousClock.now - start
        return answer
    }

    static func mayBeHTML(_ headers: HTTPHeaders) -> Bool {
        guard let type = headers.first(name: "content-type")?.lowercased() else { return true }
        return type.contains("html")
    }

    func evidence(_ outcome: ProbeOutcome, _ chain: [Int], _ finalURL: String, reason: String?) -> LinkEvidence {
        let ms = Int(spent.components.seconds * 1000 + spent.components.attoseconds / 1_000_000_000_000_000)
        return LinkEvidence(outcome: outcome, statusChain: chain, finalURL: finalURL, ms: ms, reason: reason)
    }
}
