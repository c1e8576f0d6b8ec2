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
    static func project(tracesOpenFor: String = "[ai]") throws -> ProjectFolder {
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
                traces.ai.test: {wall: sso, opens_for: \(tracesOpenFor)}
                grafana.test: ok
            """)
        return project
    }

    /// Each link's outcome by step, probed as `reader` (nil: as the rotation).
    static func linkOutcomes(as reader: String?, in project: ProjectFolder) async throws -> [Int: ProbeOutcome] {
        try await links(as: reader, in: project).mapValues(\.outcome)
    }

    /// Each link's result by step, probed as `reader` (nil: as the rotation).
    static func links(as reader: String?, in project: ProjectFolder) async throws -> [Int: ProbeResult] {
        let job = ProbeRun(runbooks: [project.path("Runbooks/agent.md")], scenario: project.path("Drills/agent.yaml"),
                           reader: reader, options: ProbeOptions(requestTimeout: .seconds(5)), offline: true)
        let outcome = try await job.run(directory: try project.directory())
        await outcome.close()
        let results = try #require(outcome.report.first?.1)
        return Dictionary(results.filter { $0.kind == .link }.map { ($0.step, $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func aPersonTheServiceOpensForIsLetInThroughTheirGroup() async throws {
        let project = try Self.project()
        #expect(try await Self.linkOutcomes(as: "dmitri", in: project) == [1: .ok, 2: .ok])
    }

    @Test func aReaderItDoesNotOpenForMeetsItsWall() async throws {
        let project = try Self.project()
        #expect(try await Self.linkOutcomes(as: "ben", in: project) == [1: .ssoWall, 2: .ok])
    }

    /// Any member of a rotation may be the one paged, so a service that opens for none
    /// of its members is walled for the rotation.
    @Test func theRotationMeetsTheWall() async throws {
        let project = try Self.project()
        #expect(try await Self.linkOutcomes(as: nil, in: project) == [1: .ssoWall, 2: .ok])
    }

    /// A service that opens for the whole rotation is no wall for it: each member is
    /// asked, and each is let in.
    @Test func aServiceThatOpensForEveryMemberLetsTheRotationIn() async throws {
        let project = try Self.project(tracesOpenFor: "[sre]")
        #expect(try await Self.linkOutcomes(as: nil, in: project) == [1: .ok, 2: .ok])
    }

    /// One that opens for some members only stops the rotation, and says whom it stops.
    @Test func aServiceThatOpensForSomeMembersStopsTheRotationAndNamesWhom() async throws {
        let project = try Self.project(tracesOpenFor: "[ana]")
        let links = try await Self.links(as: nil, in: project)
        let traces = try #require(links[1])
        #expect(traces.outcome == .ssoWall)
        #expect(traces.reason?.hasSuffix("for ben (ana gets through)") == true, "\(traces.reason ?? "")")
        #expect(links[2]?.outcome == .ok)
    }
}
