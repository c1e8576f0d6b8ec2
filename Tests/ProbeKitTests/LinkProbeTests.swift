import Foundation
@testable import ProbeKit
import RunbookKit
import Testing

/// Each link outcome of DESIGN.md, against a real loopback server that behaves that way.
@Suite("Link probes")
struct LinkProbeTests {
    @Test("a 200 page is ok, with its status chain, final URL and time")
    func ok() async throws {
        let server = try await TestHTTPServer.start { _, _ in .respond(200, headers: [("Content-Type", "text/html")], body: "<h1>dashboard</h1>") }
        defer { Task { await server.stop() } }
        let result = try await Fixture.probeLink(server.url + "/d/answerbot")
        #expect(result.outcome == .ok)
        #expect(result.statusChain == [200])
        #expect(result.finalURL == server.url + "/d/answerbot")
        #expect(result.ms != nil)
    }

    @Test("a 302 to a login host with a SAMLRequest is an SSO wall, caught before it is followed")
    func ssoRedirect() async throws {
        let server = try await TestHTTPServer.start { _, _ in
            .respond(302, headers: [("Location", "https://idp.example.net/app/sso?SAMLRequest=abc&RelayState=xyz")])
        }
        defer { Task { await server.stop() } }
        let result = try await Fixture.probeLink(server.url + "/traces")
        #expect(result.outcome == .ssoWall)
        #expect(result.statusChain == [302])
        #expect(result.finalURL?.contains("SAMLRequest") == true)
    }

    @Test("redirects to identity providers and sign-in pages are SSO walls", arguments: [
        "https://sso.corp.example/start",
        "https://corp.okta.com/app/x",
        "https://login.microsoftonline.com/tenant/oauth2/v2.0/authorize",
        "https://accounts.google.com/o/oauth2/auth?x=1",
        "https://corp.cloudflareaccess.com/cdn-cgi/access/login/app",
        "https://kc.example.net/realms/corp/protocol/openid-connect/auth?x=1",
        "/oauth2/start?rd=%2F",
        "https://auth.example.net/authorize?client_id=a&redirect_uri=b&response_type=code",
        "https://other.example.net/login?next=%2F",
    ])
    func ssoRedirectKinds(location: String) async throws {
        let server = try await TestHTTPServer.start { _, _ in .respond(302, headers: [("Location", location)]) }
        defer { Task { await server.stop() } }
        let result = try await Fixture.probeLink(server.url + "/page")
        #expect(result.outcome == .ssoWall, "\(location): \(result.reason ?? "")")
    }

    @Test("a 200 login page with a password field is an SSO wall")
    func loginPage() async throws {
        let page = """
            <html><body><form method="post" action="/session">
            <input name="user" type="text"><INPUT type='password' name=pw>
            </form></body></html>
            """
        let server = try await TestHTTPServer.start { _, _ in .respond(200, headers: [("Content-Type", "text/html")], body: page) }
        defer { Task { await server.stop() } }
        let result = try await Fixture.probeLink(server.url + "/dashboards")
        #expect(result.outcome == .ssoWall)
        #expect(result.statusChain == [200])
    }

    @Test("a 200 page that auto-submits a SAML form is an SSO wall")
    func samlAutoSubmit() async throws {
        let page = """
            <html><body onload="document.forms[0].submit()"><form method="post" action="https://idp.example.net/sso">
            <input type="hidden" name="SAMLRequest" value="PHNhbWw+"></form></body></html>
            """
        let server = try await TestHTTPServer.start { _, _ in .respond(200, headers: [("Content-Type", "text/html")], body: page) }
        defer { Task { await server.stop() } }
        #expect(try await Fixture.probeLink(server.url + "/").outcome == .ssoWall)
    }

    @Test("a 401 carries its WWW-Authenticate scheme")
    func unauthorized() async throws {
        let server = try await TestHTTPServer.start { _, _ in .respond(401, headers: [("WWW-Authenticate", "Bearer realm=\"traces\"")]) }
        defer { Task { await server.stop() } }
        let result = try await Fixture.probeLink(server.url + "/api")
        #expect(result.outcome == .unauthorized)
        #expect(result.wwwAuthenticate == "Bearer")
    }

    @Test("403 is forbidden and 404 is not_found", arguments: [(403, ProbeOutcome.forbidden), (404, .notFound), (500, .serverError)])
    func statuses(status: Int, outcome: ProbeOutcome) async throws {
        let server = try await TestHTTPServer.start { _, _ in .respond(status) }
        defer { Task { await server.stop() } }
        let result = try await Fixture.probeLink(server.url + "/x")
        #expect(result.outcome == outcome)
        #expect(result.statusChain == [status])
    }

