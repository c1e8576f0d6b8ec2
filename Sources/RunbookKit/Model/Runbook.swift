/// A runbook as the reader will walk it: a briefing plus ordered steps, each of which
/// is a permission contract (what it links to, which scopes and tools it needs).
public struct Runbook: Hashable, Sendable {
    /// Stable id: front matter `id`, else the path relative to the workspace root without
    /// its extension (`RunbookIdentity`).
    public var id: String
    public var title: String
    /// Path as given to the loader (relative paths stay relative, for stable output).
    public var path: String
    /// Hex SHA-256 of the file's bytes at load time, so a report can say which text was drilled.
    /// Empty when the loader was told not to record it (`LoaderOptions.recordsSHA256`).
    public var sha256: String
    /// The authoring team (a group in the directory). A reader from this team is not reading cold.
    public var owner: String?
    /// The rotation that executes this runbook when paged.
    public var rotation: String?
    public var service: String?
    /// Time the reader should need, in seconds.
    public var budgetSeconds: Int?
    /// Components that make up one rollback unit (prompt, tools, policy, …).
    public var bundle: [String]
    /// Context (Meaning, Impact, …) shown before the first step.
    public var briefing: [BriefingSection]
    /// Sections that only say where to get help (a chat channel, a support link): shown
    /// with the briefing, never steps.
    public var contacts: [BriefingSection]
    public var steps: [Step]
    /// Where the runbook-level declarations (front matter or top annotation) live.
    public var location: SourceLocation
    /// Where `rotation:` was declared, for `unknown-rotation` findings.
    public var rotationLocation: SourceLocation?
    /// Where `bundle:` was declared.
    public var bundleLocation: SourceLocation?
    /// Where an explicit `id:` was declared; nil when the id is the runbook's path.
    public var idLocation: SourceLocation?

    public init(
        id: String, title: String, path: String, sha256: String = "", owner: String? = nil,
        rotation: String? = nil, service: String? = nil, budgetSeconds: Int? = nil,
        bundle: [String] = [], briefing: [BriefingSection] = [], contacts: [BriefingSection] = [], steps: [Step] = [],
        location: SourceLocation, rotationLocation: SourceLocation? = nil,
        bundleLocation: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.path = path
        self.sha256 = sha256
        self.owner = owner
        self.rotation = rotation
        self.service = service
        self.budgetSeconds = budgetSeconds
        self.bundle = bundle
        self.briefing = briefing
        self.contacts = contacts
        self.steps = steps
        self.location = location
        self.rotationLocation = rotationLocation
        self.bundleLocation = bundleLocation
    }
}

/// A context section (Meaning, Impact, …) or a contact section: read before the timer
/// starts, never a step.
public struct BriefingSection: Hashable, Sendable {
    public var heading: String
    public var text: String
    public var links: [Link]

    public init(heading: String, text: String, links: [Link] = []) {
        self.heading = heading
        self.text = text
        self.links = links
    }
}
