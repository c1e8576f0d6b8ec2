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
        let text = string.trimmingWhitespace()
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        guard let found = ascii ? Self.locate(in: text, view: text.utf8) : Self.locate(in: text, view: Substring(text)) else {
            return nil
        }
        var tail = String(text[found.tail])
        if ascii {
            // One byte per Character: the byte search finds what the Character one would.
            if let hash = tail.utf8.firstIndex(of: UInt8(ascii: "#")) { tail = String(tail[..<hash]) }
            if tail.utf8.first != UInt8(ascii: "/") { tail = "/" + tail }
        } else {
            if let hash = tail.firstIndex(of: "#") { tail = String(tail[..<hash]) }
            if !tail.hasPrefix("/") { tail = "/" + tail }
        }
        self.scheme = text[found.scheme].lowercased()
        self.host = text[found.host].lowercased()
        self.port = found.port
        self.pathAndQuery = tail
    }

    /// `URLParts(string)?.host` without building the rest: the lint asks it of every link.
    public static func host(of string: String) -> String? {
        let text = string.trimmingWhitespace()
        return locate(in: text).map { text[$0.host].lowercased() }
    }

    /// Where the parts of an absolute http(s) URL are, or nil when it is not one.
    private static func locate(in text: String) -> (scheme: Range<String.Index>, host: Range<String.Index>, port: Int?, tail: Range<String.Index>)? {
        // On ASCII text every Character is one byte (CR LF aside, which holds no
        // delimiter), so scanning bytes finds the same delimiters as scanning Characters,
        // only faster; other text is scanned by Character, as a reader sees it.
        text.utf8.allSatisfy { $0 < 0x80 } ? locate(in: text, view: text.utf8) : locate(in: text, view: Substring(text))
    }

    private static func locate<View: BidirectionalCollection>(in text: String, view: View)
        -> (scheme: Range<String.Index>, host: Range<String.Index>, port: Int?, tail: Range<String.Index>)?
    where View.Index == String.Index, View.SubSequence: BidirectionalCollection, View.Element: URLDelimiter {
        let d = View.Element.self
        guard let colon = view.firstIndex(of: d.colon), view[colon...].starts(with: [d.colon, d.slash, d.slash]) else { return nil }
        let scheme = text[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = view[view.index(colon, offsetBy: 3)...]
        let authorityEnd = rest.firstIndex(where: { $0 == d.slash || $0 == d.question || $0 == d.hash }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: d.at) { authority = authority[authority.index(after: at)...] }
        var host = authority.startIndex..<authority.endIndex
        var port: Int?
        if authority.first == d.openBracket {
            guard let close = authority.firstIndex(of: d.closeBracket) else { return nil }
            let after = authority[authority.index(after: close)...]
            if after.first == d.colon { port = Int(text[after.index(after: after.startIndex)..<after.endIndex]) }
            host = authority.startIndex..<authority.index(after: close)
        } else if let colon = authority.lastIndex(of: d.colon) {
            let portText = text[authority.index(after: colon)..<authority.endIndex]
            if !portText.isEmpty {
                guard let p = Int(portText) else { return nil }
                port = p
            }
            host = authority.startIndex..<colon
        }
        guard !host.isEmpty else { return nil }
        return (text.startIndex..<colon, host, port, authorityEnd..<text.endIndex)
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

/// The ASCII delimiters of a URL as bytes or as Characters, so one scanner serves both.
private protocol URLDelimiter: Equatable {
    static var colon: Self { get }
    static var slash: Self { get }
    static var question: Self { get }
    static var hash: Self { get }
    static var at: Self { get }
    static var openBracket: Self { get }
    static var closeBracket: Self { get }
}

extension UInt8: URLDelimiter {
    static var colon: UInt8 { UInt8(ascii: ":") }
    static var slash: UInt8 { UInt8(ascii: "/") }
    static var question: UInt8 { UInt8(ascii: "?") }
    static var hash: UInt8 { UInt8(ascii: "#") }
    static var at: UInt8 { UInt8(ascii: "@") }
    static var openBracket: UInt8 { UInt8(ascii: "[") }
    static var closeBracket: UInt8 { UInt8(ascii: "]") }
}

extension Character: URLDelimiter {
    static var colon: Character { ":" }
    static var slash: Character { "/" }
    static var question: Character { "?" }
    static var hash: Character { "#" }
    static var at: Character { "@" }
    static var openBracket: Character { "[" }
    static var closeBracket: Character { "]" }
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
