/// Minimal, allocation-light split of an absolute http(s) URL into the parts the lint
/// and the probes need. Foundation's URL is avoided here on purpose: it is slow on Linux
/// in the lint's hot path and accepts inputs we want to reject.
public struct URLParts: Hashable, Sendable {
    public var scheme: String
    public var host: String
    public var port: Int?
    /// Path plus query, always starting with "/".
    public var pathAndQuery: String

    public init?(_ string: String) {
        let trimmed = string.trimmingWhitespace()
        guard let colon = trimmed.firstIndex(of: ":"), trimmed[colon...].hasPrefix("://") else { return nil }
        let scheme = trimmed[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = trimmed[trimmed.index(colon, offsetBy: 3)...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = Substring(authority)
        var port: Int?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") { port = Int(after.dropFirst()) }
            host = host[...close]
        } else if let colon = host.lastIndex(of: ":") {
            let portText = host[host.index(after: colon)...]
            if !portText.isEmpty {
                guard let p = Int(portText) else { return nil }
                port = p
            }
            host = host[..<colon]
        }
        guard !host.isEmpty else { return nil }
        var tail = String(rest[authorityEnd...])
        if let hash = tail.firstIndex(of: "#") { tail = String(tail[..<hash]) }
        if !tail.hasPrefix("/") { tail = "/" + tail }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
        self.pathAndQuery = tail
    }

    /// The port the URL's scheme implies when none is written.
    public var effectivePort: Int { port ?? (scheme == "https" ? 443 : 80) }

    public var path: String {
        if let q = pathAndQuery.firstIndex(of: "?") { return String(pathAndQuery[..<q]) }
        return pathAndQuery
    }

    /// Query parameters, percent-decoding left to the caller (names are what we match).
    public var queryItems: [(name: String, value: String)] {
        guard let q = pathAndQuery.firstIndex(of: "?") else { return [] }
        return pathAndQuery[pathAndQuery.index(after: q)...].split(separator: "&").map { pair in
            if let eq = pair.firstIndex(of: "=") {
                return (String(pair[..<eq]), String(pair[pair.index(after: eq)...]))
            }
            return (String(pair), "")
        }
    }
}

extension StringProtocol {
    /// Trims spaces, tabs and newlines at both ends without Foundation.
    public func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}
