import Foundation
import Testing

/// `coldread gap` through the real binary, on the bundled example: the README's command
/// shows the gap on a fresh machine (no credentials file, the sandbox on loopback).
@Suite struct GapCommandTests {
    static let fresh = ["HOME": NSTemporaryDirectory() + "coldread-gap-home-none", "COLDREAD_CREDENTIALS": ""]

    static func gap(_ extra: [String], in project: DrillProject) async throws -> BinaryRunner.Outcome {
        try await BinaryRunner.run(["gap", "Runbooks/agent-wrong-answers.md", "--scenario", "Drills/wrong-answers-0217.yaml"] + extra,
                             in: URL(fileURLWithPath: project.root), environment: fresh)
    }

    @Test func theBundledExampleShowsWhatOnlyTheAuthorCanDo() async throws {
        let project = try DrillProject()
        defer { project.remove() }
        let run = try await Self.gap(["--author", "dmitri", "--rotation", "sre-primary"], in: project)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("link https://traces.ai-platform.corp.example/answerbot?window=1h: opens for dmitri; sso_wall for ana, ben, chidi"))
        #expect(run.stdout.contains("scope prompt-registry:rollback: held for dmitri; not_held for ana, ben, chidi"))
        #expect(run.stdout.contains("remedy: Federate this data into central observability"))
        #expect(run.stdout.contains("3 steps only dmitri can do."))
        #expect(run.stderr.isEmpty)
    }

    @Test func aReaderFromTheAuthorsTeamHasNoGap() async throws {
        let project = try DrillProject()
        defer { project.remove() }
        let run = try await Self.gap(["--author", "dmitri", "--reader", "eve"], in: project)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("no step works only for dmitri."))
    }

    @Test func sarifAnnotatesEachGapStep() async throws {
        let project = try DrillProject()
        defer { project.remove() }
        let run = try await Self.gap(["--author-team", "ai-platform", "--rotation", "sre-primary", "--format", "sarif"], in: project)
        #expect(run.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect(!results.isEmpty)
        #expect(results.allSatisfy { $0["ruleId"] as? String == "author-only" })
    }

    /// A misspelt author or reader would make every step "unknown": refused, with the
    /// members the directory knows, before anything is probed.
    @Test(arguments: [["--author", "dmirti", "--rotation", "sre-primary"], ["--author", "dmitri", "--reader", "bne"]])
    func anUnknownPersonIsAnInputErrorNamingTheMembers(flags: [String]) async throws {
        let project = try DrillProject()
        defer { project.remove() }
        let run = try await Self.gap(flags, in: project)
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        let typo = flags[1] == "dmirti" ? "dmirti" : "bne"
        #expect(run.stderr.hasPrefix("coldread gap: unknown person '\(typo)' (hint: name a member the directory knows: "), "\(run.stderr)")
        #expect(run.stderr.contains("ben") && run.stderr.contains("dmitri"))
        #expect(run.stdout.isEmpty)
    }

    @Test func namingBothAReaderAndARotationIsAUsageError() async throws {
        let project = try DrillProject()
        defer { project.remove() }
        let run = try await Self.gap(["--author", "dmitri", "--reader", "ana", "--rotation", "sre-primary"], in: project)
        #expect(run.status == 2)
        #expect(run.stderr.contains("exactly one of --reader or --rotation"))
        #expect(run.stdout.isEmpty)
    }
}
