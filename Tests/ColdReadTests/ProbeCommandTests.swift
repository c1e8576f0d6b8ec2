import Foundation
import Testing

/// `coldread probe` as a user runs it: the real binary on the bundled example scenario,
/// whose sandbox the binary serves on loopback for that run.
@Suite("coldread probe")
struct ProbeCommandTests {
    static let secret = "cli-s3cr3t-5c2b9e"

    struct JSONResult: Decodable {
        var runbook: String
        var kind: String
        var step: Int
        var outcome: String
        var url: String?
        var status_chain: [Int]?
        var scope: String?
        var missing_members: [String]?
        var tool: String?
    }

    struct Document: Decodable {
        var version: Int
        var results: [JSONResult]
    }

    /// A credentials file holding a secret for the sandbox's traces host.
    func credentialsFile() throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("coldread-creds-\(UUID().uuidString).yaml")
        try """
            hosts:
              traces.ai-platform.corp.example:
                headers: {Authorization: "Bearer \(Self.secret)"}
                cookies: {grafana_session: "\(Self.secret)"}
            """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("the example scenario shows the SSO wall, the missing scope and the missing tool, and exits 1")
    func scenarioJSON() async throws {
        let creds = try credentialsFile()
        defer { try? FileManager.default.removeItem(at: creds) }
        let run = try await BinaryRunner.run(["probe", "--scenario", "Drills/wrong-answers-0217.yaml", "--format", "json"],
                                       environment: ["COLDREAD_CREDENTIALS": creds.path, "PATH": "/usr/bin:/bin"])
        #expect(run.status == 1, "\(run.stderr)")
        let document = try JSONDecoder().decode(Document.self, from: Data(run.stdout.utf8))
        #expect(document.version == 1)
        let results = document.results
        #expect(results.allSatisfy { $0.runbook == "agent-wrong-answers" })
        let traces = try #require(results.first { $0.url?.contains("traces.ai-platform.corp.example") == true })
        #expect(traces.outcome == "sso_wall")
        #expect(traces.step == 1)
        #expect(traces.status_chain == [302])
        let grafana = results.filter { $0.url?.contains("grafana.corp.example") == true }
        #expect(!grafana.isEmpty)
        #expect(grafana.allSatisfy { $0.outcome == "ok" })
        let tracesScope = try #require(results.first { $0.scope == "traces:read" })
        #expect(tracesScope.outcome == "not_held")
        #expect(tracesScope.missing_members == ["ana", "ben", "chidi"])
        let promptctl = try #require(results.first { $0.tool == "promptctl" })
        #expect(promptctl.outcome == "missing")
        #expect(promptctl.step == 3)
        #expect(!run.stdout.contains(Self.secret) && !run.stderr.contains(Self.secret))
    }

    @Test("the text table names each step's blocked probes; no secret appears; stderr stays quiet without a TTY")
    func scenarioText() async throws {
        let creds = try credentialsFile()
        defer { try? FileManager.default.removeItem(at: creds) }
        let run = try await BinaryRunner.run(["probe", "--scenario", "Drills/wrong-answers-0217.yaml"],
                                       environment: ["COLDREAD_CREDENTIALS": creds.path, "PATH": "/usr/bin:/bin"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("step 1:"))
        #expect(run.stdout.contains("sso_wall"))
        #expect(run.stdout.contains("missing       promptctl"))
        #expect(run.stdout.contains("blocked"))
        #expect(run.stderr.isEmpty)
        #expect(!run.stdout.contains(Self.secret) && !run.stderr.contains(Self.secret))
    }

    @Test("bad input exits 2 with one line naming the problem", arguments: [
        (["probe"], "--scenario"),
        (["probe", "Runbooks/no-such-runbook.md"], "Runbooks/no-such-runbook.md"),
        (["probe", "Runbooks/agent-wrong-answers.md", "--max-concurrency", "0"], "--max-concurrency"),
    ])
    func badInput(arguments: [String], mention: String) async throws {
        let run = try await BinaryRunner.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(mention))
        #expect(run.stdout.isEmpty)
    }

    @Test("a malformed credentials file exits 2 and does not echo the secret")
    func badCredentials() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("coldread-bad-\(UUID().uuidString).yaml")
        try "hosts:\n  a.test: [\"\(Self.secret)\"]\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try await BinaryRunner.run(["probe", "--scenario", "Drills/wrong-answers-0217.yaml"],
                                       environment: ["COLDREAD_CREDENTIALS": file.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains(file.path + ":2:"))
        #expect(!run.stderr.contains(Self.secret) && !run.stdout.contains(Self.secret))
    }
}
