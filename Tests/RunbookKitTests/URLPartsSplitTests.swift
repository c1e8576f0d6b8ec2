import RunbookKit
import Testing

/// The URL split that lint rules and probes share: what a host, port and path are, and
/// which strings are not http(s) URLs at all.
@Suite("URL parts: what lint and probes see")
struct URLPartsSplitTests {
    @Test("scheme and host are lower-cased; path and query kept, fragment dropped", arguments: [
        ("HTTPS://Grafana.Corp.Example/d/Abc?from=now-1h#panel-2", "https", "grafana.corp.example", nil, "/d/Abc?from=now-1h"),
        ("  http://traces.ai.corp.example:8080/t/1 \n", "http", "traces.ai.corp.example", 8080, "/t/1"),
        ("https://user:secret@git.corp.example/repo", "https", "git.corp.example", nil, "/repo"),
        ("https://wiki.corp.example", "https", "wiki.corp.example", nil, "/"),
        ("https://wiki.corp.example?q=1", "https", "wiki.corp.example", nil, "/?q=1"),
        ("http://[::1]:9090/metrics", "http", "[::1]", 9090, "/metrics"),
        ("https://héllo.example/ünïcode", "https", "héllo.example", nil, "/ünïcode"),
        ("https://héllo.example/ünï?a=b#frag-ü", "https", "héllo.example", nil, "/ünï?a=b"),
        ("https://wiki.corp.example#top", "https", "wiki.corp.example", nil, "/"),
        ("https://wiki.corp.example?q=1#top", "https", "wiki.corp.example", nil, "/?q=1"),
    ] as [(String, String, String, Int?, String)])
    func splits(url: String, scheme: String, host: String, port: Int?, pathAndQuery: String) throws {
        let parts = try #require(URLParts(url))
        #expect(parts.scheme == scheme)
        #expect(parts.host == host)
        #expect(parts.port == port)
        #expect(parts.pathAndQuery == pathAndQuery)
    }

    @Test("strings that are not absolute http(s) URLs are refused", arguments: [
        "mailto:oncall@corp.example", "../other.md", "ftp://files.corp.example/x", "https://", "https:///path",
        "https://host:notaport/x", "http:/one-slash.example", "", "   ",
    ])
    func refuses(text: String) {
        #expect(URLParts(text) == nil)
    }

    @Test("the effective port follows the scheme when none is written")
    func effectivePort() throws {
        #expect(try #require(URLParts("https://a.example/")).effectivePort == 443)
        #expect(try #require(URLParts("http://a.example/")).effectivePort == 80)
        #expect(try #require(URLParts("http://a.example:81/")).effectivePort == 81)
    }
}
