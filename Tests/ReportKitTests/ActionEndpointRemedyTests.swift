import DrillKit
import ReportKit
import RunbookKit
import Testing

/// `non-federated-link` is about observability data; a break-glass URL or a deploy
/// console is where a step acts, and gets the scope and break-glass remedies (issue #15,
/// deliverable 9).
@Suite struct ActionEndpointRemedyTests {
    static let directory = try! DirectoryLoader.parse("""
        rotations: {sre: {members: [ana, ben]}}
        members: {ana: {}, ben: {}, dmitri: {}}
        groups: {sre: [ana, ben], ai: [dmitri]}
        grants:
          "traces:read": [sre]
          "deploy:rollback": [ai]
          "bg:rollback": [sre]
        federation: {central: [grafana.corp.example]}
        """, file: "coldread.yaml")

    static let runbookText = """
        ---
        rotation: sre
        ---
        # T
        ## Steps
        1. Read the [traces](https://traces.ai.corp.example/x). <!-- coldread scopes: [traces:read] -->
        2. Roll back in the [deploy console](https://deploy.corp.example/console).
           <!-- coldread
           scopes: [deploy:rollback]
           break_glass: {scope: bg:rollback, url: https://glass.corp.example/rollback}
           -->
        3. Or press the [break-glass button](https://glass.corp.example/rollback) yourself. <!-- coldread scopes: [] -->
        """

    static func runbook() throws -> Runbook { try RunbookLoader.parse(runbookText, file: "rb.md") }

    /// The `non-federated-link` findings of a runbook of the rotation `sre` with these steps.
    static func federateFindings(_ steps: String) throws -> [Finding] {
        let runbook = try RunbookLoader.parse("---\nrotation: sre\n---\n# T\n## Steps\n" + steps + "\n", file: "rb.md")
        return Linter(directory: directory).lint(runbook).filter { $0.rule == .nonFederatedLink }
    }

    @Test func observabilityLinksAreToBeFederatedActionEndpointsAreNot() throws {
        let findings = Linter(directory: Self.directory).lint(try Self.runbook())
        let federate = findings.filter { $0.rule == .nonFederatedLink }
        #expect(federate.map(\.step) == [1])
        #expect(federate.first?.message.contains("traces.ai.corp.example") == true)
        #expect(!findings.contains { $0.message.contains("deploy.corp.example") || $0.message.contains("glass.corp.example") })
        #expect(findings.contains { $0.rule == .scopeNotHeld && $0.step == 2 } == false, "break-glass held by the rotation covers step 2")
    }

    /// A step with no scope: links inside the organisation that runs central
    /// observability are observability; vendor docs and code hosting are references.
    @Test func withoutScopesTheOrganisationDecides() throws {
        let flagged = try Self.federateFindings("""
            1. Check the [staging Grafana](https://grafana.staging.other.example/d/x) and the [logs](https://logs.corp.example/q).
            2. Read [the upstream docs](https://github.com/prometheus/docs) and [grafana.com](https://grafana.com/docs).
            """)
        #expect(flagged.map(\.step) == [1, 1])
        #expect(flagged.contains { $0.message.contains("grafana.staging.other.example") }, "another instance of a central service")
        #expect(flagged.contains { $0.message.contains("logs.corp.example") }, "inside the organisation's domain")
    }

    /// In a step that both reads and acts, the scope whose system a host names decides.
    @Test func aMixedStepSortsItsLinksByTheScopeTheirHostNames() throws {
        let flagged = try Self.federateFindings("""
            1. Watch [traces](https://traces.other.example/q) while you use the [deploy console](https://deploy.other.example/c).
               <!-- coldread scopes: [traces:read, deploy:rollback] -->
            """)
        #expect(flagged.count == 1)
        #expect(flagged.first?.message.contains("traces.other.example") == true)
    }

    @Test func theRuleReadsScopeVerbsNotProductNames() {
        #expect(LinkPurpose.isReadScope("traces:read"))
        #expect(LinkPurpose.isReadScope("k8s:get:*"))
        #expect(LinkPurpose.isReadScope("metrics:readonly"))
        #expect(!LinkPurpose.isReadScope("deploy:rollback"))
        #expect(!LinkPurpose.isReadScope("status-page:write"))
    }

    @Test func aWalledActionEndpointGetsAccessRemediesNotFederation() throws {
        var script = JournalScript()
        script.start(runbook: "rb")
        script.add(.probeResult, at: 10) {
            $0.result = ProbeResult(kind: .link, step: 2, outcome: .ssoWall, url: "https://deploy.corp.example/console")
        }
        script.add(.probeResult, at: 11) {
            $0.result = ProbeResult(kind: .link, step: 1, outcome: .ssoWall, url: "https://traces.ai.corp.example/x")
        }
        script.step(.stepBlocked, 2, at: 500, reason: .noPermission)
        script.add(.finished, at: 900) { $0.clean = false; $0.blocked = 1; $0.elapsedMs = 900 }
        let report = RunReport(events: script.events, runbook: try Self.runbook(), directory: Self.directory)
        let console = try #require(report.roadmap.first { $0.subject == "https://deploy.corp.example/console" })
        #expect(console.kind == .scopeNotHeld)
        #expect(console.remedies.contains { $0.contains("`deploy:rollback`") })
        #expect(console.remedies.contains { $0.contains("break-glass path https://glass.corp.example/rollback") })
        #expect(!console.remedies.joined().contains("Federate"))
        let traces = try #require(report.roadmap.first { $0.subject == "https://traces.ai.corp.example/x" })
        #expect(traces.kind == .nonFederatedLink)
        #expect(traces.remedies.first?.hasPrefix("Federate") == true)
    }
}
