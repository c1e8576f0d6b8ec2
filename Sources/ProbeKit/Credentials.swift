import Foundation
import RunbookKit
import Yams

/// The reader's own credentials for the systems a runbook links to, from
/// `$COLDREAD_CREDENTIALS` or `~/.config/coldread/credentials.yaml`:
/// `hosts: {HOST: {headers: {NAME: VALUE}, cookies: {NAME: VALUE}}}`.
///
/// Each host's credentials go to that host only (a key with a port, `host:8443`, to that
/// port only) and are never forwarded across a redirect to another host. Nothing here
/// prints a value: descriptions and mirrors are redacted so a stray `print` or a log
/// line cannot leak a secret.
public struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// What one host receives.
    public struct HostCredentials: Sendable, Hashable {
        public var headers: [(name: String, value: String)] { headerPairs.map { ($0.name, $0.value) } }
        public var cookies: [(name: String, value: String)] { cookiePairs.map { ($0.name, $0.value) } }
        var headerPairs: [Pair]
        var cookiePairs: [Pair]

        struct Pair: Sendable, Hashable {
            var name: String
            var value: String
        }

        public init(headers: [(String, String)] = [], cookies: [(String, String)] = []) {
            headerPairs = headers.map { Pair(name: $0.0, value: $0.1) }
            cookiePairs = cookies.map { Pair(name: $0.0, value: $0.1) }
        }

        /// The header lines this host receives: its headers and one `Cookie` line.
        var headerLines: [(String, String)] {
            var lines = headerPairs.map { ($0.name, $0.value) }
            if !cookiePairs.isEmpty {
                lines.append(("Cookie", cookiePairs.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")))
            }
            return lines
        }
    }

    /// Lower-cased host (or `host:port`) to its credentials.
    var hosts: [String: HostCredentials]

    public init(hosts: [String: HostCredentials] = [:]) {
        self.hosts = Dictionary(hosts.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
    }

    /// No credentials at all: every probe is anonymous.
    public static let none = Credentials()

    /// Hosts that have credentials, for messages; never the values.
    public var hostNames: [String] { hosts.keys.sorted() }

    /// The credentials for exactly this host (and port), or nil.
    public func forHost(_ host: String, port: Int) -> HostCredentials? {
        guard !hosts.isEmpty else { return nil }
        let host = host.lowercased()
        return hosts["\(host):\(port)"] ?? hosts[host]
    }

    public var description: String { "Credentials(hosts: \(hostNames), values redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["hosts": hostNames], displayStyle: .struct) }

    /// The default place: `$COLDREAD_CREDENTIALS`, else `~/.config/coldread/credentials.yaml`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["COLDREAD_CREDENTIALS"], !path.isEmpty { return path }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/coldread/credentials.yaml"
    }

    /// Loads the file at `path` (nil: the default place). A missing default file means no
    /// credentials; a missing file that was named explicitly is an error, as is any
    /// malformed entry (with its `file:line:column`; the value itself is never echoed).
    public static func load(path: String?) throws(LoadErrors) -> Credentials {
        let explicit = path != nil || ProcessInfo.processInfo.environment["COLDREAD_CREDENTIALS"].map { !$0.isEmpty } == true
        let file = path ?? defaultPath()
        guard FileManager.default.fileExists(atPath: file) else {
            if !explicit { return .none }
            throw LoadErrors([LoadError(SourceLocation(file: file, line: 1), expected: "a credentials file", found: "no such file",
                                        hint: "create it or unset COLDREAD_CREDENTIALS")])
        }
        let (text, _) = try SourceText.read(file)
        return try parse(text, file: file)
    }

    public static func parse(_ text: String, file: String) throws(LoadErrors) -> Credentials {
        var errors: [LoadError] = []
        func location(_ node: Node) -> SourceLocation {
            SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        }
        func add(_ node: Node, _ expected: String, _ found: String) {
            errors.append(LoadError(location(node), expected: expected, found: found,
                                    hint: "see DESIGN.md: hosts: {HOST: {headers: {NAME: VALUE}, cookies: {NAME: VALUE}}}"))
        }
        func kind(_ node: Node) -> String {
            switch node {
            case .scalar: return "a scalar"
            case .mapping: return "a mapping"
            case .sequence: return "a list"
            case .alias: return "an alias"
            }
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            // Only the position is reported: Yams' own description quotes the text, which may hold a secret.
            var mark: Mark?
            switch error {
            case .scanner(_, _, let m, _), .parser(_, _, let m, _), .composer(_, _, let m, _): mark = m
            default: mark = nil
            }
            throw LoadErrors([LoadError(SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1),
                                        expected: "valid YAML", found: "a syntax error")])
        } catch {
            throw LoadErrors([LoadError(SourceLocation(file: file, line: 1), expected: "valid YAML", found: "unreadable text")])
        }
        guard let root else { return .none }
        guard let top = root.mapping else {
            throw LoadErrors([LoadError(location(root), expected: "a mapping with 'hosts:'", found: kind(root))])
        }
        var hosts: [String: HostCredentials] = [:]
        for (key, value) in top {
            guard key.string == "hosts" else { add(key, "hosts", "'\(key.string ?? "?")'"); continue }
            if case .scalar(let s) = value, s.string.isEmpty || s.string == "~" || s.string == "null" { continue }
            guard let hostMap = value.mapping else { add(value, "a mapping of host names", kind(value)); continue }
            for (hostKey, entry) in hostMap {
                guard let host = hostKey.string, !host.isEmpty else { add(hostKey, "a host name", kind(hostKey)); continue }
                guard let fields = entry.mapping else { add(entry, "{headers: …, cookies: …}", kind(entry)); continue }
                var creds = HostCredentials()
                for (field, pairs) in fields {
                    guard let name = field.string, name == "headers" || name == "cookies" else {
                        add(field, "headers or cookies", "'\(field.string ?? "?")'")
                        continue
                    }
                    guard let map = pairs.mapping else { add(pairs, "a mapping of NAME: VALUE", kind(pairs)); continue }
                    for (n, v) in map {
                        guard let n = n.string, !n.isEmpty, case .scalar(let scalar) = v else {
                            add(v, "NAME: VALUE with a text value", "something else")
                            continue
                        }
                        let pair = HostCredentials.Pair(name: n, value: scalar.string)
                        if name == "headers" { creds.headerPairs.append(pair) } else { creds.cookiePairs.append(pair) }
                    }
                }
                hosts[host.lowercased()] = creds
            }
        }
        if !errors.isEmpty { throw LoadErrors(errors) }
        return Credentials(hosts: hosts)
    }
}
