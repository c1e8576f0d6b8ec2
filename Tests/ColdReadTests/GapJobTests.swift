import Foundation
import Jobs
import ProbeKit
import ReportKit
import RunbookKit
import Testing

/// `coldread gap` as a job (issue #18, deliverable 1): what only the author can do.
@Suite struct GapJobTests {
    /// A workspace on disk whose author team (`ai`: dmitri) holds two scopes the
    /// rotation (`sre`: ana, ben) lacks, and whose sandbox walls the reader, not the author.
    struct Workspace {
        let root = NSTemporaryDirectory() + "coldread-gap-" + UUID().uuidString

        static let runbook = """
            ---
            rotation: sre
            ---
            # Agent gone wrong
            ## Steps
            1. Read the agent's traces. <!-- coldread scopes: [traces:read] -->
            2. Roll the prompt back. <!-- coldread scopes: [prompt:rollback] -->
            3. Open the [evaluation console](https://evals.ai.test/answerbot). <!-- coldread scopes: [grafana:read] -->
            4. Watch the [dashboard](https://grafana.test/d/answerbot). <!-- coldread scopes: [grafana:read] -->
            5. Page the [status page](https://status.test/incidents). <!-- coldread scopes: [status:write] -->
            """

        static let scenario = """
            runbook: ../Runbooks/agent.md
            sandbox:
              services:
                evals.ai.test: {wall: sso, opens_for: [ai]}
                grafana.test: ok
                status.test: forbidden
            """

        init(providers: String = "") throws {
            let fm = FileManager.default
            try fm.createDirectory(atPath: root + "/Runbooks", withIntermediateDirectories: true)
            try fm.createDirectory(atPath: root + "/Drills", withIntermediateDirectories: true)
            try """
                rotations: {sre: {members: [ana, ben]}}
                members: {ana: {}, ben: {}, dmitri: {}}
                groups: {sre: [ana, ben], ai: [dmitri]}
                grants:
                  "traces:read": [ai]
                  "prompt:rollback": [ai]
                  "grafana:read": [sre, ai]
                  "status:write": [sre, ai]
                federation: {central: [grafana.test]}
                sso: {login_hosts: [sso.test]}
                \(providers)
                """.write(toFile: root + "/coldread.yaml", atomically: true, encoding: .utf8)
            try Self.runbook.write(toFile: root + "/Runbooks/agent.md", atomically: true, encoding: .utf8)
            try Self.scenario.write(toFile: root + "/Drills/agent.yaml", atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }

        func run(author: GapParty, reader: GapParty, access: (any AccessOracle)? = nil) async throws -> GapResult {
            let directory = try DirectoryLoader.load(root + "/coldread.yaml")
            let options = GapJob.Options(runbookPaths: [root + "/Runbooks/agent.md"], author: author, reader: reader,
                                         scenarioPath: root + "/Drills/agent.yaml",
                                         probe: ProbeOptions(requestTimeout: .seconds(5)))
            return try await GapJob(options: options, directory: directory, access: access).run()
        }
    }

    static func verdicts(_ result: GapResult) -> [Int: GapCheck.Verdict] {
        Dictionary(uniqueKeysWithValues: result.runbooks[0].steps.map { ($0.index, $0.verdict) })
    }

    @Test func exactlyTheStepsOnlyTheAuthorCanDoAreGapsAndExitOne() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try await workspace.run(author: .person("dmitri"), reader: .rotation("sre"))
        let steps = result.runbooks[0].steps
        #expect(steps.filter { $0.verdict == .gap }.map(\.index) == [1, 2, 3])
        #expect(Self.verdicts(result)[4] == .both)
        #expect(Self.verdicts(result)[5] == .neither, "a service that walls everyone is not the author's privilege")
        #expect(result.exitCode == 1)
        let walled = try #require(steps[2].gaps.first { $0.kind == .link })
        #expect(walled.subject == "https://evals.ai.test/answerbot")
        #expect(walled.authorOutcomes == ["dmitri": .ok])
        #expect(walled.readerOutcomes == ["ana": .ssoWall, "ben": .ssoWall])
        let text = GapText.render(result)
        #expect(text.contains("scope traces:read: held for dmitri; not_held for ana, ben"))
        #expect(text.contains("remedy: Grant `prompt:rollback` to rotation sre (ana, ben lack it)."))
        #expect(text.contains("remedy: Federate this data into central observability"))
        #expect(text.contains("steps that work for both: 4"))
        #expect(text.contains("3 steps only dmitri can do."))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(GapJSON.render(result).utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        #expect(json["gap_steps"] as? Int == 3)
        #expect(json["readers"] as? [String] == ["ana", "ben"])
    }

