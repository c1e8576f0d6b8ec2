import Foundation

/// Loads a runbook spelled out in YAML (for generated runbooks): the same model as the
/// Markdown form, with `steps: [{title, body, links, scopes, tools, probes, break_glass,
/// restores, rotation}]`, and `briefing` and `contacts` as text or a mapping of heading to text.
struct YAMLRunbookLoader {
    let file: String
    /// For the default id: the file's path relative to the workspace root.
    var workspaceRoot: String? = nil

    func load(text: String, sha256: String) throws(LoadErrors) -> Runbook {
        let sink = ErrorSink()
        let stem = RunbookIdentity.stem(of: file)
        var runbook = Runbook(id: RunbookIdentity.defaultId(forFile: file, workspaceRoot: workspaceRoot), title: stem, path: file, sha256: sha256, location: SourceLocation(file: file, line: 1))
        if let root = YAMLText.parse(text, file: file, sink: sink),
           let pairs = root.mapping(sink, expected: "a runbook mapping (id, title, steps, …)") {
            runbook.location = root.location
            // YAML without steps (a manifest, a workflow) is not a runbook: one error says
            // so, rather than one for each of its keys.
            guard pairs.contains(where: { $0.key == "steps" }) else {
                sink.add(root.location, expected: "a runbook with a top-level 'steps:' list", found: "none",
                         hint: "this YAML file is not a runbook; YAML runbooks spell out id, title, briefing and steps")
                try sink.throwIfAny()
                return runbook
            }
            read(pairs, into: &runbook, sink)
        }
        try sink.throwIfAny()
        return runbook
    }

    /// The runbook's top-level keys: declarations, briefing, contacts and steps.
    private func read(_ pairs: [(key: String, keyLocation: SourceLocation, value: YAMLValue)], into runbook: inout Runbook, _ sink: ErrorSink) {
        var declarations = RunbookDeclarations()
        for (key, keyLocation, value) in pairs {
            if declarations.read(key: key, value: value, sink) { continue }
            switch key {
            case "briefing": runbook.briefing = briefing(value, heading: "Briefing", sink)
            case "contacts": runbook.contacts = briefing(value, heading: "Contacts", sink)
            case "steps":
                for item in value.sequence(sink, expected: "a list of steps") ?? [] {
                    if let step = step(item, index: runbook.steps.count + 1, sink) { runbook.steps.append(step) }
                }
            default:
                sink.add(keyLocation, expected: "one of " + (RunbookDeclarations.keys + ["briefing", "contacts", "steps"]).joined(separator: ", "),
                         found: "'\(key)'")
            }
        }
        declarations.apply(to: &runbook)
    }

    private func briefing(_ value: YAMLValue, heading: String, _ sink: ErrorSink) -> [BriefingSection] {
        switch value.node {
        case .scalar: return [BriefingSection(heading: heading, text: value.string(sink) ?? "")]
        case .mapping:
            return (value.mapping(sink) ?? []).map { BriefingSection(heading: $0.key, text: $0.value.string(sink) ?? "") }
        default:
            sink.add(value.location, expected: "briefing text or a mapping of heading to text", found: value.kindDescription)
            return []
        }
    }

    private func step(_ item: YAMLValue, index: Int, _ sink: ErrorSink) -> Step? {
        if case .scalar = item.node, let title = item.string(sink) {
            return Step(index: index, title: title, location: item.location)
        }
        guard let pairs = item.mapping(sink, expected: "a step mapping (title, body, links, scopes, …)") else { return nil }
        var step = Step(index: index, title: "Step \(index)", location: item.location)
        var decl = StepDeclarations()
        var sawTitle = false
        for (key, keyLocation, value) in pairs {
            if decl.read(key: key, value: value, sink) { continue }
            switch key {
            case "title": step.title = value.string(sink) ?? step.title; sawTitle = true
            case "body": step.body = value.string(sink) ?? ""
            case "links": step.links += links(value, sink)
            default:
                sink.add(keyLocation, expected: "one of " + (["title", "body", "links"] + StepDeclarations.keys).joined(separator: ", "),
                         found: "'\(key)'")
            }
        }
        if !sawTitle { sink.add(item.location, expected: "a step 'title'", found: "none") }
        decl.apply(to: &step)
        return step
    }

    /// `links:` as URLs or `{title, url}` mappings; a mapping without `url` is an error.
    private func links(_ value: YAMLValue, _ sink: ErrorSink) -> [Link] {
        var links: [Link] = []
        for link in value.sequence(sink, expected: "a list of links") ?? [] {
            if case .scalar = link.node {
                if let url = link.string(sink) { links.append(Link(title: url, url: url, location: link.location)) }
                continue
            }
            var title: String?, url: String?
            for (k, kl, v) in link.mapping(sink, expected: "{title, url}") ?? [] {
                switch k {
                case "title": title = v.string(sink)
                case "url": url = v.string(sink)
                default: sink.add(kl, expected: "title or url", found: "'\(k)'")
                }
            }
            if let url { links.append(Link(title: title ?? url, url: url, location: link.location)) }
            else { sink.add(link.location, expected: "a link with 'url'", found: "none") }
        }
        return links
    }
}
