import RunbookKit
import Testing

/// URLParts scans ASCII URLs by byte and others by Character; both must split a URL as
/// a reader would, and `host(of:)` must agree with the full split.
@Suite struct URLPartsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var url: String
        var parts: (scheme: String, host: String, port: Int?, pathAndQuery: String)?
        var testDescription: String { url }
    }

    static let cases: [Case] = [
        Case(url: "https://Grafana.Corp.Example/d/1?x=1#frag", parts: ("https", "grafana.corp.example", nil, "/d/1?x=1")),
        Case(url: "  http://user:pw@host.example:8080  ", parts: ("http", "host.example", 8080, "/")),
        Case(url: "https://[::1]:8443/x", parts: ("https", "[::1]", 8443, "/x")),
        Case(url: "https://host:/p", parts: ("https", "host", nil, "/p")),
        Case(url: "HTTPS://X.EXAMPLE?q", parts: ("https", "x.example", nil, "/?q")),
        Case(url: "https://h.example#x/y", parts: ("https", "h.example", nil, "/")),
        Case(url: "https://münchen.example/straße?ü=1", parts: ("https", "münchen.example", nil, "/straße?ü=1")),
        Case(url: "https://E\u{301}x.example:443/é", parts: ("https", "e\u{301}x.example", 443, "/é")),
        // A combining mark makes ":\u{301}" one Character that is not a colon: no port.
        Case(url: "https://a.example:\u{301}80/", parts: ("https", "a.example:\u{301}80", nil, "/")),
        Case(url: "https://[::1/x", parts: nil),
        Case(url: "https://host:abc/", parts: nil),
        Case(url: "ftp://x.example", parts: nil),
        Case(url: "mailto:a@b.example", parts: nil),
        Case(url: "relative/path", parts: nil),
        Case(url: "https:///path", parts: nil),
        Case(url: "https://#frag", parts: nil),
        Case(url: "https:/\u{301}/x.example", parts: nil),
    ]

    @Test(arguments: cases)
    func splitsLikeAReader(_ c: Case) {
        let parts = URLParts(c.url)
        #expect(parts?.scheme == c.parts?.scheme)
        #expect(parts?.host == c.parts?.host)
        #expect(parts?.port == c.parts?.port)
        #expect(parts?.pathAndQuery == c.parts?.pathAndQuery)
        #expect((parts == nil) == (c.parts == nil))
        #expect(URLParts.host(of: c.url) == parts?.host)
    }
}