    @Test("429 then 200 is retried and ok; 503 then 200 too", arguments: [429, 503])
    func retriedThenOK(status: Int) async throws {
        let server = try await TestHTTPServer.start { _, index in
            index == 0 ? .respond(status, headers: [("Retry-After", "0")]) : .respond(200, headers: [("Content-Type", "text/plain")], body: "ok")
        }
        defer { Task { await server.stop() } }
        let result = try await Fixture.probeLink(server.url + "/busy")
        #expect(result.outcome == .ok)
        #expect(server.requests.count == 2)
    }

    @Test("429 for ever ends as rate_limited when the link's deadline runs out")
    func rateLimitedForever() async throws {
        let server = try await TestHTTPServer.start { _, _ in .respond(429, headers: [("Retry-After", "1")]) }
        defer { Task { await server.stop() } }
        let result = try await Fixture.probeLink(server.url + "/busy", options: Fixture.options(requestTimeout: .seconds(1), linkDeadline: .milliseconds(1500)))
        #expect(result.outcome == .rateLimited)
        // One retry fits the deadline; on a loaded machine the retry may find no time left,
        // and the 429 already seen is still the answer.
        #expect((1...2).contains(server.requests.count))
    }

    @Test("a redirect loop is reported as one, with every hop recorded")
    func redirectLoop() async throws {
        let server = try await TestHTTPServer.start { request, _ in
            .respond(302, headers: [("Location", request.uri == "/a" ? "/b" : "/a")])
        }
        defer { Task { await server.stop() } }
        let result = try await Fixture.probeLink(server.url + "/a")
        #expect(result.outcome == .redirectLoop)
        #expect(result.statusChain == [302, 302])
    }

    @Test("a server that accepts and never answers is a timeout")
    func neverAnswers() async throws {
        let server = try await TestHTTPServer.start { _, _ in .silence }
        defer { Task { await server.stop() } }
        let result = try await Fixture.probeLink(server.url + "/", options: Fixture.options(requestTimeout: .seconds(1), linkDeadline: .seconds(2)))
        #expect(result.outcome == .timeout)
    }

    @Test("a body that stalls after its head ends at the request's deadline, read as far as it came")
    func bodyStallsAfterHead() async throws {
        let page = "<html><body><form action=\"/login\"><input type=\"password\" name=\"password\">"
        let server = try await TestHTTPServer.start { _, _ in .stallAfterHead(prefix: page, contentType: "text/html") }
        defer { Task { await server.stop() } }
        let started = ContinuousClock.now
        // The suite's roomy limits (the head is never late on two busy cores): the body's
        // stall is what must end the read, at the request's 8 s.
        let result = try await Fixture.probeLink(server.url + "/")
        // The part that came is read: its sign-in form is found, so the stall hides nothing.
        #expect(result.outcome == .ssoWall)
        #expect(ContinuousClock.now - started < .seconds(60), "a stalled body must end, not hang the run")
    }

    @Test("stalled bodies end at their deadline, and the run goes on to its other links")
    func runGoesOnPastStalledBodies() async throws {
        let server = try await TestHTTPServer.start { request, _ in
            switch request.uri.split(separator: "/").first {
            case "page": .stallAfterHead(prefix: "<html><body><h1>dashboard", contentType: "text/html")
            // HEAD refused, so the redirect is met by a GET whichever link scouts the host.
            case "moved" where request.method == .HEAD: .respond(405)
            case "moved": .stallAfterHead(302, headers: [("Location", "/ok/0")], prefix: "<html>Moved", contentType: "text/html")
            default: .respond(200, headers: [("Content-Type", "text/plain")], body: "ok")
            }
        }
        defer { Task { await server.stop() } }
        // A crew of two: the three stalled reads cost both first workers, so the last links
        // are probed only if others take their places.
        var options = Fixture.options()
        options.maxConcurrency = 1
        options.hostConcurrency = 1
        let urls = ["/page/1", "/moved/2", "/page/3", "/ok/4", "/ok/5"].map { server.url + $0 }
        let results = try await Fixture.probe(Fixture.runbook([Fixture.step(1, links: urls)]), options: options)
        let outcomes = Dictionary(uniqueKeysWithValues: results.map { ($0.url ?? "", $0) })
        #expect(outcomes.count == 5)
        #expect(outcomes[urls[0]]?.outcome == .ok)
        #expect(outcomes[urls[1]]?.outcome == .timeout)
        #expect(outcomes[urls[1]]?.reason?.contains("stopped sending its answer") == true)
        #expect(outcomes[urls[2]]?.outcome == .ok)
        #expect(outcomes[urls[3]]?.outcome == .ok)
        #expect(outcomes[urls[4]]?.outcome == .ok)
    }

