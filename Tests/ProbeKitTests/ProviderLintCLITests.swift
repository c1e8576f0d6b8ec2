import ChildProcess
import Foundation
import ProviderServers
import Synchronization
import Testing

/// `coldread lint` and `coldread access` on the built binary, with PagerDuty and SCIM
/// served on loopback: the permission contract checked against live membership.
@Suite struct ProviderLintCLITests {
    static let pdToken = LoopbackProviders.pdToken
    static let scimToken = LoopbackProviders.scimToken

    /// PagerDuty schedules ana and ben; the SCIM group `sre` holds only ana.
    static func servers(alsoOnCall: [String] = []) async throws -> (pd: ProviderServer, scim: ProviderServer) {
        try await LoopbackProviders.start(alsoOnCall: alsoOnCall)
    }

    static func project(pd: String, scim: String) throws -> String {
        let dir = try ScratchFolders.make("coldread-live")
        try ProviderCLI.write(dir + "/coldread.yaml", LoopbackProviders.directory(pd: pd, scim: scim))
        try ProviderCLI.write(dir + "/Runbooks/dash.md", LoopbackProviders.dashRunbook)
        return dir
    }

    static let tokens = LoopbackProviders.tokens

    @Test func aMemberOnTheScheduleButNotInTheGroupIsNamedUnderScopeNotHeld() async throws {
        let (pd, scim) = try await Self.servers()
        defer { Task { await pd.stop(); await scim.stop() } }
        let dir = try Self.project(pd: pd.baseURL, scim: scim.baseURL)

        let run = try await ProviderCLI.run(["lint"], in: dir, environment: Self.tokens)
        #expect(run.status == 1)
        let finding = try #require(run.stdout.split(separator: "\n").first { $0.contains("[scope-not-held]") })
        #expect(finding.hasPrefix("Runbooks/dash.md:6:"))
        #expect(finding.contains("rotation 'sre-primary' does not hold: ben lacks it;"), "ana is in the SCIM group, so only ben is named")
        for token in Self.tokens.values {
            #expect(!run.stdout.contains(token) && !run.stderr.contains(token))
        }

        let offline = try await ProviderCLI.run(["lint", "--offline"], in: dir, environment: Self.tokens)
        #expect(offline.status == 0, "the file alone: rotation [ana], and ana is in sre")
    }

    @Test func someoneOnTheScheduleWhomNoEmailMatchesIsAnUnknownMember() async throws {
        let (pd, scim) = try await Self.servers(alsoOnCall: ["dana@contractor.example"])
        defer { Task { await pd.stop(); await scim.stop() } }
        let dir = try Self.project(pd: pd.baseURL, scim: scim.baseURL)

        let run = try await ProviderCLI.run(["lint"], in: dir, environment: Self.tokens)
        #expect(run.status == 1)
        let unknown = try #require(run.stdout.split(separator: "\n").first { $0.contains("[unknown-member]") })
        #expect(unknown.hasPrefix("coldread.yaml:1:") && unknown.contains("'dana@contractor.example'") && unknown.contains("PagerDuty schedule PI7DH85"))
        #expect(run.stdout.contains("2 members lack it: ben, dana@contractor.example"))
    }

