/// The access directory (`coldread.yaml`): who is on which rotation, which groups hold
/// which scopes, what counts as central observability, and the drill cadence policy.
/// It is the embedded default that live providers (PagerDuty, SCIM, GitHub) override.
public struct Directory: Sendable {
    public var path = "coldread.yaml"
    public var rotations: [String: Rotation] = [:]
    public var groups: [String: Group] = [:]
    /// Scope pattern (exact, or ending in `*`) to the groups or members holding it.
    public var grants: [String: Grant] = [:]
    /// Optional people catalog; when present, it defines who is a known member.
    public var members: [String: Member] = [:]
    public var federationCentral: [String] = []
    public var ssoLoginHosts: [String] = []
    /// Extra tool names that inline code spans are matched against.
    public var tools: [String] = []
    /// H2 headings (lower-cased) that form the briefing rather than steps.
    public var contextSections = Directory.defaultContextSections
    /// Words (lower-cased) that, found as whole words in an H2 heading, name a section
    /// that says where to get help; see `ContactRule`.
    public var contactSections = Directory.defaultContactSections
    public var cadence = CadencePolicy()
    public var providers = ProviderSettings()
    /// Query parameter names (or `prefix*`) the team's services use for secrets, on top of
    /// the built-in rule (`redact: {query_params: […]}`); every output redacts them.
    public var redactQueryParams: [String] = []
    /// Where the runbooks are published (`docs_base_url`): site-relative links
    /// (`/manual/x.html`) resolve against it and are probed over HTTP. Nil: they are
    /// reported `unchecked`.
    public var docsBaseURL: String?
    /// Where runs send traces and metrics (`telemetry:`); nil when the file has no section.
    public var telemetry: TelemetrySettings?

    /// The folder of `coldread.yaml`, absolute: runbook ids are paths relative to it.
    public var workspaceRoot: String {
        RunbookIdentity.workspaceRoot(ofConfig: path)
    }

    /// Alert runbooks' context headings, and those real runbook libraries use for
    /// explanation and pointers (GOV.UK's "Description", "Further reading").
    public static let defaultContextSections = [
        "meaning", "impact", "summary", "overview", "background", "symptoms",
        "description", "further reading", "see also", "related", "references",
    ]

    public static let defaultContactSections = ["contact", "contacts", "escalation", "escalations", "help", "support"]

    /// Groups the member belongs to, sorted.
    public func groups(of member: String) -> [String] {
        groups.values.filter { $0.members.contains(member) }.map(\.name).sorted()
    }

    /// Grants whose pattern covers the scope.
    public func grants(covering scope: String) -> [Grant] {
        grants.values.filter { $0.covers(scope) }.sorted { $0.pattern < $1.pattern }
    }

    /// True when the scope appears in the directory's grant catalog at all.
    public func isKnownScope(_ scope: String) -> Bool { grants.values.contains { $0.covers(scope) } }

    /// True when the member holds the scope directly or through one of their groups.
    public func holds(_ member: String, _ scope: String) -> Bool {
        grants.values.contains { grant in
            grant.covers(scope) && grant.holders.contains { holder in
                holder == member || groups[holder]?.members.contains(member) == true
            }
        }
    }

    /// Members of `members` who do not hold the scope, in their given order.
    public func membersLacking(_ scope: String, among members: [String]) -> [String] {
        members.filter { !holds($0, scope) }
    }

    /// True when every member of the rotation holds the scope (any of them may be paged).
    /// A rotation with no members holds nothing.
    public func rotationHolds(_ rotation: String, _ scope: String) -> Bool {
        guard let members = rotations[rotation]?.members, !members.isEmpty else { return false }
        return membersLacking(scope, among: members).isEmpty
    }

    /// Everyone the directory mentions: the `members` catalog when present, else all
    /// rotation and group members.
    public var knownMembers: Set<String> {
        if !members.isEmpty { return Set(members.keys) }
        var all = Set<String>()
        for r in rotations.values { all.formUnion(r.members) }
        for g in groups.values { all.formUnion(g.members) }
        return all
    }

    /// True when links to this host stay inside central observability.
    public func isCentral(host: String) -> Bool {
        let host = host.lowercased()
        return federationCentral.contains { pattern in
            let p = pattern.lowercased()
            if p.hasPrefix("*.") { return host.hasSuffix(String(p.dropFirst(1))) }
            return host == p
        }
    }

    /// The member whose GitHub login matches (case-insensitive, as GitHub logins are).
    public func member(byGitHubLogin login: String) -> String? {
        let l = login.lowercased()
        return members.values.first { $0.github?.lowercased() == l }?.name
    }

    /// The member whose email matches, for matching people across providers.
    public func member(byEmail email: String) -> String? {
        let e = email.lowercased()
        return members.values.first { $0.email?.lowercased() == e }?.name
    }
}

/// A named list of people: a rotation (who may be paged) or a group (who is granted
/// scopes). Both are written the same way in `coldread.yaml` and used the same way.
public struct MemberList: Hashable, Sendable {
    public var name: String
    public var members: [String]
    public var location: SourceLocation
}

/// An on-call rotation: any of its members may be paged, so all must hold a step's scopes.
public typealias Rotation = MemberList
/// A group that grants hold: its members hold what the group is granted.
public typealias Group = MemberList

/// A scope pattern and the groups or members it is granted to.
public struct Grant: Hashable, Sendable {
    public var pattern: String
    public var holders: [String]
    public var location: SourceLocation
    public init(pattern: String, holders: [String], location: SourceLocation) {
        self.pattern = pattern
        self.holders = holders
        self.location = location
    }

    /// `k8s:*` covers `k8s:patch:deployment`; other patterns must match exactly.
    public func covers(_ scope: String) -> Bool {
        // As UTF-8: `String.hasPrefix(Substring)` compares `Character`s, and lint asks this
        // for every scope of every step against every grant.
        if pattern.hasSuffix("*") { return scope.utf8.starts(with: pattern.utf8.dropLast()) }
        return pattern == scope
    }
}

public struct Member: Hashable, Sendable {
    public var name: String
    public var email: String?
    /// GitHub login, for matching GitHub team members (who rarely show an email).
    public var github: String?
    public var location: SourceLocation
    public init(name: String, email: String?, github: String? = nil, location: SourceLocation) {
        self.name = name
        self.email = email
        self.github = github
        self.location = location
    }
}

/// How often runbooks are drilled, and where in the week a drill is placed.
public struct CadencePolicy: Hashable, Sendable {
    public enum Mode: String, Hashable, Sendable, Codable { case quarterly, monthly }
    public var defaultMode: Mode
    public var afterGap: Mode
    public var cleanRunsToRecover: Int
    /// 1 = Sunday … 7 = Saturday, as Foundation's Calendar counts.
    public var slotWeekday: Int
    public var slotHour: Int
    public var slotMinute: Int
    public var slotTimeZone: String

    public init(
        defaultMode: Mode = .quarterly, afterGap: Mode = .monthly, cleanRunsToRecover: Int = 2,
        slotWeekday: Int = 3, slotHour: Int = 14, slotMinute: Int = 0, slotTimeZone: String = "UTC"
    ) {
        self.defaultMode = defaultMode
        self.afterGap = afterGap
        self.cleanRunsToRecover = cleanRunsToRecover
        self.slotWeekday = slotWeekday
        self.slotHour = slotHour
        self.slotMinute = slotMinute
        self.slotTimeZone = slotTimeZone
    }
}
