import DrillKit
import ReportKit
import RunbookKit
import Testing

@Suite("Report rebuilt from a journal")
struct RunReportFoldTests {
    @Test func mixedDrillHeaderAndSteps() throws {
        let report = try ReportFixtures.mixedDrill()
        #expect(report.runId == "20260217T011700Z-ana")
        #expect(report.runbook?.id == "agent-wrong-answers")
        #expect(report.runbookTitle == "Answerbot is serving wrong answers")
        #expect(report.scenario?.id == "wrong-answers-0217")
        #expect(report.reader == "ana")
        #expect(report.cold == true)
        #expect(report.clean == false)
        #expect(report.elapsedMs == 1_156_000)
        #expect(report.budgetMs == 1_800_000)
        #expect(report.steps.map(\.status) == [.blocked, .done, .blocked, .skipped])
        #expect(report.steps[0].blockedReason == .ssoWall)
        #expect(report.steps[1].notes == ["The template version is in a field called tpl_rev, not 'version'."])
        #expect(report.steps[1].injects == ["Support lead: three enterprise customers have opened P1 tickets."])
        #expect(report.steps[2].injects == ["The AI team's product manager is not answering Slack."])
    }

    @Test func stepTimeRunsFromShownToMarkedWithoutPauses() throws {
        let report = try ReportFixtures.mixedDrill()
        // Step 3: shown at 701 s, blocked at 1400 s, with a 300 s pause in between.
        #expect(report.steps[2].timeMs == 1_400_000 - 701_000 - 300_000)
        #expect(report.steps[0].timeMs == 240_000)
        #expect(report.steps[0].startMs == 0)
    }

    @Test func undoTakesBackTheEventItNames() {
        var script = JournalScript()
        script.start()
        script.step(.stepShown, 1, at: 1000)
        script.step(.stepDone, 1, at: 5000)
        script.add(.undone, at: 6000) { $0.undoes = 3 }
        let report = RunReport(events: script.events)
        #expect(report.steps.first?.status == .inProgress)
        #expect(report.finished == false)
    }

    @Test func anInterruptedRunStillGivesAReport() {
        var script = JournalScript()
        script.start(budgetMs: 60_000)
        script.step(.stepShown, 1, at: 1000)
        script.step(.stepBlocked, 1, at: 11_000, reason: .unclear, note: "which cluster?")
        script.step(.stepShown, 2, at: 12_000)
        script.add(.paused, at: 20_000)
        let report = RunReport(events: script.events)
        #expect(report.finished == false)
        #expect(report.clean == false)
        #expect(report.steps.map(\.status) == [.blocked, .inProgress])
        #expect(report.steps[1].timeMs == 8_000)
        #expect(report.elapsedMs == 19_000)
    }

    @Test func stepsNeverReachedComeFromTheRunbook() throws {
        var script = JournalScript()
        script.start(runbook: "agent-wrong-answers")
        script.step(.stepShown, 1, at: 0)
        script.step(.stepDone, 1, at: 1000)
        let runbook = try RunbookLoader.load(ReportFixtures.path("mixed-drill/agent-wrong-answers.md"))
        let report = RunReport(events: script.events, runbook: runbook)
        #expect(report.steps.map(\.status) == [.done, .notReached, .notReached, .notReached])
        #expect(report.clean)
    }

    @Test func aDryRunKeepsStepsOfEachRunbookApart() {
        var script = JournalScript()
        script.start(kind: .dryRun)
        for (runbook, outcome) in [("a", ProbeOutcome.ok), ("b", .notFound)] {
            script.add(.probeResult, at: 10) {
                $0.runbookId = runbook
                $0.step = 1
                $0.result = ProbeResult(kind: .link, step: 1, outcome: outcome, url: "https://\(runbook).example/")
            }
        }
        script.add(.finished, at: 20) { $0.clean = false }
        let report = RunReport(events: script.events)
        #expect(report.kind == .dryRun)
        #expect(report.steps.map(\.runbookId) == ["a", "b"])
        #expect(report.roadmap.map(\.kind) == [.deadLink])
        #expect(report.roadmap.first?.runbookId == "b")
    }

    @Test func aReprobeReplacesTheEarlierResult() {
        var script = JournalScript()
        script.start()
        for outcome in [ProbeOutcome.timeout, .ok] {
            script.add(.probeResult, at: 10) {
                $0.step = 1
                $0.result = ProbeResult(kind: .link, step: 1, outcome: outcome, url: "https://x.example/")
            }
        }
        let report = RunReport(events: script.events)
        #expect(report.steps.first?.probes.map(\.outcome) == [.ok])
    }
}
