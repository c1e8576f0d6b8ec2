import DrillKit
import ReportKit
import RunbookKit
import Testing

@Suite("Roadmap of gaps and remedies")
struct RoadmapTests {
    @Test func aScopeNotHeldNamesWhoLacksItAndThreeOptions() throws {
        let report = try ReportFixtures.mixedDrill()
        let gap = try #require(report.roadmap.first { $0.subject == "prompt-registry:rollback" })
        #expect(gap.kind == .scopeNotHeld)
        #expect(gap.missingMembers == ["ana", "ben", "chidi"])
        #expect(gap.remedies.count == 3)
        #expect(gap.remedies[0].contains("Grant `prompt-registry:rollback` to rotation `sre-primary`"))
        #expect(gap.remedies[1].contains("lead with its break-glass path `break-glass:prompt-rollback` at https://deploy.corp.example/break-glass/prompt, which rotation `sre-primary` holds"))
        #expect(gap.remedies[2].contains("`ai-platform-oncall`"))
    }

    @Test func aLinkBehindAnSSOWallIsToBeFederated() throws {
        let report = try ReportFixtures.mixedDrill()
        let gap = try #require(report.roadmap.first { $0.kind == .nonFederatedLink && $0.step == 1 })
        #expect(gap.blocking)
        #expect(gap.remedies == ["Federate this data into central observability and link the central view instead of https://traces.ai-platform.corp.example/answerbot?window=1h."])
    }

    @Test func aMissingToolIsToBeInstalledOrRenamed() throws {
        let report = try ReportFixtures.mixedDrill()
        let gap = try #require(report.roadmap.first { $0.kind == .toolMissing })
        #expect(gap.subject == "promptctl")
        #expect(gap.remedies.first?.contains("Install `promptctl`") == true)
    }

    @Test func gapsAreOrderedByTheTimeTheyCostTheReader() throws {
        let report = try ReportFixtures.mixedDrill()
        let costs = report.roadmap.map(\.costMs)
        #expect(costs == costs.sorted(by: >))
        #expect(report.roadmap.first?.step == 3)
        #expect(report.roadmap.last?.blocking == false)
    }

    @Test(arguments: [
        (BlockedReason.unclear, Gap.Kind.unclearStep, "Rewrite step 1"),
        (.hadToAsk, .hadToAsk, "Write down in step 1 what the reader had to ask (“who owns the registry?”)"),
        (.other, .other, "Change the step"),
    ])
    func aReaderReasonBecomesItsOwnGap(reason: BlockedReason, kind: Gap.Kind, remedy: String) {
        var script = JournalScript()
        script.start()
        script.step(.stepShown, 1, at: 0)
        script.step(.stepBlocked, 1, at: 90_000, reason: reason, note: "who owns the registry?")
        let report = RunReport(events: script.events)
        #expect(report.roadmap.map(\.kind) == [kind])
        #expect(report.roadmap.first?.remedies.first?.contains(remedy) == true)
        #expect(report.roadmap.first?.costMs == 90_000)
    }

    @Test func noPermissionWithoutAProbeUsesTheStepsDeclaredScopes() throws {
        let directory = try DirectoryLoader.load(ReportFixtures.path("mixed-drill/coldread.yaml"))
        let runbook = try RunbookLoader.load(ReportFixtures.path("mixed-drill/agent-wrong-answers.md"), options: LoaderOptions(directory: directory))
        var script = JournalScript()
        script.start(runbook: "agent-wrong-answers")
        script.step(.stepShown, 1, at: 0)
        script.step(.stepBlocked, 1, at: 1000, reason: .noPermission)
        let report = RunReport(events: script.events, runbook: runbook, directory: directory)
        let gap = try #require(report.roadmap.first)
        #expect(gap.kind == .scopeNotHeld)
        #expect(gap.subject == "traces:read")
        #expect(gap.missingMembers == ["ana", "ben", "chidi"])
    }
}
