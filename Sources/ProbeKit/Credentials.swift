import Foundation
import RunbookKit
import Yams

/// The reader's own credentials for the systems a runbook links to, from
/// `$COLDREAD_CREDENTIALS` or `~/.config/coldread/credentials.yaml`:
/// `hosts: {HOST: {headers: {NAME: VALUE}, cookies: {NAME: VALUE}}}`.
///
/// Each host's credentials go to that host only (a key with a port, `host:8443`, to that
/// port only; a key without one to the scheme's default port only) and are never
/// forwarded across a redirect to another host (docs/credentials.md). Nothing here
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

    /// Other people's credentials by profile name (`profiles: {NAME: {hosts: …}}`), for
    /// probing as them in `coldread gap`.
    public internal(set) var profiles: [String: Credentials] = [:]

    public init(hosts: [String: HostCredentials] = [:]) {
        self.hosts = Dictionary(hosts.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
    }

    /// No credentials at all: every probe is anonymous.
    public static let none = Credentials()

    /// Hosts that have credentials, for messages; never the values.
    public var hostNames: [String] { hosts.keys.sorted() }

    /// The credentials for this host and port, or nil. A key with a port (`corp.example:8443`)
    /// matches that port only; a key without one matches the scheme's default port only
    /// (`corp.example` serves https://corp.example and http://corp.example:80, never :8443),
    /// so a token never reaches another service that happens to share the host name.
    public func forHost(_ host: String, port: Int, scheme: String) -> HostCredentials? {
        guard !hosts.isEmpty else { return nil }
        let host = host.lowercased()
        if let bound = hosts["\(host):\(port)"] { return bound }
        let defaultPort = scheme.lowercased() == "https" ? 443 : 80
        return port == defaultPort ? hosts[host] : nil
    }

    /// Every header and cookie value, for the output redaction only: it replaces them
    /// wherever they appear. Nothing else may read them.
    public var redactionValues: [String] {
        hosts.values.flatMap { $0.headerPairs.map(\.value) + $0.cookiePairs.map(\.value) }
            + profiles.values.flatMap(\.redactionValues)
    }

    public var description: String { "Credentials(hosts: \(hostNames), values redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["hosts": hostNames, "profiles": profiles.keys.sorted()], displayStyle: .struct)
    }

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

    /// Reads and checks the file's text: every host key, header and cookie is valid HTTP,
    /// or each problem is reported at its `file:line:column`, naming the header or cookie
    /// and never its value.
    public static func parse(_ text: String, file: String) throws(LoadErrors) -> Credentials {
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
                                        expected: "valid YAML", found: "a syntax error",
                                        hint: "check indentation and quoting; the value itself is not shown")])
        } catch {
            throw LoadErrors([LoadError(SourceLocation(file: file, line: 1), expected: "valid YAML", found: "unreadable text")])
        }
        guard let root else { return .none }
        var reader = CredentialsFile(file: file)
        let credentials = reader.read(root)
        if !reader.errors.isEmpty { throw LoadErrors(reader.errors) }
        return credentials
    }
}