    @Test func accessExplainsWhereTheAnswerCameFrom() async throws {
        let (pd, scim) = try await Self.servers()
        defer { Task { await pd.stop(); await scim.stop() } }
        let dir = try Self.project(pd: pd.baseURL, scim: scim.baseURL)

        let text = try await ProviderCLI.run(["access", "ben"], in: dir, environment: Self.tokens)
        #expect(text.status == 0)
        #expect(text.stdout.contains("rotation sre-primary: from PagerDuty schedule PI7DH85, fetched 20"))
        #expect(text.stdout.contains("grafana:read: not held"))
        #expect(text.stdout.contains("ben is not in sre (SCIM group \"sre\", fetched 20"))

        let json = try await ProviderCLI.run(["access", "sre-primary", "--format", "json"], in: dir, environment: Self.tokens)
        let doc = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(doc["version"] as? Int == 1)
        let rotation = try #require((doc["rotations"] as? [[String: Any]])?.first)
        #expect(rotation["members"] as? [String] == ["ana", "ben"])
        #expect((rotation["source"] as? [String: Any])?["provider"] as? String == "pagerduty")
        #expect((rotation["source"] as? [String: Any])?["fetched_at"] is String)
        let ben = try #require((doc["members"] as? [[String: Any]])?.first { $0["name"] as? String == "ben" })
        #expect((ben["scopes"] as? [[String: Any]])?.first?["answer"] as? String == "not_held")
        for token in Self.tokens.values {
            #expect(!text.stdout.contains(token) && !json.stdout.contains(token) && !text.stderr.contains(token) && !json.stderr.contains(token))
        }
    }

    @Test func accessOfflineAsksNoOneAndAnUnknownSubjectIsAUsageError() async throws {
        let (pd, scim) = try await Self.servers()
        defer { Task { await pd.stop(); await scim.stop() } }
        let dir = try Self.project(pd: pd.baseURL, scim: scim.baseURL)

        let offline = try await ProviderCLI.run(["access", "ben", "--offline"], in: dir, environment: Self.tokens)
        #expect(offline.status == 0)
        #expect(offline.stdout.contains("grafana:read: held") && offline.stdout.contains("(file only: no live providers were asked)"))
        #expect(pd.requests.isEmpty && scim.requests.isEmpty)

        let unknown = try await ProviderCLI.run(["access", "zoe", "--offline"], in: dir, environment: Self.tokens)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("coldread access: 'zoe' is neither a member nor a rotation (hint:"))
        #expect(unknown.stderr.split(separator: "\n").count == 1)
    }

    @Test func aMissingTokenIsUnknownNamingTheVariableAndTheLintStillRuns() async throws {
        let (pd, scim) = try await Self.servers()
        defer { Task { await pd.stop(); await scim.stop() } }
        let dir = try Self.project(pd: pd.baseURL, scim: scim.baseURL)

        let run = try await ProviderCLI.run(["lint"], in: dir, environment: ["SCIM_TOKEN": Self.scimToken], removing: ["PAGERDUTY_TOKEN"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("PAGERDUTY_TOKEN is not set"))
        #expect(pd.requests.isEmpty)
    }

    @Test func aWrongTokenNeverLeaksIntoOutput() async throws {
        let (pd, scim) = try await Self.servers()
        defer { Task { await pd.stop(); await scim.stop() } }
        let dir = try Self.project(pd: pd.baseURL, scim: scim.baseURL)
        let wrong = ["PAGERDUTY_TOKEN": "pd-wrong-5e1d", "SCIM_TOKEN": "scim-wrong-07aa"]

        for args in [["lint"], ["lint", "--format", "json"], ["access"], ["access", "ben", "--format", "json"]] {
            let run = try await ProviderCLI.run(args, in: dir, environment: wrong)
            #expect(run.status != 3 && run.status != 2, "a refused token is an unknown answer, not a crash: \(args)")
            for token in wrong.values {
                #expect(!run.stdout.contains(token) && !run.stderr.contains(token), "\(args)")
            }
        }
    }
}

/// Runs the built `coldread` binary without blocking the test's cooperative threads.
enum ProviderCLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func run(_ arguments: [String], in directory: String, environment: [String: String], removing: [String] = []) async throws -> Result {
        var env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        for name in removing + ["PAGERDUTY_TOKEN", "SCIM_TOKEN", "GITHUB_TOKEN"] where environment[name] == nil { env[name] = nil }
        let process = try ChildProcess(packageRoot + "/.build/debug/coldread", arguments, in: directory, environment: env)
        let outcome = await process.finished()
        return Result(status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr)
    }

    static func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
