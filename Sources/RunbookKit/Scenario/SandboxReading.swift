import Yams

/// Reads a scenario's `sandbox:` section. A service is a behaviour word (`ok`, `sso`,
/// …) that answers everyone, or `{wall: WORD, opens_for: [PERSON or GROUP, …]}`: a
/// service that opens for those people and answers everyone else with its wall, so one
/// sandbox shows what the author reaches and the reader does not.
enum SandboxReading {
    static func sandbox(_ value: YAMLValue, _ sink: ErrorSink, directory: inout Directory?) -> Sandbox {
        var sandbox = Sandbox(services: [:])
        for (key, keyLocation, field) in value.mapping(sink) ?? [] {
            switch key {
            case "services":
                for (host, _, service) in field.mapping(sink, expected: "a mapping of hostname to behaviour") ?? [] {
                    read(service, host: host.lowercased(), sink, into: &sandbox)
                }
            case "directory":
                sandbox.hasDirectoryOverride = true
                if let base = directory { directory = DirectoryLoader.overrides(field, onto: base, sink) }
                else { _ = DirectoryLoader.overrides(field, onto: Directory(), sink) }
            default: sink.add(keyLocation, expected: "services or directory", found: "'\(key)'")
            }
        }
        return sandbox
    }

    private static func read(_ service: YAMLValue, host: String, _ sink: ErrorSink, into sandbox: inout Sandbox) {
        guard case .mapping = service.node else {
            if let behaviour = behaviour(service, sink) { sandbox.services[host] = behaviour }
            return
        }
        var wall: ServiceBehaviour?
        var people: [String]?
        for (key, keyLocation, field) in service.mapping(sink) ?? [] {
            switch key {
            case "wall": wall = behaviour(field, sink)
            case "opens_for": people = field.stringList(sink, expected: "a list of people or groups")?.map(\.0)
            default: sink.add(keyLocation, expected: "wall or opens_for", found: "'\(key)'")
            }
        }
        guard let people, !people.isEmpty else {
            sink.add(service.location, expected: "opens_for: [PERSON or GROUP, …] for \(host)", found: "none",
                     hint: "write a behaviour word for a service that answers everyone alike")
            return
        }
        sandbox.services[host] = wall ?? .sso
        sandbox.opensFor[host] = people
    }

    private static func behaviour(_ value: YAMLValue, _ sink: ErrorSink) -> ServiceBehaviour? {
        guard let word = value.string(sink, expected: "a behaviour, or {wall: …, opens_for: […]}") else { return nil }
        if let behaviour = ServiceBehaviour(rawValue: word) { return behaviour }
        sink.add(value.location, expected: "one of " + ServiceBehaviour.allCases.map(\.rawValue).joined(separator: ", "),
                 found: "'\(word)'")
        return nil
    }
}
