import Foundation
import Jobs
import ProbeKit
import RunbookKit
import Testing

/// A sandbox service that opens for some people only (`opens_for`) answers `probe
/// --reader` (and so the drill) as that reader: let in when the reader is one of its
/// people, walled otherwise, the same verdicts `coldread gap` gives.
@Suite("Jobs: the sandbox answers as the reader")
struct SandboxPeopleTests {
    static func project() throws -> ProjectFolder {
        let project = try ProjectFolder()
        try project.write("coldread.yaml", """
            rotations: {sre: {members: [ana, ben]}}
            members: {ana: {}, ben: {}, dmitri: {}}
            groups: {sre: [ana, ben], ai: [dmitri]}
            grants: {}
            sso: {login_hosts: [sso.test]}
            """)
        try project.write("Runbooks/agent.md", """
            ---
            rotation: sre
            ---
            # Agent gone wrong
            ## Steps
            1. Read the [agent's traces](https://traces.ai.test/answerbot).
            2. Watch the [dashboard](https://grafana.test/d/answerbot).
            """)
        try project.write("Drills/agent.yaml", """
            runbook: ../Runbooks/agent.md
            sandbox:
              services:
                traces.ai.test: {wall: sso, opens_for: [ai]}
                grafana.test: ok
            """)
        return project
    }

    /// Each link's outcome by step, probed as `reader` (nil: as the rotation).
    static func linkOutcomes(as reader: String?, in project: ProjectFolder) async throws -> [Int: ProbeOutcome] {
        let job = ProbeRun(runbooks: [project.path("Runbooks/agent.md")], scenario: project.path("Drills/agent.yaml"),
                           reader: reader, options: ProbeOptions(requestTimeout: .seconds(5)), offline: true)
        let outcome = try await job.run(directory: try project.directory())
        await outcome.closing.value
        let results = try #require(outcome.report.first?.1)
        return Dictionary(results.filter { $0.kind == .link }.map { ($0.step, $0.outcome) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func aPersonTheServiceOpensForIsLetInThroughTheirGroup() async throws {
        let project = try Self.project()
        #expect(try await Self.linkOutcomes(as: "dmitri", in: project) == [1: .ok, 2: .ok])
    }

    @Test func aReaderItDoesNotOpenForMeetsItsWall() async throws {
        let project = try Self.project()
        #expect(try await Self.linkOutcomes(as: "ben", in: project) == [1: .ssoWall, 2: .ok])
    }

    /// Any member of a rotation may be the one paged, so a service that opens for some
    /// people only is walled for the rotation.
    @Test func theRotationMeetsTheWall() async throws {
        let project = try Self.project()
        #expect(try await Self.linkOutcomes(as: nil, in: project) == [1: .ssoWall, 2: .ok])
    }
}
