/// What a loader needs from the directory (which headings are context or contacts and
/// which extra tool names to recognise in inline code), and what its caller needs recorded.
public struct LoaderOptions: Sendable {
    public var contextSections: [String]
    public var contactSections: [String]
    public var extraTools: [String] {
        didSet { knownTools = ShellTools.defaultKnownTools.union(extraTools) }
    }
    /// The default tool names plus `extraTools`, built once rather than for every file.
    private(set) var knownTools: Set<String>
    /// Whether `Runbook.sha256` is computed. Drills and reports name the exact text they
    /// ran; the lint never reads the hash, so it skips hashing every file.
    public var recordsSHA256 = true
    /// The folder of `coldread.yaml`: a runbook's default id is its path relative to it.
    /// Nil when no directory is known; ids are then the path as given.
    public var workspaceRoot: String?

    public init(contextSections: [String] = Directory.defaultContextSections,
                contactSections: [String] = Directory.defaultContactSections, extraTools: [String] = []) {
        self.contextSections = contextSections.map { $0.lowercased() }
        self.contactSections = contactSections.map { $0.lowercased() }
        self.extraTools = extraTools
        knownTools = ShellTools.defaultKnownTools.union(extraTools)
    }

    public init(directory: Directory, recordsSHA256: Bool = true) {
        self.init(contextSections: directory.contextSections, contactSections: directory.contactSections, extraTools: directory.tools)
        self.recordsSHA256 = recordsSHA256
        workspaceRoot = directory.workspaceRoot
    }
}
