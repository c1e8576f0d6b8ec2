import Foundation
import ProbeKit
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

    @Test("a host key with a port binds the credentials to that port only")
    func portBound() throws {
        let credentials = try Credentials.parse("hosts: {\"a.test:8443\": {headers: {X-Token: t}}}", file: "c.yaml")
        #expect(credentials.forHost("a.test", port: 8443) != nil)
        #expect(credentials.forHost("a.test", port: 443) == nil)
        #expect(credentials.forHost("b.test", port: 8443) == nil)
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
