import ProbeKit
@testable import RunbookKit

/// Small runbooks and sessions built in code, so each test states exactly what it probes.
enum Fixture {
    static let here = SourceLocation(file: "test.md", line: 1)

    static func step(_ index: Int, links: [String] = [], scopes: [String] = [], tools: [String] = [],
                     probes: [[String]] = [], breakGlass: BreakGlass? = nil, rotation: String? = nil) -> Step {
        Step(index: index, title: "step \(index)", location: here,
             links: links.map { Link(title: $0, url: $0, location: here) },
             scopes: scopes.map { Scope($0, location: here) },
             tools: tools.map { Tool($0, location: here) },
             probes: probes.map { CommandProbe(argv: $0, location: here) },
             breakGlass: breakGlass, rotation: rotation)
    }

    static func runbook(_ steps: [Step], rotation: String? = "sre-primary") -> Runbook {
        Runbook(id: "test", title: "Test", path: "test.md", rotation: rotation, steps: steps, location: here)
    }

    static let directory = Directory(
        rotations: ["sre-primary": Rotation(name: "sre-primary", members: ["ana", "ben"], location: here),
                    "empty": Rotation(name: "empty", members: [], location: here)],
        groups: ["sre": Group(name: "sre", members: ["ana", "ben"], location: here),
                 "ai": Group(name: "ai", members: ["dmitri"], location: here)],
        grants: ["grafana:read": Grant(pattern: "grafana:read", holders: ["sre", "ai"], location: here),
                 "traces:read": Grant(pattern: "traces:read", holders: ["ai"], location: here),
                 "deploy:rollback": Grant(pattern: "deploy:rollback", holders: ["ana", "dmitri"], location: here)],
        ssoLoginHosts: ["sso.corp.example"])

    /// Limits below the defaults' 30 s, yet roomy enough that a loopback answer is never
    /// late while the whole suite runs on two busy cores (at 2 s and 4 s, a retry test
    /// now and then saw its link's deadline pass before the retry). Tests about timeouts
    /// pass their own, shorter limits.
    static func options(requestTimeout: Duration = .seconds(8), linkDeadline: Duration = .seconds(15)) -> ProbeOptions {
        ProbeOptions(requestTimeout: requestTimeout, linkDeadline: linkDeadline, commandTimeout: .seconds(2),
                     retryBaseDelay: .milliseconds(50))
    }

    /// A started session over the test directory, with the fast limits.
    static func session(options: ProbeOptions = options(), routes: [String: HostRoute] = [:],
                        credentials: Credentials = .none, sandbox: Sandbox? = nil) async throws -> ProbeSession {
        let session = ProbeSession(access: directory, directory: directory, sandbox: sandbox, credentials: credentials,
                                   options: options, routes: routes)
        try await session.start()
        return session
    }

    /// Every result of a run, per runbook, in the order the stream gave them.
    static func results(of run: AsyncStream<ProbeRunEvent>) async -> [[ProbeResult]] {
        var results: [[ProbeResult]] = []
        for await case .result(let runbook, let result) in run {
            while results.count <= runbook { results.append([]) }
            results[runbook].append(result)
        }
        return results.isEmpty ? [[]] : results
    }

    /// Probes one runbook in a fresh session and returns its results in reading order.
    static func probe(_ runbook: Runbook, as audience: ProbeAudience = .rotation(nil), options: ProbeOptions = options(),
                      routes: [String: HostRoute] = [:], credentials: Credentials = .none,
                      sandbox: Sandbox? = nil) async throws -> [ProbeResult] {
        let session = try await session(options: options, routes: routes, credentials: credentials, sandbox: sandbox)
        let results = await results(of: session.run([runbook], as: audience))
        await session.shutdown()
        return results[0]
    }

    /// Probes one URL and then another in two runs of one session, so the second run
    /// meets whatever the session learnt in the first. Returns each run's results.
    static func probeInTurn(_ first: String, then second: String) async throws -> ([ProbeResult], [ProbeResult]) {
        let session = try await session()
        let one = await results(of: session.run([runbook([step(1, links: [first])])], as: .rotation(nil)))
        let two = await results(of: session.run([runbook([step(1, links: [second])])], as: .rotation(nil)))
        await session.shutdown()
        return (one[0], two[0])
    }

    /// Probes one URL and returns its link result.
    static func probeLink(_ url: String, options: ProbeOptions = options(), routes: [String: HostRoute] = [:],
                          credentials: Credentials = .none) async throws -> ProbeResult {
        let results = try await probe(runbook([step(1, links: [url])]), options: options, routes: routes, credentials: credentials)
        return try #require(results.first { $0.kind == .link })
    }
}

import Testing