    @Test("a stalled answer keeps its status, and a stalled page linked twice is asked once")
    func stalledAnswersStand() async throws {
        let server = try await TestHTTPServer.start { request, _ in
            request.uri.hasPrefix("/gone")
                ? .stallAfterHead(404, prefix: "<html>Not Found", contentType: "text/html")
                : .stallAfterHead(prefix: "<html><body><h1>dashboard", contentType: "text/html")
        }
        defer { Task { await server.stop() } }
        let page = server.url + "/page", gone = server.url + "/gone"
        let results = try await Fixture.probe(Fixture.runbook([Fixture.step(1, links: [page, gone]), Fixture.step(2, links: [page])]))
        #expect(results.filter { $0.url == page }.map(\.outcome) == [.ok, .ok])
        #expect(server.requests.filter { $0.method == .GET && $0.uri == "/page" }.count == 1)
        let notFound = try #require(results.first { $0.url == gone })
        #expect(notFound.outcome == .notFound)
        #expect(notFound.statusChain == [404])
    }

    @Test("a closed port is unreachable")
    func closedPort() async throws {
        let closed = try ClosedPort()
        defer { closed.close() }
        #expect(try await Fixture.probeLink("http://127.0.0.1:\(closed.port)/").outcome == .unreachable)
    }

    @Test("a name that cannot resolve is unreachable")
    func unresolvable() async throws {
        let result = try await Fixture.probeLink("http://coldread-probe-test.invalid/")
        #expect(result.outcome == .unreachable)
    }

    @Test("a 1 GB body is not read whole: the probe reads a bound and lets go")
    func hugeBody() async throws {
        let gigabyte = 1 << 30
        let server = try await TestHTTPServer.start { _, _ in .stream(bytes: gigabyte, contentType: "text/html") }
        defer { Task { await server.stop() } }
        let result = try await Fixture.probeLink(server.url + "/dump")
        #expect(result.outcome == .ok)
        #expect(server.bytesSent < gigabyte / 16)
    }

    @Test("a server that refuses HEAD is asked again with GET")
    func headRefused() async throws {
        let server = try await TestHTTPServer.start { request, _ in
            request.method == .HEAD ? .respond(405) : .respond(200, headers: [("Content-Type", "text/plain")], body: "fine")
        }
        defer { Task { await server.stop() } }
        let result = try await Fixture.probeLink(server.url + "/")
        #expect(result.outcome == .ok)
        #expect(server.requests.map(\.method) == [.HEAD, .GET])
    }

    @Test("50 steps linking one URL cause one request")
    func deduplicated() async throws {
        let server = try await TestHTTPServer.start { _, _ in .respond(200, headers: [("Content-Type", "application/json")]) }
        defer { Task { await server.stop() } }
        let steps = (1...50).map { Fixture.step($0, links: [server.url + "/d/answerbot"]) }
        let results = try await Fixture.probe(Fixture.runbook(steps))
        #expect(results.count == 50)
        #expect(results.allSatisfy { $0.outcome == .ok })
        #expect(Set(results.map(\.step)) == Set(1...50))
        #expect(server.requests.count == 1)
    }

    /// Issue #13 changed this: relative links were dropped; now they are checked in the
    /// repository (here: no such file), while mailto: still has nothing to probe.
    @Test("mailto: links are not probed; relative links are checked in the repository")
    func notHTTP() async throws {
        let results = try await Fixture.probe(Fixture.runbook([Fixture.step(1, links: ["mailto:oncall@corp.example", "../other.md"])]))
        #expect(results.map(\.url) == ["../other.md"])
        #expect(results.map(\.outcome) == [.notFound])
    }
}

