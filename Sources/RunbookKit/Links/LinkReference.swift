import Foundation

/// What a link's target is, as the reader's browser would resolve it from the rendered
/// runbook: a web page, a file beside the runbook in its repository, a heading of the
/// runbook itself, a page of the site the runbooks are published on, or something no
/// probe can open (`mailto:`, `tel:`, …).
public enum LinkReference: Hashable, Sendable {
    /// An absolute http(s) URL (a scheme-relative `//host/x` is read as https).
    case web(URLParts)
    /// A path relative to the runbook's file (`../x.md`, `x.md#anchor`), percent-decoded,
    /// without query or fragment; `anchor` is the fragment, if any.
    case repository(path: String, anchor: String?)
    /// `#anchor`: a heading of the runbook itself.
    case inPage(anchor: String)
    /// `/manual/x.html`: a page of the published site, resolved against `docs_base_url`.
    case siteRelative(String)
    /// Another scheme (`mailto:`, `tel:`, `ftp:`) or an empty target.
    case other

    public init(_ url: String) {
        let text = url.trimmingWhitespace()
        if let parts = URLParts(text) {
            self = .web(parts)
        } else if text.hasPrefix("//") {
            self = URLParts("https:" + text).map { .web($0) } ?? .other
        } else if text.isEmpty || Self.hasScheme(text) {
            self = .other
        } else if text.hasPrefix("/") {
            self = .siteRelative(text)
        } else if text.hasPrefix("#") {
            self = .inPage(anchor: Self.decoded(String(text.dropFirst())))
        } else {
            let (path, anchor) = Self.split(text)
            self = path.isEmpty ? (anchor.map { .inPage(anchor: $0) } ?? .other) : .repository(path: path, anchor: anchor)
        }
    }

    /// The absolute http(s) URL to probe for `url`: itself, `https:` before a
    /// scheme-relative one, a site-relative one under `docsBase`; nil for the rest.
    public static func webAddress(_ url: String, docsBase: String?) -> String? {
        switch LinkReference(url) {
        case .web: return url.hasPrefix("//") ? "https:" + url : url
        case .siteRelative(let path): return docsBase.map { absolute(siteRelative: path, docsBase: $0) }
        default: return nil
        }
    }

    /// The absolute URL a site-relative link stands for: `docs_base_url` (its path kept,
    /// for sites published under a folder) followed by the link's path.
    public static func absolute(siteRelative path: String, docsBase: String) -> String {
        var base = docsBase.trimmingWhitespace()
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    /// RFC 3986: a scheme is a letter then letters, digits, `+`, `-` or `.`, before a `:`
    /// that comes before any `/`, `?` or `#`.
    static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isASCII, first.isLetter else { return false }
        return text[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// The path (query dropped, percent-decoded) and the fragment of a relative target.
    private static func split(_ text: String) -> (String, String?) {
        var rest = Substring(text)
        var anchor: String?
        if let hash = rest.firstIndex(of: "#") {
            anchor = decoded(String(rest[rest.index(after: hash)...]))
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        return (decoded(String(rest)), anchor?.isEmpty == true ? nil : anchor)
    }

    private static func decoded(_ text: String) -> String {
        text.removingPercentEncoding ?? text
    }
}
