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
        var text = string
        // Scanned as UTF-8 bytes: every delimiter is ASCII, and walking Characters made
        // this parse the largest single cost of probing a long runbook.
        guard let parts = text.withUTF8(Self.split) else { return nil }
        (scheme, host, port, pathAndQuery) = parts
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, String, Int?, String)? {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        func firstIndex(_ range: Range<Int>, where match: (UInt8) -> Bool) -> Int? {
            for i in range where match(bytes[i]) { return i }
            return nil
        }
        func lastIndex(_ range: Range<Int>, of byte: UInt8) -> Int? {
            for i in range.reversed() where bytes[i] == byte { return i }
            return nil
        }
        var lower = 0, upper = bytes.count
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        guard let colon = firstIndex(lower..<upper, where: { $0 == UInt8(ascii: ":") }), colon + 3 <= upper,
              bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else { return nil }
        let scheme = text(lower..<colon).lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = colon + 3
        let authorityEnd = firstIndex(rest..<upper, where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? upper
        var hostStart = rest, hostEnd = authorityEnd
        if let at = lastIndex(rest..<authorityEnd, of: UInt8(ascii: "@")) { hostStart = at + 1 }
        var port: Int?
        if hostStart < hostEnd, bytes[hostStart] == UInt8(ascii: "[") {
            guard let close = firstIndex(hostStart..<hostEnd, where: { $0 == UInt8(ascii: "]") }) else { return nil }
            if close + 1 < hostEnd, bytes[close + 1] == UInt8(ascii: ":") { port = Int(text(close + 2..<hostEnd)) }
            hostEnd = close + 1
        } else if let portColon = lastIndex(hostStart..<hostEnd, of: UInt8(ascii: ":")) {
            if portColon + 1 < hostEnd {
                guard let p = Int(text(portColon + 1..<hostEnd)) else { return nil }
                port = p
            }
            hostEnd = portColon
        }
        guard hostStart < hostEnd else { return nil }
        let tailEnd = firstIndex(authorityEnd..<upper, where: { $0 == UInt8(ascii: "#") }) ?? upper
        var tail = text(authorityEnd..<tailEnd)
        if !tail.hasPrefix("/") { tail = "/" + tail }
        return (scheme, text(hostStart..<hostEnd).lowercased(), port, tail)
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
        // Nothing to trim, the common case: decided on the first and last bytes, without
        // walking Characters.
        let isSpaceByte: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let whole = String(self)
        if let first = whole.utf8.first, let last = whole.utf8.last, !isSpaceByte(first), !isSpaceByte(last) { return whole }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}
