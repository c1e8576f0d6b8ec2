import Foundation
@testable import ProbeKit
import RunbookKit
import Testing

/// The reader's credentials go to their own host only and never show up in any output.
@Suite("Credentials")
struct CredentialTests {
    static let secret = "s3cr3t-token-6f1d0a"
    static let cookieSecret = "cookie-value-91be7c"

    @Test("host A's credentials reach A, are dropped on the redirect to B, and appear in no result")
    func hygiene() async throws {
        let b = try await TestHTTPServer.start { _, _ in .respond(200, headers: [("Content-Type", "text/plain")], body: "landing") }
        defer { Task { await b.stop() } }
        let a = try await TestHTTPServer.start { _, _ in .respond(302, headers: [("Location", "http://b.test/landing")]) }
        defer { Task { await a.stop() } }
        let credentials = try Credentials.parse("""
            hosts:
              a.test:
                headers: {Authorization: "Bearer \(Self.secret)"}
                cookies: {session: \(Self.cookieSecret)}
            """, file: "credentials.yaml")
        let routes = ["a.test": HostRoute(address: "127.0.0.1", port: a.port), "b.test": HostRoute(address: "127.0.0.1", port: b.port)]
        let results = try await Fixture.probe(Fixture.runbook([Fixture.step(1, links: ["https://a.test/dashboard"])]),
                                              routes: routes, credentials: credentials)

        let link = try #require(results.first)
        #expect(link.outcome == .ok)
        #expect(link.statusChain == [302, 200])
        #expect(link.finalURL == "http://b.test/landing")
        let seenByA = try #require(a.requests.first)
        #expect(seenByA.header("Authorization") == "Bearer \(Self.secret)")
        #expect(seenByA.header("Cookie") == "session=\(Self.cookieSecret)")
        #expect(seenByA.header("Host") == "a.test")
        #expect(!b.requests.isEmpty)
        for request in b.requests {
            #expect(request.header("Authorization") == nil)
            #expect(request.header("Cookie") == nil)
            #expect(!request.headers.contains { $0.value.contains(Self.secret) || $0.value.contains(Self.cookieSecret) })
        }
        let encoder = JSONEncoder()
        let everything = String(decoding: try encoder.encode(results), as: UTF8.self)
            + "\(results)" + "\(credentials)" + String(reflecting: credentials)
        #expect(!everything.contains(Self.secret))
        #expect(!everything.contains(Self.cookieSecret))
    }

    @Test("credentials bound to one port are not sent to another port of the same host, nor a portless key to a non-default port")
    func noForwardingAcrossPorts() async throws {
        let b = try await TestHTTPServer.start { _, _ in .respond(200, headers: [("Content-Type", "text/plain")], body: "landing") }
        defer { Task { await b.stop() } }
        let a = try await TestHTTPServer.start { _, _ in .respond(302, headers: [("Location", "\(b.url)/landing?from=a")]) }
        defer { Task { await a.stop() } }
        let credentials = try Credentials.parse("""
            hosts:
              "127.0.0.1:\(a.port)": {headers: {Authorization: "Bearer \(Self.secret)"}}
              "127.0.0.1": {cookies: {session: \(Self.cookieSecret)}}
            """, file: "credentials.yaml")
        let results = try await Fixture.probe(Fixture.runbook([Fixture.step(1, links: ["\(a.url)/start"])]), credentials: credentials)
        #expect(results.first?.statusChain == [302, 200])
        #expect(a.requests.first?.header("Authorization") == "Bearer \(Self.secret)")
        #expect(a.requests.allSatisfy { $0.header("Cookie") == nil })
        #expect(!b.requests.isEmpty)
        #expect(b.requests.allSatisfy { $0.header("Authorization") == nil && $0.header("Cookie") == nil })
    }

    @Test("a host key with a port binds the credentials to that port only")
    func portBound() throws {
        let credentials = try Credentials.parse("hosts: {\"a.test:8443\": {headers: {X-Token: t}}}", file: "c.yaml")
        #expect(credentials.forHost("a.test", port: 8443, scheme: "https") != nil)
        #expect(credentials.forHost("a.test", port: 443, scheme: "https") == nil)
        #expect(credentials.forHost("b.test", port: 8443, scheme: "https") == nil)
    }

    @Test("a host key without a port matches the scheme's default port only")
    func defaultPortOnly() throws {
        let credentials = try Credentials.parse("hosts: {corp.example: {headers: {X-Token: t}}}", file: "c.yaml")
        #expect(credentials.forHost("corp.example", port: 443, scheme: "https") != nil)
        #expect(credentials.forHost("corp.example", port: 80, scheme: "http") != nil)
        #expect(credentials.forHost("corp.example", port: 8443, scheme: "https") == nil)
        #expect(credentials.forHost("corp.example", port: 80, scheme: "https") == nil)
        #expect(credentials.forHost("corp.example", port: 443, scheme: "http") == nil)
    }

