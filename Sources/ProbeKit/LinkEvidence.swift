import RunbookKit

/// What probing one URL found: the outcome and the evidence a reader or a facilitator
/// needs to believe it (every hop's status, where the chain ended, how long it took).
/// One URL is probed once per run; every step that links to it shares this.
public struct LinkEvidence: Sendable, Hashable {
    public var outcome: ProbeOutcome
    /// The status of every hop, redirects included, in order.
    public var statusChain: [Int]
    /// Where the chain ended: the last URL requested, or the sign-in a redirect pointed at.
    public var finalURL: String
    /// Time spent talking to servers and waiting out their back-off, not time queued
    /// behind other probes.
    public var ms: Int
    /// The auth scheme of a 401 (`Bearer`, `Basic`, `Negotiate`, …).
    public var wwwAuthenticate: String?
    /// Words for what happened (which login host, which network error, …).
    public var reason: String?

    public init(outcome: ProbeOutcome, statusChain: [Int], finalURL: String, ms: Int,
                wwwAuthenticate: String? = nil, reason: String? = nil) {
        self.outcome = outcome
        self.statusChain = statusChain
        self.finalURL = finalURL
        self.ms = ms
        self.wwwAuthenticate = wwwAuthenticate
        self.reason = reason
    }

    /// This evidence as the result of one step's link. Links that differ only in their
    /// `#fragment` share one probe; where no redirect moved it, each keeps its own spelling
    /// as the final URL, so a result never depends on which spelling was probed first
    /// (nor on which runbooks share the run: a shard and a whole run agree).
    public func result(step: Int, url: String) -> ProbeResult {
        // Most links end where they started: equal text needs no keys made.
        let final = finalURL == url || LinkProber.dedupKey(finalURL) == LinkProber.dedupKey(url) ? url : finalURL
        return ProbeResult(kind: .link, step: step, outcome: outcome, url: url, statusChain: statusChain,
                           finalURL: final, ms: ms, wwwAuthenticate: wwwAuthenticate, reason: reason)
    }
}

/// The link outcome DESIGN.md gives each final HTTP status.
enum HTTPStatusOutcome {
    static func outcome(for status: Int) -> (ProbeOutcome, String?) {
        switch status {
        case 200...299: return (.ok, nil)
        case 401, 407: return (.unauthorized, nil)
        case 403, 451: return (.forbidden, nil)
        case 404, 410: return (.notFound, nil)
        case 408: return (.timeout, "the server timed the request out (HTTP 408)")
        case 429: return (.rateLimited, "still rate limited when the link's deadline ran out")
        case 400...499: return (.notFound, "the server rejects the link (HTTP \(status))")
        case 500...599: return (.serverError, nil)
        default: return (.serverError, "unexpected HTTP \(status)")
        }
    }

    /// 429 and 5xx are worth another try, except 501: the server will never do it.
    static func isRetryable(_ status: Int) -> Bool {
        status == 429 || (500...599).contains(status) && status != 501
    }

    /// Answers to HEAD that a GET may contradict: servers that mishandle HEAD say these
    /// where a browser's GET would work, so they are confirmed with GET.
    static func refusesHead(_ status: Int) -> Bool {
        [400, 403, 404, 405, 406, 501].contains(status)
    }
}
