/// The declarations a step can carry, whether written in a `<!-- coldread … -->`
/// annotation or in a YAML runbook's step mapping.
struct StepDeclarations {
    var scopes: [Scope] = []
    var scopesDeclared = false
    var tools: [Tool] = []
    var probes: [CommandProbe] = []
    var breakGlass: BreakGlass?
    var restores: [String] = []
    var restoresLocation: SourceLocation?
    var rotation: String?
    var rotationLocation: SourceLocation?

    static let keys = ["scopes", "break_glass", "restores", "probes", "rotation", "tools"]

    /// Reads one declaration key; returns false when the key is not a step declaration.
    mutating func read(key: String, value: YAMLValue, _ sink: ErrorSink) -> Bool {
        switch key {
        case "scopes":
            scopesDeclared = true
            scopes += (value.stringList(sink, expected: "a list of scopes such as [traces:read]") ?? []).map { Scope($0.0, location: $0.1) }
        case "tools":
            tools += (value.stringList(sink, expected: "a list of tool names") ?? []).map { Tool($0.0, location: $0.1) }
        case "restores":
            restores = (value.stringList(sink, expected: "a list of bundle components") ?? []).map(\.0)
            restoresLocation = value.location
        case "rotation":
            rotation = value.string(sink, expected: "a rotation name")
            rotationLocation = value.location
        case "probes":
            probes += Self.commandProbes(value, sink)
        case "break_glass":
            breakGlass = Self.breakGlass(value, sink)
        default:
            return false
        }
        return true
    }

    /// `probes:` as a list of commands, each a string split like a shell would or an argv list.
    private static func commandProbes(_ value: YAMLValue, _ sink: ErrorSink) -> [CommandProbe] {
        var probes: [CommandProbe] = []
        for item in value.sequence(sink, expected: "a list of commands") ?? [] {
            switch item.node {
            case .scalar:
                guard let s = item.string(sink) else { continue }
                let argv = ArgvSplitter.split(s)
                if argv.isEmpty { sink.add(item.location, expected: "a command", found: "an empty string") }
                else { probes.append(CommandProbe(argv: argv, location: item.location)) }
            case .sequence:
                let argv = (item.stringList(sink) ?? []).map(\.0)
                if argv.isEmpty { sink.add(item.location, expected: "a non-empty argv", found: "an empty list") }
                else { probes.append(CommandProbe(argv: argv, location: item.location)) }
            default:
                sink.add(item.location, expected: "a command string or an argv list", found: item.kindDescription)
            }
        }
        return probes
    }

    /// `break_glass: {scope: …, url: …}`: at least one of the two unless left empty.
    private static func breakGlass(_ value: YAMLValue, _ sink: ErrorSink) -> BreakGlass {
        var scope: Scope?
        var url: String?
        for (k, kl, v) in value.mapping(sink, expected: "{scope: …, url: …}") ?? [] {
            switch k {
            case "scope": if let s = v.string(sink, expected: "a scope") { scope = Scope(s, location: v.location) }
            case "url": url = v.string(sink, expected: "a URL")
            default: sink.add(kl, expected: "scope or url", found: "'\(k)'")
            }
        }
        if scope == nil && url == nil && !value.isNull {
            sink.add(value.location, expected: "a break-glass scope or url", found: "neither")
        }
        return BreakGlass(scope: scope, url: url, location: value.location)
    }

    func apply(to step: inout Step) {
        step.scopes += scopes
        step.scopesDeclared = step.scopesDeclared || scopesDeclared || !scopes.isEmpty
        for tool in tools where !step.tools.contains(where: { $0.name == tool.name }) { step.tools.append(tool) }
        step.probes += probes
        if let breakGlass { step.breakGlass = breakGlass }
        if restoresLocation != nil {
            step.restores = restores
            step.restoresLocation = restoresLocation
        }
        if let rotation {
            step.rotation = rotation
            step.rotationLocation = rotationLocation
        }
    }
}

/// Runbook-level keys, shared by front matter, the annotation under the H1 and YAML runbooks.
struct RunbookDeclarations {
    var id: String?
    var idLocation: SourceLocation?
    var title: String?
    var owner: String?
    var rotation: String?
    var rotationLocation: SourceLocation?
    var service: String?
    var budgetSeconds: Int?
    var bundle: [String]?
    var bundleLocation: SourceLocation?

    static let keys = ["id", "title", "owner", "rotation", "service", "budget", "bundle"]

    mutating func read(key: String, value: YAMLValue, _ sink: ErrorSink) -> Bool {
        switch key {
        case "id": id = value.string(sink, expected: "an id"); idLocation = value.location
        case "title": title = value.string(sink, expected: "a title")
        case "owner": owner = value.string(sink, expected: "a team name")
        case "rotation": rotation = value.string(sink, expected: "a rotation name"); rotationLocation = value.location
        case "service": service = value.string(sink, expected: "a service name")
        case "budget": budgetSeconds = value.durationSeconds(sink, what: "budget")
        case "bundle":
            bundle = (value.stringList(sink, expected: "a list of bundle components") ?? []).map(\.0)
            bundleLocation = value.location
        default: return false
        }
        return true
    }

    func apply(to runbook: inout Runbook) {
        if let id { runbook.id = id; runbook.idLocation = idLocation }
        if let title { runbook.title = title }
        if let owner { runbook.owner = owner }
        if let rotation { runbook.rotation = rotation; runbook.rotationLocation = rotationLocation }
        if let service { runbook.service = service }
        if let budgetSeconds { runbook.budgetSeconds = budgetSeconds }
        if let bundle { runbook.bundle = bundle; runbook.bundleLocation = bundleLocation }
    }
}
