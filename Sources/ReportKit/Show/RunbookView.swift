import Foundation
import RunbookKit

/// A runbook as ColdRead reads it, for `coldread show`: what an author looks at to see
/// why a step reads the way it does (where it starts, which tools and links it holds and
/// from which line). Its JSON (`RunbookView.json`) is a stable interface, documented in
/// docs/show.md: `"version": 1`, snake_case keys, fields that do not apply left out.
public struct RunbookView: Encodable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var path: String
    /// The line of the runbook's declarations (its H1, or its YAML mapping).
    public var line: Int
    public var owner: String?
    public var rotation: String?
    public var service: String?
    public var budgetSeconds: Int?
    public var bundle: [String]
    public var briefing: [SectionView]
    public var contacts: [SectionView]
    public var steps: [StepView]

    public struct SectionView: Encodable, Equatable, Sendable {
        public var heading: String
        public var text: String
        public var links: [LinkView]
    }

    public struct LinkView: Encodable, Equatable, Sendable {
        public var title: String
        public var url: String
        public var line: Int
    }

    /// Something a step names (a tool, a scope) and the line it came from.
    public struct NamedView: Encodable, Equatable, Sendable {
        public var name: String
        public var line: Int
    }

    public struct ProbeView: Encodable, Equatable, Sendable {
        public var argv: [String]
        public var line: Int
    }

    public struct BreakGlassView: Encodable, Equatable, Sendable {
        public var scope: String?
        public var url: String?
        public var line: Int
    }

    public struct StepView: Encodable, Equatable, Sendable {
        public var index: Int
        public var line: Int
        public var column: Int
        public var title: String
        public var section: String
        public var body: String
        public var tools: [NamedView]
        public var links: [LinkView]
        public var scopes: [NamedView]
        /// True when the step declares `scopes:`, even an empty list ("needs nothing").
        public var scopesDeclared: Bool
        public var breakGlass: BreakGlassView?
        public var restores: [String]
        public var probes: [ProbeView]
        public var rotation: String?
    }

    public init(_ runbook: Runbook) {
        id = runbook.id
        title = runbook.title
        path = runbook.path
        line = runbook.location.line
        owner = runbook.owner
        rotation = runbook.rotation
        service = runbook.service
        budgetSeconds = runbook.budgetSeconds
        bundle = runbook.bundle
        briefing = runbook.briefing.map(SectionView.init)
        contacts = runbook.contacts.map(SectionView.init)
        steps = runbook.steps.map(StepView.init)
    }
}

extension RunbookView.SectionView {
    init(_ section: BriefingSection) {
        self.init(heading: section.heading, text: section.text, links: section.links.map(RunbookView.LinkView.init))
    }
}

extension RunbookView.LinkView {
    init(_ link: Link) {
        self.init(title: link.title, url: link.url, line: link.location.line)
    }
}

extension RunbookView.StepView {
    init(_ step: Step) {
        self.init(
            index: step.index, line: step.location.line, column: step.location.column, title: step.title,
            section: step.section, body: step.body,
            tools: step.tools.map { RunbookView.NamedView(name: $0.name, line: $0.location.line) },
            links: step.links.map(RunbookView.LinkView.init),
            scopes: step.scopes.map { RunbookView.NamedView(name: $0.name, line: $0.location.line) },
            scopesDeclared: step.scopesDeclared,
            breakGlass: step.breakGlass.map { RunbookView.BreakGlassView(scope: $0.scope?.name, url: $0.url, line: $0.location.line) },
            restores: step.restores,
            probes: step.probes.map { RunbookView.ProbeView(argv: $0.argv, line: $0.location.line) },
            rotation: step.rotation)
    }
}

extension RunbookView {
    /// The document `coldread show --format json` prints: `{"runbooks": [...], "version": 1}`,
    /// keys sorted and indented so that goldens and reviews diff line by line.
    public static func json(_ runbooks: [Runbook]) -> String {
        struct Document: Encodable {
            var version = 1
            var runbooks: [RunbookView]
        }
        // Encoding plain strings, numbers and arrays cannot fail.
        return JSONDocument.text(Document(runbooks: runbooks.map(RunbookView.init)), snakeCaseKeys: true) ?? "{}"
    }
}
