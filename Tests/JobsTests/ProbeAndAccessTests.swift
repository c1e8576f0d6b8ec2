import Foundation
import Jobs
import ProbeKit
import RunbookKit
import Testing

/// `ProbeRun` and `AccessExplanation` in-process: the results `coldread probe` prints and
/// who holds what according to `coldread access`, with no network and no binary.
@Suite("Jobs: probe and access")
struct ProbeAndAccessTests {
    static let config = "rotations: {sre: {members: [a]}}\ngroups: {sre: [a]}\ngrants: {}\n"

    @Test func aMissingToolBlocksTheReaderAndAPresentOneDoesNot() async throws {
        let project = try ProjectFolder()
        try project.write("coldread.yaml", Self.config)
        try project.write("scripts/failover.sh", "#!/bin/sh\n")
        try project.write("Runbooks/failover.md", "# Failover\n\n## Fix\n\n```bash\n./scripts/failover.sh --region eu\nbin/rails db:migrate\n```\n")
        let job = ProbeRun(runbooks: [project.path("Runbooks/failover.md")], offline: true)
        let outcome = try await job.run(directory: try project.directory())
        await outcome.close()
        let results = try #require(outcome.report.first?.1)
        let tools = Dictionary(results.filter { $0.kind == .tool }.map { ($0.tool ?? "", $0.outcome) }, uniquingKeysWith: { a, _ in a })
        #expect(tools["./scripts/failover.sh"] == .present)
        #expect(tools["bin/rails"] == .missing)
        #expect(outcome.exitCode == 1)
        #expect(ProbeTable.render(outcome.report).contains("BLOCKED tool"))
    }

    @Test func aRunbookThatDoesNotLoadIsAnInputErrorAtItsLine() async throws {
        let project = try ProjectFolder()
        try project.write("coldread.yaml", Self.config)
        try project.write("Runbooks/bad.md", "---\nbudget: [\n---\n# Bad\n")
        let directory = try project.directory()
        let thrown = await failure { _ = try await ProbeRun(runbooks: [project.path("Runbooks/bad.md")], offline: true).run(directory: directory) }
        #expect(thrown?.exitCode == 2)
        #expect(thrown?.lines.first?.contains("bad.md:3:1: error:") == true)
    }

    /// `probe --reader` with a name no access source knows would mark every scope
    /// unknown: refused before any probe, with the members the directory knows.
    @Test func anUnknownReaderIsAnInputErrorNamingTheMembers() async throws {
        let project = try ProjectFolder()
        try project.write("coldread.yaml", Self.config)
        try project.write("Runbooks/failover.md", "# Failover\n\n## Steps\n\n1. Promote it.\n")
        let directory = try project.directory()
        let thrown = await failure {
            _ = try await ProbeRun(runbooks: [project.path("Runbooks/failover.md")], reader: "nobdy", offline: true).run(directory: directory)
        }
        #expect(thrown?.exitCode == 2)
        #expect(thrown?.lines.first?.hasPrefix("coldread probe: unknown reader 'nobdy' (hint: name a member the directory knows: ") == true,
                "\(thrown?.lines ?? [])")
    }

    @Test func aMemberSeesEveryDeclaredScopeHeldOrNotAndWhy() async throws {
        let project = try ProjectFolder(examples: true)
        let report = try await AccessExplanation(subject: "ben", offline: true).run(directory: try project.directory())
        let ben = try #require(report.document.members.first)
        #expect(ben.rotations == ["sre-primary"])
        #expect(ben.scopes.first { $0.scope == "traces:read" }?.answer == "not_held")
        #expect(ben.scopes.first { $0.scope == "grafana:read" }?.answer == "held")
        #expect(report.text().contains("(file only: no live providers were asked)"))
    }

    @Test func aRotationListsWhoLacksEachScope() async throws {
        let project = try ProjectFolder(examples: true)
        let report = try await AccessExplanation(subject: "sre-primary", offline: true).run(directory: try project.directory())
        #expect(report.document.rotations.map(\.name) == ["sre-primary"])
        #expect(report.text().contains("  traces:read: not held by ana, ben, chidi"))
    }

    @Test func anUnknownSubjectIsAnInputErrorNamingTheRotations() async throws {
        let project = try ProjectFolder(examples: true)
        let directory = try project.directory()
        let thrown = await failure { _ = try await AccessExplanation(subject: "zed", offline: true).run(directory: directory) }
        #expect(thrown?.exitCode == 2)
        #expect(thrown?.lines.first?.contains("'zed' is neither a member nor a rotation") == true)
    }
}
