import RunbookKit

/// What a link is for: data the reader looks at (dashboards, logs, traces, metrics), an
/// endpoint the reader acts through (a break-glass URL, a deploy console), or a reference
/// page outside the organisation (vendor documentation, code hosting, an encyclopedia).
///
/// The roadmap's "federate it into central observability" fits only the first: nobody
/// federates a break-glass button or a vendor's manual. An action endpoint's gap is
/// access, so it gets the scope and break-glass remedies. The rule reads what the runbook
/// and the directory declare, never product names:
/// - a host in `federation.central` is observability;
/// - a break-glass URL, and any link to the host of a break-glass URL the runbook
///   declares (in any step), is an action endpoint;
/// - a link whose host names a declared scope's system (`deploy.corp.example` and
///   `deploy:rollback`) is what that scope says: observability for a read scope, an
///   action endpoint for any other;
/// - otherwise, in a step that declares a read scope (its verb, the last `:` segment, is a
///   read verb such as `read`, `view`, `get`, `list`), links are observability;
/// - in a step whose declared scopes all act (`rollback`, `write`, `admin`), links are
///   action endpoints: that step changes something, and its links are where;
/// - in a step that declares no scope, a link is observability when it stays inside the
///   organisation that runs central observability (the same organisation domain as a
///   central host, or the same service name as the first label of one, such as a second
///   `grafana.`), and a reference page otherwise.
public enum LinkPurpose: Sendable, Hashable {
    case observability
    case action
    case reference

    /// Verbs that only look. A scope whose verb is one of these (or starts with `read`)
    /// reads data; any other verb acts.
    static let readVerbs: Set<String> = ["read", "view", "get", "list", "watch", "query", "search", "describe", "browse", "show"]

    /// The purpose of the link at `url` in `step` (a probe result keeps only the URL).
    public static func of(url: String, in step: Step, of runbook: Runbook?, directory: Directory?) -> LinkPurpose {
        of(url: url, in: step, breakGlass: BreakGlassEndpoints(runbook?.steps ?? [step]), directory: directory)
    }

    /// The purpose of the link at `url` in `step`, with the break-glass endpoints of its
    /// runbook found once for all its links.
    static func of(url: String, in step: Step, breakGlass: BreakGlassEndpoints, directory: Directory?) -> LinkPurpose {
        let host = URLParts.host(of: url)?.lowercased()
        if let host, directory?.isCentral(host: host) == true { return .observability }
        if breakGlass.urls.contains(url) { return .action }
        if let host, breakGlass.hosts.contains(host) { return .action }
        let scopes = step.scopes.map(\.name)
        if let host, !scopes.isEmpty {
            let labels = host.split(separator: ".")
            if let named = scopes.first(where: { names(labels, $0) }) { return isReadScope(named) ? .observability : .action }
        }
        if scopes.contains(where: isReadScope) { return .observability }
        if !scopes.isEmpty { return .action }
        guard let host, let directory else { return .observability }
        return isInsideObservingOrganisation(host, central: directory.federationCentral) ? .observability : .reference
    }

    /// True when the scope's system (its first `:` segment, `deploy` of `deploy:rollback`)
    /// is one of the host's labels (split once per link): that scope is what the link needs.
    static func names(_ hostLabels: [Substring], _ scope: String) -> Bool {
        guard let system = scope.lowercased().split(separator: ":").first, !system.isEmpty else { return false }
        return hostLabels.contains(system)
    }

    /// True when the scope only reads: its verb (the last `:` segment that is not a
    /// wildcard) is a read verb.
    public static func isReadScope(_ scope: String) -> Bool {
        let segments = scope.lowercased().split(separator: ":").map(String.init).filter { $0 != "*" && !$0.isEmpty }
        guard let verb = segments.count > 1 ? segments.last : nil else { return false }
        return readVerbs.contains(verb) || verb.hasPrefix("read")
    }

    /// True when `host` belongs to the organisation whose central observability the
    /// directory names: it shares a central host's organisation domain, or its first
    /// label is a central host's first label (another instance of the same service;
    /// two-label hosts are organisations, not instances).
    /// With no central hosts declared every host counts, as before.
    static func isInsideObservingOrganisation(_ host: String, central: [String]) -> Bool {
        guard !central.isEmpty else { return true }
        let domain = organisationDomain(host)
        // A service's name is the first label of an instance (`grafana.eks.example.org`),
        // not of an organisation's own apex domain (`grafana.com`, the vendor).
        let labels = host.split(separator: ".")
        let service = labels.count > 2 ? labels.first.map(String.init) : nil
        return central.contains { pattern in
            let centralHost = pattern.lowercased().hasPrefix("*.") ? String(pattern.dropFirst(2)) : pattern.lowercased()
            return organisationDomain(centralHost) == domain
                || (service != nil && centralHost.split(separator: ".").first.map(String.init) == service)
        }
    }

    /// The last two labels of a host, or three when the second-level label is a short
    /// public category (`gov.uk`, `co.jp`, `com.au`), so sibling organisations differ.
    static func organisationDomain(_ host: String) -> String {
        let labels = host.split(separator: ".")
        guard labels.count > 2 else { return host }
        let keep = labels[labels.count - 2].count <= 3 ? 3 : 2
        return labels.suffix(keep).joined(separator: ".")
    }
}

/// The break-glass URLs a runbook declares and their hosts (lower case): every link of
/// the runbook to one of them is an action endpoint. Found once per runbook, because lint
/// asks the purpose of every link of every step.
struct BreakGlassEndpoints {
    let urls: [String]
    let hosts: [String]

    init(_ steps: [Step]) {
        urls = steps.compactMap { $0.breakGlass?.url }
        hosts = urls.compactMap { URLParts.host(of: $0)?.lowercased() }
    }
}
