/// What a probe can conclude. The raw values are the stable words of the JSON
/// interface, the journal and the reports.
public enum ProbeOutcome: String, Codable, Hashable, Sendable, CaseIterable {
    // link
    case ok, ssoWall = "sso_wall", unauthorized, forbidden, notFound = "not_found"
    case rateLimited = "rate_limited", serverError = "server_error", timeout, unreachable
    case tlsError = "tls_error", redirectLoop = "redirect_loop"
    /// A link no probe could check (a site-relative link without `docs_base_url`).
    case unchecked
    // scope
    case held, notHeld = "not_held", unknown
    // tool
    case present, missing
    // command
    case pass, fail

    /// True when the outcome would stop the reader at that step.
    public var blocks: Bool {
        switch self {
        case .ok, .held, .present, .pass: return false
        case .unknown, .unchecked: return false
        default: return true
        }
    }

    /// True when nothing was concluded: neither a pass nor a block. Shown as `?`
    /// everywhere, never as a pass.
    public var isInconclusive: Bool { self == .unknown || self == .unchecked }
}

/// Which of the four probe families produced a result.
public enum ProbeKind: String, Codable, Hashable, Sendable {
    case link, scope, tool, command
}

/// One probe's conclusion with its evidence. Field names follow the JSON interface in
/// DESIGN.md; every field but `kind`, `step` and `outcome` belongs to one kind only.
public struct ProbeResult: Codable, Hashable, Sendable {
    /// The `step` of a link in the briefing (Meaning, Impact, …), read before step 1.
    public static let briefingStep = 0

    public var kind: ProbeKind
    /// 1-based step index; `briefingStep` (0) for a link in the briefing.
    public var step: Int
    public var outcome: ProbeOutcome
    // link
    public var url: String?
    public var statusChain: [Int]?
    public var finalURL: String?
    public var ms: Int?
    /// The auth scheme of a 401 (`Bearer`, `Basic`, …).
    public var wwwAuthenticate: String?
    // scope
    public var scope: String?
    public var missingMembers: [String]?
    // tool
    public var tool: String?
    public var path: String?
    // command
    public var argv: [String]?
    public var exitCode: Int?
    /// Last lines of stderr of a failed command.
    public var stderrTail: String?
    /// Human explanation (why unknown, which login host, …).
    public var reason: String?
    /// True when the probe checked the step's break-glass path (its URL or scope), not
    /// the step's own needs; nil otherwise.
    public var breakGlass: Bool?

    public init(
        kind: ProbeKind, step: Int, outcome: ProbeOutcome, url: String? = nil,
        statusChain: [Int]? = nil, finalURL: String? = nil, ms: Int? = nil,
        wwwAuthenticate: String? = nil, scope: String? = nil, missingMembers: [String]? = nil,
        tool: String? = nil, path: String? = nil, argv: [String]? = nil, exitCode: Int? = nil,
        stderrTail: String? = nil, reason: String? = nil, breakGlass: Bool? = nil
    ) {
        self.kind = kind
        self.step = step
        self.outcome = outcome
        self.url = url
        self.statusChain = statusChain
        self.finalURL = finalURL
        self.ms = ms
        self.wwwAuthenticate = wwwAuthenticate
        self.scope = scope
        self.missingMembers = missingMembers
        self.tool = tool
        self.path = path
        self.argv = argv
        self.exitCode = exitCode
        self.stderrTail = stderrTail
        self.reason = reason
        self.breakGlass = breakGlass
    }

    enum CodingKeys: String, CodingKey {
        case kind, step, outcome, url, ms, scope, tool, path, argv, reason
        case statusChain = "status_chain", finalURL = "final_url"
        case wwwAuthenticate = "www_authenticate", missingMembers = "missing_members"
        case exitCode = "exit_code", stderrTail = "stderr_tail", breakGlass = "break_glass"
    }

    /// The thing probed, for display and de-duplication: URL, scope, tool or argv.
    public var subject: String {
        switch kind {
        case .link: return url ?? ""
        case .scope: return scope ?? ""
        case .tool: return tool ?? ""
        case .command: return (argv ?? []).joined(separator: " ")
        }
    }
}
