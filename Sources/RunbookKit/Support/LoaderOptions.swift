/// What a loader needs from the directory: which headings are context and which extra
/// tool names to recognise in inline code.
public struct LoaderOptions: Sendable {
    public var contextSections: [String]
    public var extraTools: [String]

    public init(contextSections: [String] = Directory.defaultContextSections, extraTools: [String] = []) {
        self.contextSections = contextSections.map { $0.lowercased() }
        self.extraTools = extraTools
    }

    public init(directory: Directory) {
        self.init(contextSections: directory.contextSections, extraTools: directory.tools)
    }
}
