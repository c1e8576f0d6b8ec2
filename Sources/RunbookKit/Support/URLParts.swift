/// The split of an absolute http(s) URL into the parts the lint and the probes need,
/// read by `Character` as a reader sees the link. Foundation's `URL` is not used: it
/// accepts inputs the lint must reject (`https:///path`, a port that is not a number)
/// and refuses ones a reader follows (`https://münchen.example/straße`).
public struct URLParts: Hashable, Sendable {
    public var scheme: String
    public var host: String
    public var port: Int?
    /// Path plus query, always starting with "/".
    public var pathAndQuery: String

    public init?(_ string: String) {
        let text = string.trimmingWhitespace()
        guard let found = Self.locate(in: text) else { return nil }
        var tail = text[found.tail]
        if let hash = tail.firstIndex(of: "#") { tail = tail[..<hash] }
        self.scheme = text[found.scheme].lowercased()
        self.host = text[found.host].lowercased()
        self.port = found.port
        self.pathAndQuery = tail.hasPrefix("/") ? String(tail) : "/" + tail
    }

    /// `URLParts(string)?.host` without building the rest: the lint asks it of every link.
    public static func host(of string: String) -> String? {
        let text = string.trimmingWhitespace()
        return locate(in: text).map { text[$0.host].lowercased() }
    }

    /// Where the parts of an absolute http(s) URL are, or nil when it is not one.
    private static func locate(in text: String) -> (scheme: Range<String.Index>, host: Range<String.Index>, port: Int?, tail: Range<String.Index>)? {
        guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") else { return nil }
        let scheme = text[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = text[text.index(colon, offsetBy: 3)...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        guard let (host, port) = hostAndPort(authority), !host.isEmpty else { return nil }
        return (text.startIndex..<colon, host, port, authorityEnd..<text.endIndex)
    }

    /// The host (an IPv6 literal keeps its brackets) and the port written after it; nil
    /// when a bracket is not closed or the port is not a number.
    private static func hostAndPort(_ authority: Substring) -> (Range<String.Index>, Int?)? {
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            let after = authority[authority.index(after: close)...]
            let port = after.first == ":" ? Int(after.dropFirst()) : nil
            return (authority.startIndex..<authority.index(after: close), port)
        }
        guard let colon = authority.lastIndex(of: ":") else { return (authority.startIndex..<authority.endIndex, nil) }
        let portText = authority[authority.index(after: colon)...]
        if portText.isEmpty { return (authority.startIndex..<colon, nil) }
        guard let port = Int(portText) else { return nil }
        return (authority.startIndex..<colon, port)
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
