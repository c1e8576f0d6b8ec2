import RunbookKit
import Yams

/// Reads the credentials file's YAML into `Credentials`, checking every host key, header
/// and cookie where it was written: each error names `file:line:column` and the header
/// or cookie, never a value (the file holds nothing but secrets).
struct CredentialsFile {
    let file: String
    private(set) var errors: [LoadError] = []

    static let shapeHint = "see docs/credentials.md: hosts: {HOST: {headers: {NAME: VALUE}, cookies: {NAME: VALUE}}}, profiles: {NAME: {hosts: …}}"

    init(file: String) { self.file = file }

    /// The reader's own `hosts:` and the named `profiles:` (other people's credentials,
    /// for `coldread gap`), each checked the same way.
    mutating func read(_ root: Node) -> Credentials {
        guard let top = root.mapping else {
            add(root, expected: "a mapping with 'hosts:'", found: Self.kind(root))
            return .none
        }
        var credentials = Credentials()
        for (key, value) in top {
            switch key.string {
            case "hosts": credentials.hosts = hosts(value)
            case "profiles": credentials.profiles = profiles(value)
            default: add(key, expected: "hosts or profiles", found: "'\(key.string ?? "?")'")
            }
        }
        return credentials
    }

    private mutating func profiles(_ value: Node) -> [String: Credentials] {
        if Self.isNull(value) { return [:] }
        guard let named = value.mapping else {
            add(value, expected: "a mapping of profile names to {hosts: …}", found: Self.kind(value))
            return [:]
        }
        var out: [String: Credentials] = [:]
        for (nameNode, profile) in named {
            guard let name = nameNode.string, let fields = profile.mapping else {
                add(profile, expected: "a profile name with {hosts: …}", found: Self.kind(profile))
                continue
            }
            var credentials = Credentials()
            for (key, hostMap) in fields {
                if key.string == "hosts" { credentials.hosts = hosts(hostMap) }
                else { add(key, expected: "hosts", found: "'\(key.string ?? "?")'") }
            }
            out[name] = credentials
        }
        return out
    }

    private mutating func hosts(_ value: Node) -> [String: Credentials.HostCredentials] {
        if Self.isNull(value) { return [:] }
        guard let hostMap = value.mapping else {
            add(value, expected: "a mapping of host names", found: Self.kind(value))
            return [:]
        }
        var hosts: [String: Credentials.HostCredentials] = [:]
        for (hostKey, entry) in hostMap {
            guard let host = hostKey.string, let normalised = checkedHost(host, at: hostKey) else { continue }
            hosts[normalised] = hostCredentials(entry, host: normalised)
        }
        return hosts
    }

    private static func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node { return ["", "~", "null"].contains(s.string) }
        return false
    }

    /// A host key is `host` or `host:port`, never a URL.
    private mutating func checkedHost(_ key: String, at node: Node) -> String? {
        let host = key.lowercased()
        if host.contains("://") || host.contains("/") {
            add(node, expected: "a host name such as corp.example or corp.example:8443", found: "a URL or path",
                hint: "write the host only: credentials go to every path of their host")
            return nil
        }
        // `[::1]:8443`: an IPv6 literal keeps its colons inside the brackets.
        let name = host.hasPrefix("[") ? host[...(host.firstIndex(of: "]") ?? host.startIndex)] : host.prefix { $0 != ":" }
        let rest = host[name.endIndex...]
        let portIsValid = rest.isEmpty || rest.hasPrefix(":") && Int(rest.dropFirst()).map { (1...65535).contains($0) } == true
        guard !name.isEmpty, name != "[", portIsValid, !host.contains(where: \.isWhitespace) else {
            add(node, expected: "a host name such as corp.example or corp.example:8443", found: "'\(key)'")
            return nil
        }
        return host
    }

    private mutating func hostCredentials(_ entry: Node, host: String) -> Credentials.HostCredentials {
        var creds = Credentials.HostCredentials()
        guard let fields = entry.mapping else {
            add(entry, expected: "{headers: …, cookies: …} for \(host)", found: Self.kind(entry))
            return creds
        }
        for (field, pairs) in fields {
            guard let name = field.string, name == "headers" || name == "cookies" else {
                add(field, expected: "headers or cookies", found: "'\(field.string ?? "?")'")
                continue
            }
            guard let map = pairs.mapping else {
                add(pairs, expected: "a mapping of NAME: VALUE", found: Self.kind(pairs))
                continue
            }
            for (nameNode, valueNode) in map {
                guard let pair = checkedPair(nameNode, valueNode, isCookie: name == "cookies") else { continue }
                if name == "headers" { creds.headerPairs.append(pair) } else { creds.cookiePairs.append(pair) }
            }
        }
        return creds
    }

    /// One `NAME: VALUE`, when both are valid HTTP.
    private mutating func checkedPair(_ nameNode: Node, _ valueNode: Node, isCookie: Bool) -> Credentials.HostCredentials.Pair? {
        let what = isCookie ? "cookie" : "header"
        guard let name = nameNode.string, HTTPFieldRules.isToken(name) else {
            add(nameNode, expected: "a \(what) name made of letters, digits and !#$%&'*+-.^_`|~",
                found: nameNode.string.map { "'\(String($0.prefix(40)))'" } ?? Self.kind(nameNode),
                hint: "\(what) names cannot hold spaces, ':' or line breaks")
            return nil
        }
        guard case .scalar(let scalar) = valueNode else {
            add(valueNode, expected: "a text value for \(what) \(name)", found: Self.kind(valueNode))
            return nil
        }
        let value = scalar.string
        let problem = isCookie ? HTTPFieldRules.cookieValueProblem(value) : HTTPFieldRules.headerValueProblem(value)
        if let problem {
            add(valueNode, expected: "a one-line value for \(what) \(name)", found: problem, hint: HTTPFieldRules.valueHint(problem))
            return nil
        }
        return .init(name: name, value: value)
    }

    private mutating func add(_ node: Node, expected: String, found: String, hint: String = Self.shapeHint) {
        errors.append(LoadError(location(node), expected: expected, found: found, hint: hint))
    }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar: return "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
