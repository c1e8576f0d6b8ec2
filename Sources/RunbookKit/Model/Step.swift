/// One thing the reader must do. Its declarations (`scopes`, `break_glass`, `restores`,
/// `rotation`, `probes`) are the contract the lint and the probes check.
public struct Step: Hashable, Sendable {
    /// 1-based position in the runbook, as shown to the reader and written to journals.
    public var index: Int
    public var title: String
    /// The step's text as plain Markdown source, for the detail screen.
    public var body: String
    /// The section heading the step sits under (e.g. "Mitigation").
    public var section: String
    public var location: SourceLocation
    public var links: [Link]
    public var scopes: [Scope]
    public var tools: [Tool]
    public var probes: [CommandProbe]
    public var breakGlass: BreakGlass?
    /// Bundle components this step restores, when it is a rollback.
    public var restores: [String]
    public var restoresLocation: SourceLocation?
    /// A step-level rotation that executes this step instead of the runbook's.
    public var rotation: String?
    public var rotationLocation: SourceLocation?
    /// True when the step was declared with an explicit (possibly empty) `scopes:` list,
    /// so `scopes: []` means "needs nothing" rather than "undeclared".
    public var scopesDeclared: Bool

    public init(
        index: Int, title: String, body: String = "", section: String = "",
        location: SourceLocation, links: [Link] = [], scopes: [Scope] = [], tools: [Tool] = [],
        probes: [CommandProbe] = [], breakGlass: BreakGlass? = nil, restores: [String] = [],
        restoresLocation: SourceLocation? = nil, rotation: String? = nil,
        rotationLocation: SourceLocation? = nil, scopesDeclared: Bool = false
    ) {
        self.index = index
        self.title = title
        self.body = body
        self.section = section
        self.location = location
        self.links = links
        self.scopes = scopes
        self.tools = tools
        self.probes = probes
        self.breakGlass = breakGlass
        self.restores = restores
        self.restoresLocation = restoresLocation
        self.rotation = rotation
        self.rotationLocation = rotationLocation
        self.scopesDeclared = scopesDeclared || !scopes.isEmpty
    }

    /// A step is an *action* when it asks the reader to do something with a tool,
    /// a command or a rollback; such a step must declare its scopes.
    public var isAction: Bool {
        !tools.isEmpty || !probes.isEmpty || !restores.isEmpty || breakGlass != nil
    }
}

/// A hyperlink the reader must be able to open.
public struct Link: Hashable, Sendable {
    public var title: String
    public var url: String
    public var location: SourceLocation

    public init(title: String, url: String, location: SourceLocation) {
        self.title = title
        self.url = url
        self.location = location
    }

    /// Lower-cased host of an http(s) URL, or nil for mailto:, relative links and the like.
    public var host: String? { URLParts.host(of: url) }
}

/// A permission scope such as `prompt-registry:rollback` or `k8s:patch:deployment:prod`.
public struct Scope: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var location: SourceLocation

    public init(_ name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }

    public var description: String { name }
}

/// A command-line tool the reader must have on their PATH.
public struct Tool: Hashable, Sendable {
    public var name: String
    public var location: SourceLocation

    public init(_ name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }
}

/// A declared check that runs an argv (never a shell) as the reader, e.g.
/// `kubectl auth can-i patch deployment/answerbot -n prod`.
public struct CommandProbe: Hashable, Sendable {
    public var argv: [String]
    public var location: SourceLocation

    public init(argv: [String], location: SourceLocation) {
        self.argv = argv
        self.location = location
    }
}

/// The audited emergency path for a step whose scope the rotation should not hold.
public struct BreakGlass: Hashable, Sendable {
    public var scope: Scope?
    public var url: String?
    public var location: SourceLocation

    public init(scope: Scope?, url: String?, location: SourceLocation) {
        self.scope = scope
        self.url = url
        self.location = location
    }
}
