/// Limits and timings of one probe run. The defaults are DESIGN.md's: 10 s per request,
/// 30 s per link including retries, 128 requests in flight overall and 8 per host.
public struct ProbeOptions: Sendable {
    /// Longest wait for one HTTP request (connect, head and the bounded body read).
    public var requestTimeout: Duration
    /// Longest a link may take in total, redirects and retries included.
    public var linkDeadline: Duration
    /// HTTP requests in flight across all hosts: with `hostConcurrency`, the one bound of
    /// a probe run, whatever its runbooks. The session's gate (`ConcurrencyGate`) is what
    /// holds it; the other two limits are sized from it so that they never bind first:
    /// the run's crew of workers (`crewSize`) and AsyncHTTPClient's connections per host
    /// (`hostConcurrency`, so no request queues inside the client for a connection).
    public var maxConcurrency: Int
    /// HTTP requests in flight to any one host, so a runbook full of one dashboard's
    /// links does not hammer that dashboard.
    public var hostConcurrency: Int
    /// Longest a command probe may run before it is stopped and reported as `timeout`.
    public var commandTimeout: Duration
    /// Redirects followed by hand before a chain counts as a loop.
    public var maxRedirects: Int
    /// Bytes of a response body read at most: enough to see a login form, never a download.
    public var bodyLimit: Int
    /// Bytes of a command's stdout and stderr kept (the tail), so a chatty probe cannot
    /// fill memory.
    public var commandOutputLimit: Int
    /// The environment command probes run with; nil passes the caller's own.
    public var commandEnvironment: [String: String]?
    /// The reader's PATH, where tool probes look; nil means the caller's `$PATH`.
    public var searchPath: String?
    /// First wait before retrying a 429 or 5xx; doubled on every further attempt unless
    /// the server names its own wait in `Retry-After`.
    public var retryBaseDelay: Duration

    public init(
        requestTimeout: Duration = .seconds(10), linkDeadline: Duration = .seconds(30),
        maxConcurrency: Int = 128, hostConcurrency: Int = 8, commandTimeout: Duration = .seconds(10),
        maxRedirects: Int = 10, bodyLimit: Int = 64 * 1024, commandOutputLimit: Int = 16 * 1024,
        commandEnvironment: [String: String]? = nil, searchPath: String? = nil,
        retryBaseDelay: Duration = .milliseconds(500)
    ) {
        self.requestTimeout = requestTimeout
        self.linkDeadline = linkDeadline
        self.maxConcurrency = max(1, maxConcurrency)
        self.hostConcurrency = max(1, hostConcurrency)
        self.commandTimeout = commandTimeout
        self.maxRedirects = max(0, maxRedirects)
        self.bodyLimit = max(0, bodyLimit)
        self.commandOutputLimit = max(256, commandOutputLimit)
        self.commandEnvironment = commandEnvironment
        self.searchPath = searchPath
        self.retryBaseDelay = retryBaseDelay
    }

    /// Workers of one run: one per global slot, plus one per slot of a host, so workers
    /// held waiting for a busy host never leave a global slot idle. Command probes (not
    /// HTTP, so outside the gate) are bounded by the crew alone.
    var crewSize: Int { maxConcurrency + hostConcurrency }
}

/// Whose access the scope probes check.
public enum ProbeAudience: Sendable, Hashable {
    /// Every member of a rotation (lint, dry-run): any of them may be the one paged.
    /// nil means the rotation the runbook (or the step) declares.
    case rotation(String?)
    /// One named reader (a drill).
    case reader(String)
}