@Suite("Link probe politeness")
struct LinkPolitenessTests {
    /// A host whose HEAD had to be asked again with GET: HTML pages, a refused HEAD, or a
    /// 403/404 that only a GET settles.
    @Test("a host whose HEAD needed a GET is asked with GET from then on, not HEAD and GET",
          arguments: [(200, "text/html", ProbeOutcome.ok), (404, "text/html", .notFound),
                      (403, "text/plain", .forbidden), (405, "text/plain", .ok)])
    func wastedHEADsAreSkipped(status: Int, type: String, outcome: ProbeOutcome) async throws {
        let server = try await TestHTTPServer.start { request, _ in
            status == 405 && request.method == .GET
                ? .respond(200, headers: [("Content-Type", type)], body: "fine")
                : .respond(status, headers: [("Content-Type", type)], body: "<p>page</p>")
        }
        defer { Task { await server.stop() } }
        let (first, second) = try await Fixture.probeInTurn(server.url + "/one", then: server.url + "/two")
        #expect(first.map(\.outcome) == [outcome])
        #expect(second.map(\.outcome) == [outcome])
        #expect(server.requests.map(\.method) == [.HEAD, .GET, .GET])
    }

    @Test("a host whose HEAD answers are enough keeps HEAD first")
    func usefulHEADsStay() async throws {
        let server = try await TestHTTPServer.start { _, _ in .respond(200, headers: [("Content-Type", "application/json")]) }
        defer { Task { await server.stop() } }
        let (first, second) = try await Fixture.probeInTurn(server.url + "/one", then: server.url + "/two")
        #expect((first + second).map(\.outcome) == [.ok, .ok])
        #expect(server.requests.map(\.method) == [.HEAD, .HEAD])
    }

    @Test("while a host's first HEAD is out, its other links ask GET instead of a HEAD each")
    func oneScoutPerHost() async throws {
        let server = try await TestHTTPServer.start { request, _ in
            request.method == .HEAD
                ? .delayed(200, delay: .seconds(1))
                : .respond(200, headers: [("Content-Type", "text/html")], body: "<p>ok</p>")
        }
        defer { Task { await server.stop() } }
        let steps = (1...4).map { Fixture.step($0, links: [server.url + "/d/\($0)"]) }
        let results = try await Fixture.probe(Fixture.runbook(steps))
        #expect(results.map(\.outcome) == [.ok, .ok, .ok, .ok])
        // The scout's HEAD (a JSON answer, enough on its own) and one GET for each other link.
        let methods = server.requests.map(\.method)
        #expect(methods.filter { $0 == .HEAD }.count == 1)
        #expect(methods.filter { $0 == .GET }.count == 3)
    }
}

@Suite("Link probe concurrency bounds")
struct LinkConcurrencyTests {
    @Test("no more requests to one host are in flight than the per-host bound")
    func perHostBound() async throws {
        let server = try await TestHTTPServer.start { _, _ in .delayed(200, delay: .milliseconds(40)) }
        defer { Task { await server.stop() } }
        let steps = (1...30).map { Fixture.step($0, links: [server.url + "/d/\($0)"]) }
        var options = Fixture.options()
        options.hostConcurrency = 3
        let results = try await Fixture.probe(Fixture.runbook(steps), options: options)
        #expect(results.count == 30)
        #expect(results.allSatisfy { $0.outcome == .ok })
        let peak = server.peakInFlight.total
        #expect(peak <= 3, "saw \(peak) requests at once to one host")
        #expect(peak >= 2, "the probes never overlapped, so the bound was not tested")
    }

    @Test("no more requests are in flight overall than the global bound, however many hosts")
    func globalBound() async throws {
        let server = try await TestHTTPServer.start { _, _ in .delayed(200, delay: .milliseconds(40)) }
        defer { Task { await server.stop() } }
        let hosts = (1...6).map { "dash-\($0).corp.example" }
        let routes = Dictionary(uniqueKeysWithValues: hosts.map { ($0, HostRoute(address: "127.0.0.1", port: server.port)) })
        let steps = (1...36).map { Fixture.step($0, links: ["https://\(hosts[$0 % hosts.count])/d/\($0)"]) }
        var options = Fixture.options()
        options.maxConcurrency = 4
        options.hostConcurrency = 8
        let results = try await Fixture.probe(Fixture.runbook(steps), options: options, routes: routes)
        #expect(results.count == 36)
        #expect(results.allSatisfy { $0.outcome == .ok })
        let peak = server.peakInFlight
        #expect(peak.total <= 4, "saw \(peak.total) requests at once")
        #expect(peak.total >= 2, "the probes never overlapped, so the bound was not tested")
        #expect(peak.byHost.count == 6)
    }
}