    @Test("a header value from a YAML | block is an error at its line:col naming the header, never the value")
    func blockScalarValue() throws {
        let text = "hosts:\n  a.test:\n    headers:\n      Authorization: |\n        Bearer \(Self.secret)\n"
        let error = try #require(throws: LoadErrors.self) { try Credentials.parse(text, file: "creds.yaml") }
        #expect(error.errors.count == 1)
        #expect(error.description.hasPrefix("creds.yaml:4:22: error: expected a one-line value for header Authorization"))
        #expect(error.description.contains("line break"))
        #expect(!error.description.contains(Self.secret))
        #expect(!error.description.contains("\n"))
    }

    struct BadEntry: Sendable, CustomTestStringConvertible {
        var yaml: String
        var says: String
        var testDescription: String { says }
    }

    @Test(arguments: [
        BadEntry(yaml: "hosts: {a.test: {headers: {\"Bad Name\": x}}}", says: "a header name made of letters"),
        BadEntry(yaml: "hosts: {a.test: {headers: {X-Token: \"v\\u0000x\"}}}", says: "a value with a NUL byte in it"),
        BadEntry(yaml: "hosts: {a.test: {headers: {X-Token: \"a\\rb\"}}}", says: "a value with a line break in it"),
        BadEntry(yaml: "hosts: {a.test: {cookies: {\"se=ss\": x}}}", says: "a cookie name made of letters"),
        BadEntry(yaml: "hosts: {a.test: {cookies: {session: \"a; admin=1\"}}}", says: "which would end the cookie"),
        BadEntry(yaml: "hosts: {\"https://a.test\": {headers: {X-Token: t}}}", says: "a host name such as corp.example"),
        BadEntry(yaml: "hosts: {\"a.test:99999\": {headers: {X-Token: t}}}", says: "a host name such as corp.example"),
    ])
    func invalidEntriesAreOneLocatedError(_ entry: BadEntry) throws {
        let error = try #require(throws: LoadErrors.self) { try Credentials.parse(entry.yaml, file: "c.yaml") }
        #expect(error.errors.count == 1)
        #expect(error.description.hasPrefix("c.yaml:1:"))
        #expect(error.description.contains(entry.says), "\(error)")
    }

    @Test("profiles hold other people's credentials, are checked the same way and redacted too")
    func profiles() throws {
        let credentials = try Credentials.parse("""
            hosts: {a.test: {headers: {X-Token: mine-123456}}}
            profiles:
              author: {hosts: {a.test: {cookies: {session: authors-654321}}}}
            """, file: "c.yaml")
        #expect(credentials.profiles["author"]?.forHost("a.test", port: 443, scheme: "https") != nil)
        #expect(Set(credentials.redactionValues) == ["mine-123456", "authors-654321"])
        #expect(!"\(credentials)".contains("authors-654321") && !String(reflecting: credentials).contains("authors-654321"))
        let text = "profiles:\n  author:\n    hosts:\n      a.test: {headers: {Authorization: \"Bearer x\\n\"}}\n"
        let error = try #require(throws: LoadErrors.self) { try Credentials.parse(text, file: "c.yaml") }
        #expect(error.description.hasPrefix("c.yaml:4:"))
        #expect(error.description.contains("header Authorization"))
    }

    @Test("an IPv6 host key with a port is valid")
    func ipv6Key() throws {
        let credentials = try Credentials.parse("hosts: {\"[::1]:8443\": {headers: {X-Token: t}}}", file: "c.yaml")
        #expect(credentials.forHost("[::1]", port: 8443, scheme: "https") != nil)
    }

    @Test("a malformed file names file:line:column and never echoes a value")
    func malformed() throws {
        let text = """
            hosts:
              a.test:
                headers: [Authorization, "Bearer \(Self.secret)"]
            """
        let error = try #require(throws: LoadErrors.self) { try Credentials.parse(text, file: "creds.yaml") }
        let first = try #require(error.errors.first)
        #expect(first.location.file == "creds.yaml")
        #expect(first.location.line == 3)
        #expect(!error.description.contains(Self.secret))
    }

    @Test("broken YAML reports a position without quoting the text")
    func brokenYAML() throws {
        let text = "hosts:\n  a.test: {headers: {Authorization: \"Bearer \(Self.secret)\"\n"
        let error = try #require(throws: LoadErrors.self) { try Credentials.parse(text, file: "creds.yaml") }
        #expect(!error.description.contains(Self.secret))
        #expect(error.description.hasPrefix("creds.yaml:"))
    }

    @Test("a named credentials file that is missing is an error")
    func missing() throws {
        #expect(throws: LoadErrors.self) { try Credentials.load(path: "/nonexistent/coldread-credentials.yaml") }
    }
}