    /// A profile's values go to the profile's own host only; the sandbox person cookie
    /// to sandbox hosts only; nothing to any other host.
    @Test func profileCredentialsStayWithTheirHost() throws {
        let file = try Credentials.parse("""
            hosts: {grafana.test: {headers: {Authorization: Bearer mine-1}}}
            profiles:
              dmitri: {hosts: {traces.ai.test: {cookies: {session: dmitri-s3cret}}}}
            """, file: "credentials.yaml")
        #expect(file.redactionValues.contains("dmitri-s3cret"), "profile values are redacted everywhere")
        let dmitri = try #require(file.profile(named: "dmitri")).actingAs("dmitri", onSandboxHosts: ["evals.ai.test"])
        #expect(dmitri.forHost("traces.ai.test", port: 443, scheme: "https")?.cookies.map(\.value) == ["dmitri-s3cret"])
        #expect(dmitri.forHost("traces.ai.test", port: 8443, scheme: "https") == nil)
        #expect(dmitri.forHost("evals.ai.test", port: 443, scheme: "https")?.cookies.map(\.name) == [Credentials.sandboxPersonCookie])
        #expect(dmitri.forHost("grafana.test", port: 443, scheme: "https") == nil, "the reader's own hosts are not the author's")
        #expect(file.profile(named: "ana") == nil)
    }

    @Test func theAuthorTeamFaceAnnotatesEachGapStepForCI() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try await workspace.run(author: .team("ai"), reader: .rotation("sre"))
        #expect(result.findings.map(\.step) == [1, 2, 3])
        #expect(result.findings.allSatisfy { $0.rule == .authorOnly && $0.severity == .error })
        let github = FindingFormat.github.render(result.findings, filesChecked: 1, toolVersion: "test")
        #expect(github.split(separator: "\n").count == 3)
        #expect(github.contains("title=coldread author-only") && github.contains("line=8"))
    }

    @Test func theAuthorAgainstHimselfHasNoGap() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try await workspace.run(author: .person("dmitri"), reader: .person("dmitri"))
        #expect(result.gapCount == 0)
        #expect(result.unknownCount == 0)
        #expect(result.exitCode == 0)
        #expect(GapText.render(result).contains("no step works only for dmitri."))
    }

    @Test func aFailingLiveSourceMakesItsScopesUnknownNeverAGapNorAPass() async throws {
        let providers = """
            providers:
              timeout: 1s
              scim: {base_url: "http://127.0.0.1:9", token_env: GAP_TEST_SCIM_TOKEN, groups: [ai]}
            """
        let workspace = try Workspace(providers: providers)
        defer { workspace.remove() }
        let directory = try DirectoryLoader.load(workspace.root + "/coldread.yaml")
        let live = await LiveAccess.prefetch(directory: directory, environment: ["GAP_TEST_SCIM_TOKEN": "t"], scopes: [])
        let result = try await workspace.run(author: .person("dmitri"), reader: .rotation("sre"), access: live)
        let verdicts = Self.verdicts(result)
        #expect(verdicts[1] == .unknown)
        #expect(verdicts[2] == .unknown)
        let unknown = try #require(result.runbooks[0].steps[0].unknowns.first)
        #expect(unknown.subject == "traces:read")
        #expect(unknown.unknownReasons["dmitri"]?.isEmpty == false)
        #expect(!result.findings.contains { $0.step == 1 || $0.step == 2 }, "unknown is never a gap")
        #expect(result.exitCode == 1, "unknown is never a pass")
        #expect(GapText.render(result).contains("unknown, so neither a gap nor a pass"))
    }

    @Test func aServiceThatOpensForNobodyIsAnErrorAtItsPlace() throws {
        let text = "runbook: agent.md\nsandbox:\n  services:\n    evals.ai.test: {wall: sso}\n"
        #expect {
            try ScenarioLoader.parse(text, file: "Drills/x.yaml")
        } throws: { error in
            let lines = (error as? LoadErrors)?.errors.map(\.description) ?? []
            return lines.contains { $0.contains("Drills/x.yaml:4:") && $0.contains("opens_for") }
        }
    }
}
